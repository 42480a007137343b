from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "senate.programme"
    label = "programme"
    verbose_name = "Work programme"

    def ready(self) -> None:
        from senate.core import registry
        from senate.organisations.daily import DAILY
        from senate.organisations.home import HOME_TASKS
        from senate.programme import feedback, home, permissions, sections  # noqa: F401 (permissions grants on import)
        from senate.reviews import lifecycle
        from senate.reviews.sections import SECTIONS

        lifecycle.add_consequence("issue", feedback.ask_for_feedback)
        registry.register(HOME_TASKS, home.tasks, order=80)
        registry.register(SECTIONS, sections.links, order=80)
        registry.register(
            DAILY, feedback.ask_for_board_decisions, order=50, label="requesters asked for their board's decision"
        )
