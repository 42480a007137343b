from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "senate.reviews"
    label = "reviews"
    verbose_name = "Requests for advice and reviews"

    def ready(self) -> None:
        from senate.core import registry
        from senate.interests.permissions import UNLESS_A_HIDDEN_DRAFT
        from senate.organisations.daily import DAILY
        from senate.organisations.home import HOME_TASKS
        from senate.organisations.navigation import NAVIGATION
        from senate.reviews import (
            deadlines,
            home,
            navigation,
            permissions,  # noqa: F401 (permissions grants on import)
        )
        from senate.reviews.permissions import unless_a_hidden_draft

        registry.register(NAVIGATION, navigation.items, order=10)
        registry.register(HOME_TASKS, home.tasks, order=10)
        registry.register(DAILY, deadlines.send_reminders, order=10, label="deadline reminders queued")
        registry.register(UNLESS_A_HIDDEN_DRAFT, unless_a_hidden_draft, order=0)
