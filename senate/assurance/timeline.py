"""The assurance timeline of a request beside the Senate's own, and where the Senate's review sits:
before public consultation, in parallel with it, or after it and before the decision."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.timezone import localdate

from senate.assurance.models import AssuranceContext, Step
from senate.assurance.recording import dates, step_label
from senate.reviews.models import Request
from senate.reviews.stages import Stage

# The Senate's own moments shown beside the assurance steps.
SENATE_MOMENTS = {
    Stage.RECEIVED: "Request received by the Senate",
    Stage.ACCEPTED: "Senate accepts the request",
    Stage.TOR_APPROVED: "Terms of reference approved",
    Stage.PANEL_MEETING: "Senate panel meets",
    Stage.ISSUED: "Senate's advice issued",
    Stage.PUBLISHED: "Senate's advice published",
}


@dataclass(frozen=True)
class Row:
    on: dt.date
    side: str  # "assurance" or "senate"
    what: str
    detail: str = ""


def senate_moments(request: Request) -> list[Row]:
    seen: dict[str, dt.date] = {}
    for event in request.events.all():
        if event.to_stage in SENATE_MOMENTS and event.to_stage not in seen:
            seen[event.to_stage] = localdate(event.at)
    return [Row(on, "senate", SENATE_MOMENTS[Stage(stage)]) for stage, on in seen.items()]


def rows(request: Request, context: AssuranceContext) -> list[Row]:
    found = senate_moments(request)
    if context.pk is not None:
        for e in context.events.all():
            detail = " — ".join(x for x in (e.body, e.outcome) if x)
            found.append(Row(e.on, "assurance", step_label(e.step), detail))
    if request.advice_due_on:  # the Senate's deadline the work queue follows (reviews.deadlines.advice_due)
        found.append(Row(request.advice_due_on, "senate", "Senate's advice needed by", request.advice_due_for))
    if request.kind == "urgent_temporary" and context.temporary_review_date:
        found.append(Row(context.temporary_review_date, "assurance", "Temporary change to be looked at again"))
    return sorted(found, key=lambda r: (r.on, r.side != "assurance"))


def review_span(request: Request) -> tuple[dt.date | None, dt.date | None]:
    """From the request's receipt to the advice being issued (None while it is still being written)."""
    moments = {r.what: r.on for r in senate_moments(request)}
    start = moments.get(SENATE_MOMENTS[Stage.RECEIVED]) or (
        localdate(request.submitted_at) if request.submitted_at else None
    )
    return start, moments.get(SENATE_MOMENTS[Stage.ISSUED])


def placement(request: Request, context: AssuranceContext, today: dt.date | None = None) -> str:
    start, issued = review_span(request)
    if start is None:
        return "The request has not been sent to the Senate yet."
    known: dict[str, Any] = dates(context)
    end = issued or today or dt.date.today()
    opens, closes, decided = (known.get(s) for s in (Step.CONSULTATION_START, Step.CONSULTATION_END, Step.DECISION))
    if decided and end > decided:
        return "After the commissioner's decision."
    if opens and end <= opens:
        return "Before public consultation."
    if opens and start <= (closes or end) and end >= opens and not (closes and start >= closes):
        return "In parallel with public consultation."
    if closes and start >= closes:
        return "After public consultation and before the decision."
    return "Not yet placed: record the public consultation dates to place the Senate's review."
