"""For the Council app (which approves and publishes reports): the final version of a request's
report, as standalone accessible HTML, as PDF and as DOCX, with any agreed redactions applied to the
text before it is rendered."""

import hashlib
from collections.abc import Iterable

from django.utils import timezone
from markupsafe import Markup

from senate.core.cache import rendered, until_next_act
from senate.evidence.models import AccessLog
from senate.interests.models import Attestation, DeclarationVersion
from senate.members.models import Affiliation, MemberProfile, Membership
from senate.reports import compose, rendering, signoff
from senate.reports.document import Document, redacted
from senate.reports.models import ReportDraft
from senate.reviews.models import Request


def final_version(request: Request) -> ReportDraft | None:
    """The version the Council signed off: the only one issued and published (never simply the latest)."""
    return signoff.signed_off(request)


# The append-only tables a version's document is composed from besides its request's records: a new
# row in one (a factory's, an import's) makes a new document, as an act does (`until_next_act`).
COMPOSED_FROM = (AccessLog, Attestation, DeclarationVersion, Affiliation, Membership, MemberProfile)


def document(version: ReportDraft, redactions: Iterable[str] = ()) -> Document:
    """The version as a document, kept until the next act and for the day (its panel section says
    where each member's declarations stand today): it reads some twenty tables, and the issued advice
    is read far more often than anything it is made from changes."""
    redactions = tuple(redactions)
    asked = hashlib.sha256(repr(redactions).encode()).hexdigest()[:16]
    key = f"reports.document:{version.pk}:{timezone.localdate().isoformat()}:{asked}"
    return until_next_act(key, lambda: redacted(compose.compose(version), redactions), rows_of=COMPOSED_FROM)


def page_body(version: ReportDraft) -> Markup:
    """The version as the body of its page (any version, draft or final, to whoever may read it: the
    document is the same for every reader), composed and drawn once and kept as `document` is."""
    key = f"reports.page_body:{version.pk}:{timezone.localdate().isoformat()}"
    work_out = lambda: rendered("reports/_document_body.jinja", {"doc": compose.compose(version)})  # noqa: E731
    return until_next_act(key, work_out, rows_of=COMPOSED_FROM)


def report_html(version: ReportDraft, redactions: Iterable[str] = ()) -> str:
    return rendering.to_html(document(version, redactions))


def report_pdf(version: ReportDraft, redactions: Iterable[str] = ()) -> bytes:
    return rendering.to_pdf(document(version, redactions))


def report_docx(version: ReportDraft, redactions: Iterable[str] = ()) -> bytes:
    return rendering.to_docx(document(version, redactions))
