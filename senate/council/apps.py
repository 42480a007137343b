from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "senate.council"
    label = "council"
    verbose_name = "Council meetings"

    def ready(self) -> None:
        from senate.core import registry, worker
        from senate.core.uploads import sweeper
        from senate.council import approval, home, navigation, permissions, sections  # noqa: F401
        from senate.council.meetings import stored_papers
        from senate.organisations.home import HOME_TASKS
        from senate.organisations.navigation import NAVIGATION
        from senate.reviews.sections import SECTIONS

        approval.connect()
        # Files a paper upload stored before its process was killed, which no paper points at.
        worker.add_recovery("orphan council papers", sweeper("council/", stored_papers))
        registry.register(NAVIGATION, navigation.items, order=50)
        registry.register(HOME_TASKS, home.tasks, order=70)
        registry.register(SECTIONS, sections.links, order=60)
