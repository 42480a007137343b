from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "senate.participation"
    label = "participation"
    verbose_name = "Participation"

    def ready(self) -> None:
        from senate.core import registry
        from senate.organisations.daily import DAILY
        from senate.organisations.home import HOME_TASKS
        from senate.participation import home, permissions, sections, terms  # noqa: F401 (permissions grants on import)
        from senate.participation.induction import start_induction
        from senate.recruitment.appointing import AFTER_APPOINTMENT
        from senate.reviews.sections import SECTIONS

        # Someone recruited starts their induction at once.
        registry.register(AFTER_APPOINTMENT, start_induction, order=0)
        registry.register(HOME_TASKS, home.tasks, order=100)
        registry.register(SECTIONS, sections.links, order=90)
        registry.register(DAILY, terms.send_term_reminders, order=70, label="term-ending emails queued")
