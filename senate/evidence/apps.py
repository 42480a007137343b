from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "senate.evidence"
    label = "evidence"
    verbose_name = "Evidence and fieldwork"

    def ready(self) -> None:
        from senate.core import registry, worker
        from senate.core.uploads import sweeper
        from senate.evidence import home, permissions, reminders, restrictable, sections  # noqa: F401 (permissions grants on import)
        from senate.evidence.library import evidence_received_check, stored_files
        from senate.interests import panel as interests_panel
        from senate.interests import restrictions
        from senate.organisations.daily import DAILY
        from senate.organisations.home import HOME_TASKS
        from senate.reviews import lifecycle
        from senate.reviews.sections import SECTIONS

        lifecycle.add_check("record_evidence_received", evidence_received_check)
        # Files an upload stored before its process was killed, which no version points at.
        worker.add_recovery("orphan evidence files", sweeper("evidence/", stored_files))
        registry.register(HOME_TASKS, home.tasks, order=40)
        registry.register(SECTIONS, sections.links, order=20)
        registry.register(DAILY, reminders.send_evidence_reminders, order=30, label="evidence reminders queued")
        registry.register(restrictions.TIERS, restrictable.TIERS, order=0)
        registry.register(restrictions.ITEMS, restrictable.ITEMS, order=0)
        registry.register(interests_panel.FIRST_OPENED, restrictable.first_opened, order=0)
