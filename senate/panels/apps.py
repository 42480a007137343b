from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "senate.panels"
    label = "panels"
    verbose_name = "Expert panels"

    def ready(self) -> None:
        from senate.core import registry
        from senate.interests.permissions import INVITED_OR_SEATED
        from senate.organisations.daily import DAILY
        from senate.organisations.home import HOME_TASKS
        from senate.organisations.navigation import NAVIGATION
        from senate.panels import (
            checks,
            home,
            invitations,
            navigation,
            permissions,  # noqa: F401 (permissions grants on import)
            sections,
        )
        from senate.panels.permissions import invited_or_seated
        from senate.reviews.sections import SECTIONS

        checks.install()
        registry.register(NAVIGATION, navigation.items, order=40)
        registry.register(HOME_TASKS, home.tasks, order=50)
        registry.register(SECTIONS, sections.links, order=30)
        registry.register(DAILY, invitations.send_invitation_reminders, order=40, label="panel reminders queued")
        registry.register(INVITED_OR_SEATED, invited_or_seated, order=0)
