"""The dashboard's tables from the work programme and participation: requester feedback, board
decisions, support-team time, development opportunities taken up, involvement payments and expenses
approved, and the forward plan for the year after. One function per table, each taking a Senate and a
year, each a fixed number of queries whatever the number of rows."""

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Count, F

from senate.organisations.models import Senate
from senate.participation.models import Claim, Development, StatementSignOff
from senate.programme import queries as programme
from senate.programme.models import BoardDecision, Effort, Feedback, PlanItem
from senate.statistics.period import QUARTERS, Year
from senate.statistics.tables import Chart, Table


def feedback(senate: Senate, year: Year) -> Table:
    found = programme.feedback_summary(senate, year.first_day, year.last_day)
    rows: list[list[Any]] = []
    if found["answers"]:
        rows = [
            ["Responses", found["answers"]],
            ["Usefulness (average, out of 5)", found["usefulness"]],
            ["Timeliness (average, out of 5)", found["timeliness"]],
            ["Clarity (average, out of 5)", found["clarity"]],
            ["Would ask the Senate again (%)", found["would_ask_again"]],
        ]
    return Table(
        "requester-feedback",
        f"Requester feedback given in {year.label}",
        ["Measure", "Value"],
        rows,
        note="Requesters rate the advice from 1 (poor) to 5 (very good) once it has been issued.",
    )


def board_decisions(senate: Senate, year: Year) -> Table:
    found = programme.board_decisions_summary(senate, year.first_day, year.last_day)
    total = sum(found.values())
    rows: list[list[Any]] = [[label, n] for label, n in found.items()]
    return Table(
        "board-decisions",
        f"Board decisions recorded in {year.label}, by how the advice shaped them",
        ["How the advice shaped the decision", "Decisions"],
        rows if total else [],
        note=f"{total} board decisions recorded by requesters in all.",
        chart=Chart(unit="decisions"),
    )


def support_time(senate: Senate, year: Year) -> Table:
    found = programme.effort_summary(senate, year.first_day, year.last_day)
    rows: list[list[Any]] = []
    if found["minutes"]:
        rows = [
            ["All support-team time (hours)", found["minutes"] / 60],
            ["Requests with time recorded", found["requests"]],
            *([f"{label} (hours)", minutes / 60] for label, minutes in found["by_activity"].items()),
        ]
    return Table(
        "support-time",
        f"Support-team time recorded in {year.label}",
        ["Measure", "Value"],
        rows,
        note="Time the Senate team records against a request (optional), by the day it was spent.",
    )


KINDS = dict(Development.Kind.choices)


def development(senate: Senate, year: Year) -> Table:
    """Opportunities members took up (accepted) in the year, by kind; statements of participation
    signed off for the year in the note."""
    start, end = year.bounds()
    taken = (
        Development.objects.filter(
            senate=senate, status=Development.Status.ACCEPTED, answered_at__gte=start, answered_at__lt=end
        )
        .values_list("kind")
        .annotate(n=Count("id"), members=Count("profile", distinct=True))
        .values_list("kind", "n", "members")
    )
    found = {kind: (n, members) for kind, n, members in taken}
    rows: list[list[Any]] = [[label, *found[value]] for value, label in KINDS.items() if value in found]
    statements = StatementSignOff.objects.filter(senate=senate, year_from=year.first_day).count()
    return Table(
        "development",
        f"Development opportunities taken up in {year.label}, by kind",
        ["Opportunity", "Taken up", "Members"],
        rows,
        note=f"{statements} statements of participation signed off for {year.label}.",
        chart=Chart(unit="opportunities"),
    )


def claims(senate: Senate, year: Year) -> Table:
    """Approved involvement payment and expenses claims, by the quarter of the activity claimed for."""
    found = (
        Claim.objects.filter(
            senate=senate,
            status=Claim.Status.APPROVED,
            activity_on__gte=year.first_day,
            activity_on__lte=year.last_day,
        )
        .values_list("activity_on", "payment", "expenses")
        .order_by()
    )
    counts: Counter[int] = Counter()
    payments: dict[int, Decimal] = {q: Decimal(0) for q in range(1, 5)}
    expenses: dict[int, Decimal] = {q: Decimal(0) for q in range(1, 5)}
    for on, payment, spent in found:
        q = year.quarter(on)
        counts[q] += 1
        payments[q] += payment
        expenses[q] += spent
    rows: list[list[Any]] = [
        [name, counts[q], _pounds(payments[q]), _pounds(expenses[q]), _pounds(payments[q] + expenses[q])]
        for q, name in enumerate(QUARTERS, start=1)
    ]
    total = sum(payments.values(), Decimal(0)) + sum(expenses.values(), Decimal(0))
    return Table(
        "involvement-payments",
        f"Involvement payments and expenses approved for {year.label}, by quarter",
        ["Quarter", "Claims approved", "Involvement payments (£)", "Expenses (£)", "Total (£)"],
        rows if counts else [],
        note=f"{sum(counts.values())} claims approved for £{total:,.2f} in all, counted in the quarter of the "
        "activity claimed for.",
        chart=Chart(unit="claims"),
    )


def _pounds(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def forward_plan(senate: Senate, year: Year) -> Table:
    """The plan for the year after, in priority order (the highest score first, unscored last)."""
    following = year.start_year + 1
    items = (
        PlanItem.objects.filter(senate=senate, year=following)
        .select_related("request", "topic", "council_meeting")
        .order_by(F("score").desc(nulls_last=True), F("expected_start").asc(nulls_last=True), "id")
    )
    rows: list[list[Any]] = []
    rank = 0
    for item in items:
        if item.score is not None:
            rank += 1
        rows.append(
            [
                rank if item.score is not None else "Not scored",
                item.title,
                _day(item.expected_start),
                _day(item.expected_panel),
                _day(item.council_meeting.date if item.council_meeting else None),
                _day(item.advice_due),
                item.panels_needed,
            ]
        )
    label = Year(following).label
    return Table(
        "forward-plan",
        f"Forward plan for {label}, in priority order",
        ["Priority", "Item", "Expected start", "Panel expected", "Council meeting", "Advice due", "Panels needed"],
        rows,
        note="Priority: rank by the weighted score against the Senate's criteria, highest first.",
    )


def _day(day: dt.date | None) -> str:
    return f"{day:%-d %b %Y}" if day else "—"


def tables(senate: Senate, year: Year) -> list[Table]:
    return [
        feedback(senate, year),
        board_decisions(senate, year),
        support_time(senate, year),
        development(senate, year),
        claims(senate, year),
        forward_plan(senate, year),
    ]


KEYS = [
    "requester-feedback",
    "board-decisions",
    "support-time",
    "development",
    "involvement-payments",
    "forward-plan",
]

WATCHED = (
    Feedback,
    BoardDecision,
    Effort,
    PlanItem,
    Development,
    StatementSignOff,
    Claim,
)
