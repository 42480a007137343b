from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "senate.statistics"
    label = "statistics"
    verbose_name = "Statistics and the annual report"

    def ready(self) -> None:
        from senate.core import registry
        from senate.organisations.navigation import NAVIGATION
        from senate.statistics import navigation, permissions  # noqa: F401 (permissions grants on import)

        registry.register(NAVIGATION, navigation.items, order=60)
