from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "senate.programme"
    label = "programme"
    verbose_name = "Work programme"

    def ready(self) -> None:
        from senate.programme import feedback, rules  # noqa: F401
        from senate.reviews import lifecycle

        lifecycle.add_consequence("issue", feedback.ask_for_feedback)
