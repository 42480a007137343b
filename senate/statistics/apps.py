from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "senate.statistics"
    label = "statistics"
    verbose_name = "Statistics and the annual report"

    def ready(self) -> None:
        from senate.core import registry
        from senate.organisations.navigation import NAVIGATION
        from senate.statistics import navigation, rules  # noqa: F401 (rules grants on import)

        registry.register(NAVIGATION, navigation.items, order=60)
