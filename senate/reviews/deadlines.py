"""Service levels: what is due next on each open request, what is overdue, and the daily reminders.
The periods are settings per Senate (organisations.Senate), defaults from docs/domain.md §2.5."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate
from senate.reviews.models import Request
from senate.reviews.notices import recipients
from senate.reviews.stages import FINISHED, Stage


@dataclass(frozen=True)
class Due:
    what: str
    on: dt.date | None
    who: str  # "senate" or "requester"
    needs_panel_day: bool = False  # dated from the panel day, which the terms of reference do not set yet

    def overdue(self, today: dt.date) -> bool:
        return self.on is not None and self.on < today


def _entered(request: Request) -> dt.date:
    moment = request.stage_entered_at or request.submitted_at or request.created_at
    return moment.date()


def _panel_date(request: Request) -> dt.date | None:
    """The panel day in the newest terms of reference still standing; read from the prefetched terms
    when the caller prefetched them (the work queue), so a list costs no query per request."""
    standing = [t for t in request.terms.all() if t.status != "superseded"]
    terms = max(standing, key=lambda t: t.version, default=None)
    return terms.panel_date if terms else None


def next_due(request: Request) -> Due | None:
    senate, stage, entered = request.senate, request.stage, _entered(request)
    days = dt.timedelta
    if stage == Stage.RECEIVED:
        return Due("Triage the request", entered + days(days=10), "senate")
    if stage == Stage.MORE_INFORMATION:
        return Due("Requester to send more information", entered + days(days=28), "requester")
    if stage == Stage.ACCEPTED and request.is_short_path:
        return Due("Write the letter of advice", None, "senate")
    if stage in (Stage.ACCEPTED, Stage.TOR_DRAFTED):
        return Due(
            "Terms of reference agreed",
            entered + days(days=28),
            "requester" if stage == Stage.TOR_DRAFTED else "senate",
        )
    if stage in (Stage.TOR_AGREED,):
        return Due("Terms of reference approved", entered + days(days=14), "senate")
    panel = _panel_date(request)
    if stage == Stage.TOR_APPROVED:
        return Due(
            "Panel recruited (8 weeks before the panel)",
            panel - days(days=senate.panel_notice_days) if panel else None,
            "senate",
            needs_panel_day=panel is None,
        )
    if stage in (Stage.PANEL_RECRUITED, Stage.EVIDENCE_RECEIVED):
        papers = panel - days(days=senate.papers_notice_days) if panel else None
        return Due("Papers to the panel", papers, "senate", needs_panel_day=panel is None)
    if stage == Stage.FACTUAL_ACCURACY:
        return Due(
            "Requester's factual accuracy comments", entered + days(days=senate.factual_accuracy_days), "requester"
        )
    if stage in (Stage.ISSUED, Stage.PUBLISHED):
        return Due(
            "Requester's response to the recommendations", entered + days(days=senate.response_days), "requester"
        )
    if stage in (Stage.DESKTOP_REVIEW, Stage.FIELDWORK):
        return Due("Panel meeting (the panel day in the terms of reference)", panel, "senate", panel is None)
    return NEXT_STEP.get(stage)


# Stages with no agreed service level (docs/domain.md §2.5: end-to-end durations are UNCONFIRMED):
# the next step is shown, without a date, so nothing is called overdue on a guessed period.
NEXT_STEP: dict[str, Due] = {
    Stage.PANEL_MEETING: Due("Write the draft report", None, "senate"),
    Stage.DRAFT_REPORT: Due("Send the draft report for factual accuracy", None, "senate"),
    Stage.REPORT_REVISED: Due("Approval of the report for issue", None, "senate"),
    Stage.ADVICE_DRAFTED: Due("Approval of the letter of advice for issue", None, "senate"),
    Stage.APPROVED: Due("Issue the advice to the requester", None, "senate"),
    Stage.RESPONSE_RECEIVED: Due("Start follow-up of the recommendations", None, "senate"),
    Stage.FOLLOW_UP: Due("Close once follow-up is complete", None, "senate"),
    Stage.PAUSED: Due("Resume or withdraw the request", None, "senate"),
}


# Once the advice is issued (or the request is finished) the Senate's advice deadline is met or moot.
ADVICE_GIVEN = frozenset({Stage.ISSUED, Stage.PUBLISHED, Stage.RESPONSE_RECEIVED, Stage.FOLLOW_UP}) | FINISHED


def advice_due(request: Request) -> Due | None:
    """The Senate's own deadline for its advice (Request.advice_due_on), while the advice is still to
    be issued; shown beside next_due on the request page and the work queue, and reminded when passed."""
    if request.advice_due_on is None or request.stage in ADVICE_GIVEN:
        return None
    why = request.advice_due_for
    why = f" ({why[:1].lower()}{why[1:]})" if why else ""
    return Due(f"Issue the Senate's advice{why}", request.advice_due_on, "senate")


def _day(d: dt.date | None) -> str | None:
    return d.strftime("%-d %B %Y") if d else None


def set_advice_deadline(*, request: Request, on: dt.date | None, why: str, by: User) -> Request:
    """Set (or, with None, clear) the Senate's deadline for its advice, with the audit event, in one
    transaction."""
    with transaction.atomic():
        before = request.advice_due_on
        request.advice_due_on, request.advice_due_for = on, why if on else ""
        request.save(update_fields=["advice_due_on", "advice_due_for"])
        audit.record(
            "request.advice_deadline_set",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference}: Senate's advice needed by {_day(on) or 'no date'}"
            + (f" ({why})" if why else ""),
            data={"changed": {"Senate's advice needed by": [_day(before), _day(on)]}, "why": why},
        )
    return request


# What next_due and advice_due read of a request: all a count of what is due needs (the front page's tasks).
DUE_FIELDS = (
    "pk", "senate_id", "kind", "stage", "stage_entered_at", "submitted_at", "created_at", "advice_due_on",
    "advice_due_for",
)  # fmt: skip


def work_queue(senate: Senate, today: dt.date, *, for_counting: bool = False) -> list[dict[str, Any]]:
    """Each open request with what is due next on it ("due") and the Senate's advice deadline if one is
    set ("advice"), overdue (either of them) first. `for_counting`: only what
    next_due reads of each request is loaded (not its organisation, programme or texts)."""
    open_requests = (
        Request.objects.filter(senate=senate)
        .exclude(stage__in=[Stage.DRAFT, Stage.CLOSED, Stage.WITHDRAWN, Stage.DECLINED, Stage.REDIRECTED])
        .prefetch_related("terms")
    )
    if for_counting:
        open_requests = open_requests.only(*DUE_FIELDS)
    else:
        open_requests = open_requests.select_related("requesting_organisation", "programme")
    rows = []
    for request in open_requests:
        request.senate = senate  # the Senate asked about: not read again for each request
        due, advice = next_due(request), advice_due(request)
        late = [d for d in (due, advice) if d is not None and d.overdue(today)]
        rows.append({"request": request, "due": due, "advice": advice, "overdue": bool(late), "late": late})
    order = {value: i for i, value in enumerate(Stage.values)}
    return sorted(rows, key=lambda r: (not r["overdue"], order[r["request"].stage], r["request"].pk))


def send_reminders(senate: Senate, *, today: dt.date) -> int:
    """Queue one reminder per overdue item per day (the next step's service level and the Senate's advice
    deadline are separate items); returns how many were queued."""
    sent = 0
    with transaction.atomic():
        for row in work_queue(senate, today):
            request = row["request"]
            for due in row["late"]:
                # the advice deadline's own key, so it is reminded beside the stage's service level
                part = "advice" if due is row["advice"] else request.stage
                sent += _remind(senate, request, due, part, today)
    return sent


def _remind(senate: Senate, request: Request, due: Due, part: str, today: dt.date) -> int:
    sent = 0
    for person in recipients(request, due.who):
        key = f"deadline:{request.pk}:{part}:{person.pk}:{today.isoformat()}"
        if queue_email(
            to=person,
            subject=f"{request.reference}: overdue – {due.what}",
            body=f"{due.what} was due on {due.on:%-d %B %Y}.\n\n{request.title}",
            kind="request.reminder",
            about=request,
            senate=senate,
            dedupe_key=key,
        ):
            sent += 1
    return sent
