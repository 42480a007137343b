from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "senate.council"
    label = "council"
    verbose_name = "Council meetings"

    def ready(self) -> None:
        from senate.core import worker
        from senate.core.uploads import sweeper
        from senate.council import approval, rules  # noqa: F401
        from senate.council.meetings import stored_papers

        approval.connect()
        # Files a paper upload stored before its process was killed, which no paper points at.
        worker.add_recovery("orphan council papers", sweeper("council/", stored_papers))
