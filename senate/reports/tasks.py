"""Background work of reports: each new version's PDF is laid out in the worker once the version is
saved, and kept (rendering.to_pdf), so that its first download is served from the storage."""

from django.db import transaction
from django_tasks import task

from senate.reports import compose, rendering
from senate.reports.models import ReportDraft


@task()
def render_version_pdf(draft_id: int) -> int:
    """Lay out and keep the PDF of one report version (nothing to do when it is already kept);
    returns its size in bytes, 0 when the version no longer exists."""
    draft = ReportDraft.objects.select_related("request__senate", "request__requesting_organisation").filter(
        pk=draft_id
    )
    found = draft.first()
    return len(rendering.to_pdf(compose.compose(found))) if found is not None else 0


def render_when_committed(draft: ReportDraft) -> None:
    """Queue the version's PDF once the transaction that saved it commits (never for a rolled-back
    save); a queue that cannot be reached leaves the PDF to be made on its first download."""
    transaction.on_commit(lambda: render_version_pdf.enqueue(draft.pk), robust=True)
