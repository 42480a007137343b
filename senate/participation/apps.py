from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "senate.participation"
    label = "participation"
    verbose_name = "Participation"

    def ready(self) -> None:
        from senate.participation import rules  # noqa: F401
