from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "senate.statistics"
    label = "statistics"
    verbose_name = "Statistics and the annual report"

    def ready(self) -> None:
        from senate.statistics import rules  # noqa: F401
