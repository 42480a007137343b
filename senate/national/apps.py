from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "senate.national"
    label = "national"
    verbose_name = "The national view"

    def ready(self) -> None:
        from senate.national import rules  # noqa: F401
