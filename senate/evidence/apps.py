from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "senate.evidence"
    label = "evidence"
    verbose_name = "Evidence and fieldwork"

    def ready(self) -> None:
        from senate.evidence import rules  # noqa: F401
        from senate.evidence.library import evidence_received_check
        from senate.reviews import lifecycle

        lifecycle.add_check("record_evidence_received", evidence_received_check)
