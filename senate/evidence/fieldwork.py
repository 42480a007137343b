"""Fieldwork on a request: site visits, interviews and panel meetings, and the papers circulated for
them. Papers are late when sent fewer than the Senate's notice days (default 21) before the meeting."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.evidence.models import Fieldwork, PapersCirculated
from senate.reviews.models import Request


def record_fieldwork(
    *,
    request: Request,
    kind: str,
    held_on: dt.date,
    by: User,
    place: str = "",
    attendees: Iterable[User] = (),
    others_attending: str = "",
    notes: str = "",
) -> Fieldwork:
    with transaction.atomic():
        work = Fieldwork.objects.create(
            request=request,
            kind=kind,
            held_on=held_on,
            place=place.strip(),
            others_attending=others_attending.strip(),
            notes=notes.strip(),
            recorded_by=by,
        )
        work.attendees.set(list(attendees))
        audit.record(
            "evidence.fieldwork_recorded",
            work,
            by=by,
            senate=request.senate,
            summary=f"Recorded {work} for {request}",
            data={"request": request.pk, "kind": kind, "held_on": held_on.isoformat()},
        )
    return work


def record_papers(*, fieldwork: Fieldwork, description: str, sent_on: dt.date, by: User) -> PapersCirculated:
    with transaction.atomic():
        papers = PapersCirculated.objects.create(
            fieldwork=fieldwork, description=description.strip(), sent_on=sent_on, recorded_by=by
        )
        audit.record(
            "evidence.papers_circulated",
            papers,
            by=by,
            senate=fieldwork.request.senate,
            summary=f"Papers “{papers.description}” sent on {sent_on:%-d %B %Y} for {fieldwork}",
            data={"fieldwork": fieldwork.pk, "late": is_late(papers)},
        )
    return papers


def notice_days(papers: PapersCirculated) -> int:
    return (papers.fieldwork.held_on - papers.sent_on).days


def is_late(papers: PapersCirculated) -> bool:
    """Sent later than the Senate's rule (papers_notice_days before the meeting or visit)."""
    return notice_days(papers) < papers.fieldwork.request.senate.papers_notice_days
