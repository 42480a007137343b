from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "senate.evidence"
    label = "evidence"
    verbose_name = "Evidence and fieldwork"

    def ready(self) -> None:
        from senate.core import worker
        from senate.core.uploads import sweeper
        from senate.evidence import rules  # noqa: F401
        from senate.evidence.library import evidence_received_check, stored_files
        from senate.reviews import lifecycle

        lifecycle.add_check("record_evidence_received", evidence_received_check)
        # Files an upload stored before its process was killed, which no version points at.
        worker.add_recovery("orphan evidence files", sweeper("evidence/", stored_files))
