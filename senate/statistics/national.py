"""The national dashboard: every current Senate side by side for NHS England's national team, one
table per figure with a row per Senate. The figures are the Senate dashboard's, measured the same way
(turnaround with clock stops from `turnaround`, recommendations by the requester's latest response,
declarations and coverage as each Senate's own dashboard counts them), but each request-based table
asks the database once for every Senate together, so the page makes the same number of queries
however many requests the Senates hold."""

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count

from senate.core.cache import until_next_act
from senate.interests.due import LABELS, Status, counted_in
from senate.members import queries as members_queries
from senate.members.coverage import coverage_counts, empty_coverage
from senate.members.models import Body, Membership
from senate.organisations.models import Senate
from senate.reviews.models import Implementation, Recommendation, Request, RequestEvent
from senate.statistics import turnaround
from senate.statistics.period import Year
from senate.statistics.queries import DECISIONS, KINDS, NOTE, WATCHED, _day, standing
from senate.statistics.tables import Chart, Table


def senates(today: dt.date) -> list[Senate]:
    return list(Senate.objects.current(today).order_by("name"))


def requests_by_kind(found: list[Senate], year: Year) -> Table:
    """Requests each Senate received in the year (sent by the requester), by kind of advice."""
    start, end = year.bounds()
    counts: Counter[tuple[int, str]] = Counter()
    for senate_id, kind, n in (
        Request.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .values_list("senate", "kind")
        .annotate(n=Count("id"))
        .values_list("senate", "kind", "n")
    ):
        counts[(senate_id, kind)] += n
    kinds = [k for k in KINDS if any(counts[(s.pk, k)] for s in found)]
    rows: list[list[Any]] = [
        [s.name, sum(counts[(s.pk, k)] for k in kinds), *(counts[(s.pk, k)] for k in kinds)] for s in found
    ]
    return Table(
        "requests-by-kind",
        f"Requests received in {year.label}, by kind of advice",
        ["Senate", "All requests", *(KINDS[k] for k in kinds)],
        rows,
        chart=Chart(unit="requests"),
    )


def clocks(year: Year, *, today: dt.date) -> dict[int, list[tuple[int, turnaround.Clock]]]:
    """Per Senate: each request whose advice was issued in the year, with its clock (two queries)."""
    start, end = year.bounds()
    issued = RequestEvent.objects.filter(action="issue", at__gte=start, at__lt=end)
    ids = set(issued.values_list("request_id", flat=True))
    timelines: dict[int, list[turnaround.Event]] = defaultdict(list)
    senate_of: dict[int, int] = {}
    for request_id, senate_id, at, action, before, after in (
        RequestEvent.objects.filter(request_id__in=ids)
        .order_by("at", "id")
        .values_list("request_id", "request__senate_id", "at", "action", "from_stage", "to_stage")
    ):
        senate_of[request_id] = senate_id
        timelines[request_id].append(turnaround.Event(_day(at), action, before, after))
    found: dict[int, list[tuple[int, turnaround.Clock]]] = defaultdict(list)
    for request_id, events in timelines.items():
        c = turnaround.clock(events, today=today)
        if c is not None and c.issued:
            found[senate_of[request_id]].append((request_id, c))
    return found


def turnaround_by_senate(
    found: list[Senate], year: Year, measured: dict[int, list[tuple[int, turnaround.Clock]]]
) -> Table:
    rows: list[list[Any]] = []
    for s in found:
        target = s.request_notice_days
        d = turnaround.distribution([c.days for _, c in measured.get(s.pk, [])], target=target)
        if d is None:
            rows.append([s.name, 0, "", "", target, "", ""])
        else:
            rows.append([s.name, d.count, d.median, d.p90, target, d.within_target, 100 * d.share_within_target])
    return Table(
        "turnaround",
        f"Turnaround of advice issued in {year.label}, with the clock stopped while waiting on the requester",
        ["Senate", "Advice issued", "Median (days)", "90th percentile (days)", "Target (days)"]
        + ["Within the target", "Share within the target (%)"],
        rows,
        note=NOTE + " Each Senate sets its own target.",
    )


