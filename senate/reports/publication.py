"""For the Council app (which approves and publishes reports): the final version of a request's
report, as standalone accessible HTML, as PDF and as DOCX, with any agreed redactions applied to the
text before it is rendered."""

from collections.abc import Iterable

from senate.reports import compose, rendering, signoff
from senate.reports.document import Document, redacted
from senate.reports.models import ReportDraft
from senate.reviews.models import Request


def final_version(request: Request) -> ReportDraft | None:
    """The version the Council signed off: the only one issued and published (never simply the latest)."""
    return signoff.signed_off(request)


def document(version: ReportDraft, redactions: Iterable[str] = ()) -> Document:
    return redacted(compose.compose(version), redactions)


def report_html(version: ReportDraft, redactions: Iterable[str] = ()) -> str:
    return rendering.to_html(document(version, redactions))


def report_pdf(version: ReportDraft, redactions: Iterable[str] = ()) -> bytes:
    return rendering.to_pdf(document(version, redactions))


def report_docx(version: ReportDraft, redactions: Iterable[str] = ()) -> bytes:
    return rendering.to_docx(document(version, redactions))
