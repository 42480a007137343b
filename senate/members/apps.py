from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "senate.members"
    label = "members"
    verbose_name = "Council and Assembly members"

    def ready(self) -> None:
        from senate.core import registry
        from senate.members import (
            navigation,
            permissions,  # noqa: F401 (permissions grants on import)
        )
        from senate.organisations.navigation import NAVIGATION

        registry.register(NAVIGATION, navigation.items, order=20)
