from django.apps import AppConfig


class InterestsConfig(AppConfig):
    name = "senate.interests"
    label = "interests"
    verbose_name = "Declarations of interest and conflicts"

    def ready(self) -> None:
        from senate.core import registry
        from senate.interests import (
            home,
            navigation,
            permissions,  # noqa: F401 (permissions grants on import)
            reminders,
        )
        from senate.organisations.daily import DAILY
        from senate.organisations.home import HOME_TASKS
        from senate.organisations.navigation import NAVIGATION

        registry.register(NAVIGATION, navigation.items, order=30)
        registry.register(HOME_TASKS, home.tasks, order=30)
        registry.register(DAILY, reminders.send_declaration_reminders, order=20, label="declaration reminders queued")
