from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "senate.assurance"
    label = "assurance"
    verbose_name = "Service-change assurance, honest-broker work and partners"

    def ready(self) -> None:
        from senate.assurance import home, partners, permissions, reminders, sections  # noqa: F401
        from senate.core import registry
        from senate.organisations.daily import DAILY
        from senate.organisations.home import HOME_TASKS
        from senate.reviews import lifecycle
        from senate.reviews.sections import PARTS, SECTIONS

        lifecycle.add_consequence("redirect", partners.on_redirect)
        registry.register(HOME_TASKS, home.tasks, order=20)
        registry.register(SECTIONS, sections.links, order=10)
        registry.register(PARTS, sections.part, order=10)
        registry.register(
            DAILY, reminders.send_temporary_change_reminders, order=60, label="temporary-change review reminders queued"
        )