def recommendations_by_senate(
    found: list[Senate], year: Year, measured: dict[int, list[tuple[int, turnaround.Clock]]]
) -> Table:
    """Recommendations in the advice issued in the year, by the requester's latest response, and how
    many are implemented (by the latest implementation record): one query for every Senate together."""
    ids = [request_id for pairs in measured.values() for request_id, _ in pairs]
    counts: Counter[tuple[int, str | None]] = Counter()
    implemented: Counter[int] = Counter()
    for row in standing(Recommendation.objects.filter(request_id__in=ids), "request__senate"):
        senate_id = row["request__senate"]
        counts[(senate_id, row["decision"])] += row["n"]
        if row["implementation"] == Implementation.Status.IMPLEMENTED:
            implemented[senate_id] += row["n"]
    rows: list[list[Any]] = []
    for s in found:
        total = sum(n for (senate_id, _), n in counts.items() if senate_id == s.pk)
        rows.append(
            [s.name, total, *(counts[(s.pk, value)] for value in DECISIONS), counts[(s.pk, None)], implemented[s.pk]]
        )
    return Table(
        "recommendations",
        f"Recommendations in advice issued in {year.label}, by the requester's response and implementation",
        ["Senate", "Recommendations", *DECISIONS.values(), "No response yet", "Implemented"],
        rows,
        chart=Chart(unit="recommendations"),
    )


def declarations_by_senate(found: list[Senate], *, today: dt.date) -> Table:
    by_senate = counted_in(found, today=today)
    rows: list[list[Any]] = []
    for s in found:
        counts = by_senate[s.pk]
        total = sum(counts.values())
        up = counts.get(Status.UP_TO_DATE.value, 0)
        rows.append([s.name, total, *(counts.get(st.value, 0) for st in Status), 100 * up / total if total else ""])
    return Table(
        "declarations",
        "Declarations of interests today",
        ["Senate", "Current members", *(LABELS[st] for st in Status), "Up to date (%)"],
        rows,
        chart=Chart(value_column=2 + list(Status).index(Status.UP_TO_DATE), unit="members up to date"),
    )


def coverage_by_senate(found: list[Senate], *, today: dt.date) -> Table:
    """Coverage gaps of each Senate's Council and Assembly: the areas a body should cover that no current
    member covers (as the Senate's own dashboard counts them)."""
    vocabulary = members_queries.vocabulary()
    bodies = list(Body.choices)
    current = Membership.objects.current(today).filter(senate__in=found)
    by_body = {body: coverage_counts(current.filter(body=body), vocabulary) for body, _label in bodies}
    empty = empty_coverage(vocabulary)
    rows: list[list[Any]] = []
    for s in found:
        row: list[Any] = [s.name]
        for body, _label in bodies:
            cov = by_body[body].get(s.pk, empty)
            row += [cov.members, len(cov.gaps)]
        rows.append(row)
    headers = ["Senate"]
    for _body, label in bodies:
        headers += [f"{label}: current members", f"{label}: gaps"]
    return Table(
        "coverage",
        "Membership and coverage gaps today",
        headers,
        rows,
        note="Gaps: the constituencies, life stages and NHS Outcomes Framework domains a body should cover "
        "that no current member covers.",
        chart=Chart(value_column=2, unit="gaps"),
    )


def dashboard(year: Year, *, today: dt.date) -> list[Table]:
    """Every table of the national dashboard, kept until the next act (as a Senate's dashboard is)."""
    key = f"national-dashboard:{year.start_year}:{today.isoformat()}"
    return until_next_act(key, lambda: _dashboard(year, today), rows_of=WATCHED)


def _dashboard(year: Year, today: dt.date) -> list[Table]:
    found = senates(today)
    measured = clocks(year, today=today)
    return [
        requests_by_kind(found, year),
        turnaround_by_senate(found, year, measured),
        recommendations_by_senate(found, year, measured),
        declarations_by_senate(found, today=today),
        coverage_by_senate(found, today=today),
    ]


TABLES = ["requests-by-kind", "turnaround", "recommendations", "declarations", "coverage"]


def one_table(year: Year, key: str, *, today: dt.date) -> Table | None:
    return next((t for t in dashboard(year, today=today) if t.key == key), None)
