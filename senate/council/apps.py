from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "senate.council"
    label = "council"
    verbose_name = "Council meetings"

    def ready(self) -> None:
        from senate.council import approval, rules  # noqa: F401

        approval.connect()
