"""Reads the programme's pages share, and plain figures a dashboard or the annual report can call per
Senate and year (a plan year: 1 April to 31 March; or any two dates). Each is a fixed number of
queries whatever the data size."""

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Avg, Count, F, Q, QuerySet, Sum

from senate.organisations.models import Senate
from senate.programme.models import Activity, BoardDecision, Effort, Feedback, Influence, PlanItem, Topic
from senate.programme.planning import year_bounds
from senate.reviews.models import Request
from senate.reviews.stages import FINISHED, Stage

T = TypeVar("T")


def plan_items(senate: Senate, year: int) -> QuerySet[PlanItem]:
    """The year's plan, highest priority first (unscored last), with what each row shows."""
    return (
        PlanItem.objects.filter(senate=senate, year=year)
        .select_related("request", "topic", "topic__request", "council_meeting")
        .prefetch_related("scores")
        # NULLS LAST said outright: PostgreSQL sorts an unscored item first in descending order, SQLite last.
        .order_by(F("score").desc(nulls_last=True), F("expected_start").asc(nulls_last=True), "id")
    )


def plan_years(senate: Senate) -> list[int]:
    return sorted(set(PlanItem.objects.filter(senate=senate).values_list("year", flat=True)))


def topics_of(senate: Senate) -> QuerySet[Topic]:
    return Topic.objects.filter(senate=senate).select_related("request", "sponsor_member", "sponsor_organisation")


def plannable(senate: Senate, year: int) -> tuple[list[Request], list[Topic]]:
    """Open requests and topics not yet in the year's plan (for the "add to the plan" choices)."""
    requests = list(
        Request.objects.filter(senate=senate)
        .exclude(stage__in=FINISHED | {Stage.DRAFT})
        .exclude(plan_items__year=year)
        .order_by("reference")
    )
    topics = list(
        Topic.objects.filter(senate=senate, request__isnull=True, done_at__isnull=True)
        .exclude(plan_items__year=year)
        .order_by("title")
    )
    return requests, topics


def meetings_ahead(senate: Senate, year: int) -> list[Any]:
    from senate.council.models import Meeting

    start, end = year_bounds(year)
    return list(
        Meeting.objects.filter(senate=senate, kind=Meeting.Kind.COUNCIL, date__range=(start, end)).order_by("date")
    )


def feedback_summary(senate: Senate, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Requester feedback given between two dates: how many, mean ratings (1-5) and the share who would ask again."""
    found = Feedback.objects.filter(request__senate=senate, at__date__range=(start, end)).aggregate(
        answers=Count("id"),
        usefulness=Avg("usefulness"),
        timeliness=Avg("timeliness"),
        clarity=Avg("clarity"),
        again=Count("id", filter=Q(would_ask_again=True)),
    )
    n = found["answers"]
    return {
        "answers": n,
        "usefulness": _round(found["usefulness"]),
        "timeliness": _round(found["timeliness"]),
        "clarity": _round(found["clarity"]),
        "would_ask_again": round(100 * found["again"] / n) if n else None,
    }


def board_decisions_summary(senate: Senate, start: dt.date, end: dt.date) -> dict[str, int]:
    """How boards used the advice: decisions recorded between two dates, by influence (every kind listed)."""
    counts = dict(
        BoardDecision.objects.filter(request__senate=senate, at__date__range=(start, end))
        .values_list("influence")
        .annotate(n=Count("id"))
        .values_list("influence", "n")
    )
    return {label: counts.get(value, 0) for value, label in Influence.choices}


def effort_summary(senate: Senate, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Support-team time recorded between two dates: total minutes, requests, and minutes by activity."""
    rows = Effort.objects.filter(request__senate=senate, on__range=(start, end))
    total = rows.aggregate(minutes=Sum("minutes"), requests=Count("request", distinct=True))
    by_activity = dict(rows.values_list("activity").annotate(m=Sum("minutes")).values_list("activity", "m"))
    return {
        "minutes": total["minutes"] or 0,
        "requests": total["requests"],
        "by_activity": {label: by_activity.get(value, 0) for value, label in Activity.choices},
    }


def for_year(summary: Callable[[Senate, dt.date, dt.date], T], senate: Senate, year: int) -> T:
    """Any summary above for a plan year: for_year(feedback_summary, senate, 2026)."""
    return summary(senate, *year_bounds(year))


def effort_for(request: Request) -> tuple[list[Effort], int]:
    entries = list(Effort.objects.filter(request=request).select_related("by"))
    return entries, sum(e.minutes for e in entries)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def feedback_on(request: Request) -> Feedback | None:
    return Feedback.objects.filter(request=request).first()


def board_decision_on(request: Request) -> BoardDecision | None:
    return BoardDecision.objects.filter(request=request).first()
