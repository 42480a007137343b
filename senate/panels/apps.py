from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "senate.panels"
    label = "panels"
    verbose_name = "Expert panels"

    def ready(self) -> None:
        from senate.panels import checks

        checks.install()
