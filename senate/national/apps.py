from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "senate.national"
    label = "national"
    verbose_name = "The national view"

    def ready(self) -> None:
        from senate.core import registry
        from senate.national import navigation, permissions  # noqa: F401 (permissions grants on import)
        from senate.organisations.navigation import EVERYWHERE

        registry.register(EVERYWHERE, navigation.items, order=10)
