from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "senate.reports"
    label = "reports"
    verbose_name = "Assessment, recommendations and reports"

    def ready(self) -> None:
        from senate.reports import lifecycle_hooks, rules  # noqa: F401

        lifecycle_hooks.install()
