from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "senate.reports"
    label = "reports"
    verbose_name = "Assessment, recommendations and reports"

    def ready(self) -> None:
        from senate.core import registry
        from senate.interests import restrictions
        from senate.organisations.home import HOME_TASKS
        from senate.reports import home, lifecycle_hooks, permissions, restrictable, saving, sections, tasks  # noqa: F401
        from senate.reviews.sections import SECTIONS

        lifecycle_hooks.install()
        registry.register(HOME_TASKS, home.tasks, order=60)
        registry.register(SECTIONS, sections.links, order=50)
        registry.register(restrictions.CRITERIA, restrictable.CRITERIA, order=0)
        registry.register(saving.VERSION_SAVED, tasks.render_when_committed, order=10)
