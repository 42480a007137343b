from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "senate.recruitment"
    label = "recruitment"
    verbose_name = "Recruitment and appointment"

    def ready(self) -> None:
        from senate.core import registry
        from senate.organisations.home import HOME_TASKS
        from senate.recruitment import (
            home,
            permissions,  # noqa: F401 (permissions grants on import)
        )

        registry.register(HOME_TASKS, home.tasks, order=90)
