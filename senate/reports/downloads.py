"""A report version's PDF for download, served from the kept file without composing the report again
while nothing has been recorded since it was last composed.

The PDF itself is kept under the hash of its HTML (rendering.to_pdf), so it is never out of date; but
finding which kept file is current means composing the report (about 86 queries for a long one), since
a version's document is not frozen when it is saved (its document control lists later versions, the
sign-off makes it Final, the panel and evidence are read as they are now). Which file is current is
therefore remembered the way core.cache keeps readings "until the next act": under the version, the day
(the panel's declarations are read as at today) and the newest audit event and newest rows of the tables
the report is made from. Every change of state writes an audit event (ADR 0004), so a remembered name is
never asked for again once anything may have changed. A download writes an audit event too, but changes
nothing a report reads: the name is carried forward past the download's own event, and only when no
other event came between."""

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from senate.core.cache import TIMEOUT, newest_of
from senate.core.models import AuditEvent
from senate.evidence.models import EvidenceItem
from senate.panels.models import PanelMember
from senate.reports import compose, rendering
from senate.reports.models import AccuracyComment, ReportDraft, SignOff
from senate.reviews.models import Recommendation

# The newest audit event first; then tables a report is made from whose rows a data import or a test's
# factory may add without an act.
WATCHED = (AuditEvent, ReportDraft, SignOff, AccuracyComment, Recommendation, PanelMember, EvidenceItem)


@dataclass(frozen=True)
class Served:
    pdf: bytes
    name: str  # the kept file's name (rendering.kept_name)
    stamps: tuple[int, ...]  # newest_of(WATCHED) when it was looked up
    composed: bool  # False when served without composing the report


def _key(draft: ReportDraft, today: dt.date, stamps: tuple[int, ...]) -> str:
    return f"report-pdf:{draft.pk}:{today.isoformat()}:{'.'.join(map(str, stamps))}"


def version_pdf(draft: ReportDraft, *, today: dt.date | None = None) -> Served:
    """The version's PDF: the kept file remembered as current, or composed (and laid out if not kept)."""
    today = today or timezone.localdate()
    stamps = tuple(newest_of(WATCHED))
    key = _key(draft, today, stamps)
    name = cache.get(key)
    if name is not None:
        try:
            with default_storage.open(name) as kept:
                return Served(kept.read(), name, stamps, composed=False)
        except OSError:  # the kept file was cleared away: compose it again
            pass
    doc = compose.compose(draft, today=today)
    name = rendering.kept_name(rendering.to_html(doc))
    pdf = rendering.to_pdf(doc)
    transaction.on_commit(lambda: cache.set(key, name, TIMEOUT))
    return Served(pdf, name, stamps, composed=True)


def after_download(draft: ReportDraft, served: Served, event: AuditEvent, *, today: dt.date | None = None) -> None:
    """Remember the name past the download's own audit event, when that event is the only thing recorded
    since the lookup (another act in between may have changed the report: then it is composed again)."""
    today = today or timezone.localdate()
    now = tuple(newest_of(WATCHED))
    if now[0] != event.pk or now[1:] != served.stamps[1:]:
        return
    if AuditEvent.objects.filter(pk__gt=served.stamps[0], pk__lt=event.pk).exists():
        return
    key, name = _key(draft, today, now), served.name
    transaction.on_commit(lambda: cache.set(key, name, TIMEOUT))
