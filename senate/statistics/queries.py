"""The Senate dashboard's figures, one function per table, each taking a Senate and a year so the
national page can call them Senate by Senate. Every function makes the same number of queries whatever
the number of rows; the dashboard, the downloads and the annual report all read these."""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any, cast

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from senate.core.cache import until_next_act
from senate.council.models import Attendance, Meeting
from senate.interests.due import LABELS, Status, counted_in
from senate.interests.models import DeclarationVersion
from senate.members import queries as members_queries
from senate.members.coverage import coverage_counts, empty_coverage
from senate.members.models import Body, MemberProfile, Membership, Profession
from senate.organisations.models import Senate
from senate.panels.models import PanelMember, PanelSpec
from senate.reviews.models import (
    AdviceKind,
    FollowUp,
    Implementation,
    Recommendation,
    RecommendationResponse,
    Request,
    RequestEvent,
)
from senate.reviews.stages import FINISHED, Stage
from senate.statistics import turnaround, work
from senate.statistics.period import QUARTERS, Year
from senate.statistics.tables import Chart, Table

PANEL_DAY_HOURS = 7.5  # an NHS working day (Agenda for Change)
COUNCIL_MEETING_HOURS = 3.0  # a Council meeting is counted as a half day; meetings record no end time
KINDS = dict(AdviceKind.choices)


def received(senate: Senate, year: Year) -> list[Request]:
    start, end = year.bounds()
    found = Request.objects.filter(senate=senate, submitted_at__gte=start, submitted_at__lt=end)
    return list(found.select_related("requesting_organisation__icb").order_by("submitted_at"))


def requests_by_quarter(senate: Senate, year: Year, requests: list[Request] | None = None) -> Table:
    requests = received(senate, year) if requests is None else requests
    counts: Counter[tuple[str, int]] = Counter()
    for r in requests:
        assert r.submitted_at is not None
        counts[(r.kind, year.quarter(_day(r.submitted_at)))] += 1
    kinds = [k for k in KINDS if any(counts[(k, q)] for q in range(1, 5))]
    rows: list[list[Any]] = [
        [name, sum(counts[(k, q)] for k in kinds), *(counts[(k, q)] for k in kinds)]
        for q, name in enumerate(QUARTERS, start=1)
    ]
    return Table(
        "requests-by-quarter",
        f"Requests received each quarter of {year.label}, by kind of advice",
        ["Quarter", "All requests", *(KINDS[k] for k in kinds)],
        rows,
        chart=Chart(unit="requests"),
    )


def requests_by_requester(senate: Senate, year: Year, requests: list[Request] | None = None) -> Table:
    requests = received(senate, year) if requests is None else requests
    counts = Counter(r.requesting_organisation.name for r in requests)
    rows: list[list[Any]] = [[name, n] for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Table(
        "requests-by-requester",
        f"Requests received in {year.label} by requesting organisation",
        ["Organisation", "Requests"],
        rows,
        chart=Chart(unit="requests"),
    )


def requests_by_icb(senate: Senate, year: Year, requests: list[Request] | None = None) -> Table:
    requests = received(senate, year) if requests is None else requests

    def icb(r: Request) -> str:
        org = r.requesting_organisation
        if org.type == "icb":
            return org.name
        return org.icb.name if org.icb else "Not in an ICB area"

    counts = Counter(icb(r) for r in requests)
    rows: list[list[Any]] = [[name, n] for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Table(
        "requests-by-icb",
        f"Requests received in {year.label} by integrated care board area of the requester",
        ["ICB area", "Requests"],
        rows,
        chart=Chart(unit="requests"),
    )


def requests_by_stage(senate: Senate) -> Table:
    """Where every request sent to the Senate stands today (drafts are the requester's own)."""
    found = dict(
        Request.objects.filter(senate=senate)
        .exclude(stage=Stage.DRAFT)
        .values_list("stage")
        .annotate(n=Count("id"))
        .values_list("stage", "n")
    )
    rows: list[list[Any]] = [[label, found[value]] for value, label in Stage.choices if found.get(value)]
    return Table(
        "requests-by-stage", "Requests by stage today", ["Stage", "Requests"], rows, chart=Chart(unit="requests")
    )


def requests_over_time(senate: Senate, year: Year, *, today: dt.date) -> Table:
    """Quarter by quarter: the requests open at its end (sent, not yet closed, withdrawn, declined or
    redirected), the advice issued in it and the requests that finished in it. Quarters not yet begun
    are left out; the running quarter is counted to today. Counted in the database (two queries): a
    request's stage at a quarter's end is where its last event before then took it."""
    quarters = [
        (name, first, last) for name, (first, last) in zip(QUARTERS, year.quarters(), strict=True) if first <= today
    ]
    if not quarters:
        return _over_time(year, [])
    settled = [*FINISHED, Stage.DRAFT]

    def stage_before(moment: dt.datetime) -> Subquery:
        latest = RequestEvent.objects.filter(request=OuterRef("pk"), at__lt=moment).order_by("-at", "-id")
        return Subquery(latest.values("to_stage")[:1])

    ends = {f"stage_{i}": stage_before(_midnight_after(last)) for i, (_, _, last) in enumerate(quarters)}
    still_open = (
        Request.objects.filter(senate=senate)
        .annotate(**ends)
        .aggregate(
            **{
                f"open_{i}": Count("pk", filter=Q(**{f"stage_{i}__isnull": False}) & ~Q(**{f"stage_{i}__in": settled}))
                for i in range(len(quarters))
            }
        )
    )
    counted: dict[str, Any] = {}
    for i, (_, first, last) in enumerate(quarters):
        within = Q(at__gte=_midnight_after(first - dt.timedelta(days=1)), at__lt=_midnight_after(last))
        counted[f"issued_{i}"] = Count("pk", filter=within & Q(action="issue"))
        counted[f"finished_{i}"] = Count("pk", filter=within & Q(to_stage__in=list(FINISHED)))
    moved = RequestEvent.objects.filter(request__senate=senate).aggregate(**counted)
    rows: list[list[Any]] = [
        [name, still_open[f"open_{i}"], moved[f"issued_{i}"], moved[f"finished_{i}"]]
        for i, (name, _, _) in enumerate(quarters)
    ]
    return _over_time(year, rows)


def _midnight_after(day: dt.date) -> dt.datetime:
    """The first moment of the day after `day`, in the Senate's time zone (as `_day` reads events)."""
    from django.utils import timezone

    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=timezone.get_current_timezone())


def _over_time(year: Year, rows: list[list[Any]]) -> Table:
    return Table(
        "requests-over-time",
        f"Requests open at the end of each quarter of {year.label}",
        ["Quarter", "Open at the end", "Advice issued", "Finished (closed, withdrawn, declined, redirected)"],
        rows,
        chart=Chart(unit="open requests"),
    )


def clocks(senate: Senate, year: Year, *, today: dt.date) -> list[tuple[Request, turnaround.Clock]]:
    """Each request whose advice was issued in the year, with its clock (in order of issue)."""
    start, end = year.bounds()
    issued = RequestEvent.objects.filter(request__senate=senate, action="issue", at__gte=start, at__lt=end)
    ids = set(issued.values_list("request_id", flat=True))
    requests = {r.pk: r for r in Request.objects.filter(pk__in=ids).select_related("requesting_organisation")}
    timelines: dict[int, list[turnaround.Event]] = defaultdict(list)
    for request_id, at, action, before, after in (
        RequestEvent.objects.filter(request_id__in=ids)
        .order_by("at", "id")
        .values_list("request_id", "at", "action", "from_stage", "to_stage")
    ):
        timelines[request_id].append(turnaround.Event(_day(at), action, before, after))
    found = [(requests[i], turnaround.clock(timelines[i], today=today)) for i in ids]
    measured = [(r, c) for r, c in found if c is not None and c.issued]
    return sorted(measured, key=lambda rc: (rc[1].ended or today, rc[0].pk))


def _day(at: dt.datetime) -> dt.date:
    from django.utils import timezone

    return timezone.localdate(at)


def turnaround_by_request(
    senate: Senate, year: Year, *, today: dt.date, measured: list[tuple[Request, turnaround.Clock]] | None = None
) -> Table:
    measured = clocks(senate, year, today=today) if measured is None else measured
    target = senate.request_notice_days
    rows: list[list[Any]] = []
    for r, c in measured:
        assert c.ended is not None
        before = "" if r.decision_date is None else ("Yes" if c.ended <= r.decision_date else "No")
        within = "Yes" if c.days <= target else "No"
        rows.append(
            [r.reference or "", r.title, KINDS.get(r.kind, r.kind), f"{c.started:%Y-%m-%d}", f"{c.ended:%Y-%m-%d}"]
            + [c.stopped_days, c.days, within, before]
        )
    return Table(
        "turnaround-by-request",
        f"Turnaround of advice issued in {year.label}",
        ["Reference", "Title", "Kind", "Clock started", "Advice issued", "Days stopped", "Days on the clock"]
        + [f"Within {target} days", "Before the requester's decision date"],
        rows,
        note=NOTE,
        chart=Chart(label_column=0, value_column=6, unit="days", marker=target, marker_label=f"Target {target} days"),
    )


NOTE = (
    "The clock starts when the Senate received the request it accepted, stops while the request is paused or "
    "waiting for more information from the requester, and ends when the advice is issued. Calendar days, "
    "as the Senate's service levels are. The target is the Senate's notice period for a request."
)


def turnaround_summary(
    senate: Senate, year: Year, *, today: dt.date, measured: list[tuple[Request, turnaround.Clock]] | None = None
) -> Table:
    measured = clocks(senate, year, today=today) if measured is None else measured
    target = senate.request_notice_days
    d = turnaround.distribution([c.days for _, c in measured], target=target)
    rows: list[list[Any]] = []
    if d is not None:
        rows = [
            ["Pieces of advice issued", d.count],
            ["Shortest (days)", min(c.days for _, c in measured)],
            ["Lower quartile (days)", d.lower_quartile],
            ["Median (days)", d.median],
            ["Mean (days)", d.mean],
            ["Upper quartile (days)", d.upper_quartile],
            ["90th percentile (days)", d.p90],
            ["Longest (days)", d.longest],
            [f"Within the {target}-day target", d.within_target],
            [f"Share within the {target}-day target (%)", 100 * d.share_within_target],
        ]
    return Table("turnaround-summary", f"Turnaround in {year.label}: the distribution", ["Measure", "Value"], rows)


def turnaround_histogram(
    senate: Senate, year: Year, *, today: dt.date, measured: list[tuple[Request, turnaround.Clock]] | None = None
) -> Table:
    measured = clocks(senate, year, today=today) if measured is None else measured
    target = senate.request_notice_days
    rows: list[list[Any]] = [[label, n] for label, n in turnaround.histogram([c.days for _, c in measured])]
    return Table(
        "turnaround-histogram",
        f"How long advice took in {year.label}, in 30-day bands",
        ["Days on the clock", "Pieces of advice"],
        rows if measured else [],
        note=f"The Senate's target is {target} days.",
        chart=Chart(unit="pieces of advice"),
    )


DECISIONS = dict(RecommendationResponse.Decision.choices)
IMPLEMENTATION = Implementation.Status


def standing(recommendations: QuerySet[Recommendation], *by: str) -> Iterable[dict[str, Any]]:
    """How many recommendations (`n`) stand at each requester's latest response (`decision`), latest
    implementation record (`implementation`, by its date) and whether the Senate followed them up
    (`followed`), grouped also `by` the fields named: counted in the database, one query however many."""
    latest_response = RecommendationResponse.objects.filter(recommendation=OuterRef("pk")).order_by("-at", "-id")
    latest_implementation = Implementation.objects.filter(recommendation=OuterRef("pk")).order_by("-on", "-at", "-id")
    annotated = recommendations.annotate(
        decision=Subquery(latest_response.values("decision")[:1]),
        implementation=Subquery(latest_implementation.values("status")[:1]),
        followed=Exists(FollowUp.objects.filter(recommendation=OuterRef("pk"))),
    )
    grouped = annotated.order_by().values(*by, "decision", "implementation", "followed").annotate(n=Count("id"))
    return cast(Iterable[dict[str, Any]], grouped)


def recommendations(
    senate: Senate, year: Year, *, today: dt.date, measured: list[tuple[Request, turnaround.Clock]] | None = None
) -> Table:
    """The recommendations of the advice issued in the year, by the requester's latest response, then
    how many were followed up and where implementation stands (by the latest record)."""
    measured = clocks(senate, year, today=today) if measured is None else measured
    ids = [r.pk for r, _ in measured]
    decisions: Counter[str | None] = Counter()
    implementations: Counter[str | None] = Counter()
    followed = 0
    for row in standing(Recommendation.objects.filter(request_id__in=ids)):
        decisions[row["decision"]] += row["n"]
        implementations[row["implementation"]] += row["n"]
        followed += row["n"] if row["followed"] else 0
    total = sum(decisions.values())
    rows: list[list[Any]] = [[label, decisions[value]] for value, label in DECISIONS.items()]
    rows.append(["No response yet", decisions[None]])
    rows.append(["Followed up by the Senate", followed])
    rows.append([IMPLEMENTATION.IN_PROGRESS.label, implementations[IMPLEMENTATION.IN_PROGRESS]])
    rows.append([IMPLEMENTATION.IMPLEMENTED.label, implementations[IMPLEMENTATION.IMPLEMENTED]])
    rows.append([IMPLEMENTATION.NOT_IMPLEMENTED.label, implementations[IMPLEMENTATION.NOT_IMPLEMENTED]])
    return Table(
        "recommendations",
        f"Recommendations in advice issued in {year.label}, by the requester's response and implementation",
        ["Response or implementation", "Recommendations"],
        rows if total else [],
        note=f"{total} recommendations in all. Followed up: a follow-up note recorded against the recommendation. "
        "Implementation: where the latest record by the requester or the Senate team says it stands.",
        chart=Chart(unit="recommendations"),
    )


def coverage(senate: Senate, *, today: dt.date) -> Table:
    """Each body's current members and the areas none of them covers, counted in the database."""
    vocabulary = members_queries.vocabulary()
    rows: list[list[Any]] = []
    for body, label in Body.choices:
        found = coverage_counts(Membership.objects.current(today).filter(senate=senate, body=body), vocabulary)
        cov = found.get(senate.pk) or empty_coverage(vocabulary)
        groups = (cov.constituencies, cov.life_stages, cov.outcomes_domains)
        areas = sum(len(g) for g in groups)
        rows.append([label, cov.members, areas - len(cov.gaps), len(cov.gaps), "; ".join(g.label for g in cov.gaps)])
    return Table(
        "coverage",
        "Membership and coverage today",
        ["Body", "Current members", "Areas covered", "Gaps", "Not covered"],
        rows,
        note="Areas: the constituencies, life stages and NHS Outcomes Framework domains a body should cover.",
        chart=Chart(value_column=1, unit="members"),
    )


def declarations(senate: Senate, *, today: dt.date) -> Table:
    counts = counted_in([senate], today=today)[senate.pk]
    rows: list[list[Any]] = [[LABELS[s], counts.get(s.value, 0)] for s in Status]
    total = sum(counts.values())
    up = counts.get(Status.UP_TO_DATE.value, 0)
    note = f"{up} of {total} current members ({100 * up / total:.0f}%) have declarations up to date." if total else ""
    return Table(
        "declarations",
        "Declarations of interests today",
        ["Standing", "Members"],
        rows,
        note=note,
        chart=Chart(unit="members"),
    )


PROFESSIONS = dict(Profession.choices)


def _participation(senate: Senate, year: Year, today: dt.date) -> dict[int, dict[str, Any]]:
    """Per member: panel seats taken on requests whose panel sat in the year, and Council meetings attended."""
    people: dict[int, dict[str, Any]] = {}

    def person(pid: int, name: str, profession: str) -> dict[str, Any]:
        return people.setdefault(pid, {"name": name, "profession": profession, "panels": 0, "meetings": 0})

    start, end = year.first_day, min(year.last_day, today)
    seats = PanelMember.objects.filter(
        request__senate=senate,
        status=PanelMember.Status.ACCEPTED,
        request__panel_spec__starts_on__gte=start,
        request__panel_spec__starts_on__lte=end,
    ).values_list("profile_id", "profile__user__full_name", "profile__profession")
    for pid, name, profession in seats:
        person(pid, name, profession)["panels"] += 1
    present = Attendance.objects.filter(
        meeting__senate=senate,
        meeting__date__gte=start,
        meeting__date__lte=end,
        status=Attendance.Status.PRESENT,
        profile__isnull=False,
    ).values_list("profile_id", "profile__user__full_name", "profile__profession")
    for pid, name, profession in present:
        person(pid, name, profession)["meetings"] += 1
    return people


def participation_by_member(
    senate: Senate, year: Year, *, today: dt.date, people: dict[int, dict[str, Any]] | None = None
) -> Table:
    people = _participation(senate, year, today) if people is None else people
    ordered = sorted(people.values(), key=lambda p: (-(p["panels"] + p["meetings"]), p["name"]))
    rows: list[list[Any]] = [
        [p["name"], PROFESSIONS.get(p["profession"], p["profession"]), p["panels"], p["meetings"]] for p in ordered
    ]
    return Table(
        "participation-by-member",
        f"Participation by member in {year.label}",
        ["Member", "Profession", "Panel seats", "Meetings attended"],
        rows,
    )


def participation_by_profession(
    senate: Senate, year: Year, *, today: dt.date, people: dict[int, dict[str, Any]] | None = None
) -> Table:
    people = _participation(senate, year, today) if people is None else people
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in people.values():
        row = by[p["profession"]]
        row[0] += 1
        row[1] += p["panels"]
        row[2] += p["meetings"]
    rows: list[list[Any]] = [[label, *by[value]] for value, label in Profession.choices if value in by]
    return Table(
        "participation-by-profession",
        f"Participation by profession in {year.label}",
        ["Profession", "Members taking part", "Panel seats", "Meetings attended"],
        rows,
        chart=Chart(unit="members"),
    )


def effort(senate: Senate, year: Year, *, today: dt.date) -> Table:
    start, end = year.first_day, min(year.last_day, today)
    panel_days = 0
    seats = dict(
        PanelSpec.objects.filter(request__senate=senate, starts_on__gte=start, starts_on__lte=end)
        .annotate(n=Count("request__panel_members", filter=Q(request__panel_members__status="accepted")))
        .values_list("pk", "n")
    )
    panels = 0
    for pk, first, last in PanelSpec.objects.filter(pk__in=seats).values_list("pk", "starts_on", "ends_on"):
        assert first is not None  # filtered on it
        panels += 1
        panel_days += _weekdays(first, last or first) * seats[pk]
    meetings = Meeting.objects.filter(senate=senate, date__gte=start, date__lte=end).aggregate(
        council=Count("id", filter=Q(kind=Meeting.Kind.COUNCIL), distinct=True),
        panel=Count("id", filter=Q(kind=Meeting.Kind.PANEL), distinct=True),
        present=Count(
            "attendance",
            filter=Q(kind=Meeting.Kind.COUNCIL, attendance__status=Attendance.Status.PRESENT),
        ),
    )
    council_hours = meetings["present"] * COUNCIL_MEETING_HOURS
    rows: list[list[Any]] = [
        ["Panels sitting", panels],
        ["Panel member-days (panel dates × members on the panel)", panel_days],
        ["Panel member-hours", panel_days * PANEL_DAY_HOURS],
        ["Council meetings held", meetings["council"]],
        ["Panel meetings held", meetings["panel"]],
        ["Council attendances (members present)", meetings["present"]],
        ["Council member-hours", council_hours],
    ]
    return Table(
        "effort",
        f"Effort in {year.label}",
        ["Measure", "Value"],
        rows,
        note=f"A panel day counts {PANEL_DAY_HOURS} hours for each weekday from its first to its last date; "
        f"a Council meeting counts {COUNCIL_MEETING_HOURS:g} hours for each member present.",
    )


def _weekdays(first: dt.date, last: dt.date) -> int:
    days = (last - first).days + 1
    return sum(1 for i in range(max(0, days)) if (first + dt.timedelta(days=i)).weekday() < 5)


# The tables the dashboard reads: a new row in any of them (or any recorded act) makes a new reading.
WATCHED = (
    Request,
    RequestEvent,
    Recommendation,
    RecommendationResponse,
    FollowUp,
    Implementation,
    Membership,
    MemberProfile,
    DeclarationVersion,
    PanelSpec,
    PanelMember,
    Meeting,
    Attendance,
    *work.WATCHED,
)


def dashboard(senate: Senate, year: Year, *, today: dt.date) -> list[Table]:
    """Every table of the dashboard, in the order the page shows them; kept until the next act, as the
    coverage page and the declarations due are (`senate.core.cache`), so the page, its downloads and the
    annual report work the figures out once."""
    key = f"dashboard:{senate.pk}:{year.start_year}:{today.isoformat()}"
    return until_next_act(key, lambda: _dashboard(senate, year, today), rows_of=WATCHED)


def _dashboard(senate: Senate, year: Year, today: dt.date) -> list[Table]:
    requests = received(senate, year)
    measured = clocks(senate, year, today=today)
    people = _participation(senate, year, today)
    return [
        requests_by_quarter(senate, year, requests),
        requests_by_requester(senate, year, requests),
        requests_by_icb(senate, year, requests),
        requests_by_stage(senate),
        requests_over_time(senate, year, today=today),
        turnaround_summary(senate, year, today=today, measured=measured),
        turnaround_histogram(senate, year, today=today, measured=measured),
        turnaround_by_request(senate, year, today=today, measured=measured),
        recommendations(senate, year, today=today, measured=measured),
        coverage(senate, today=today),
        declarations(senate, today=today),
        participation_by_profession(senate, year, today=today, people=people),
        participation_by_member(senate, year, today=today, people=people),
        effort(senate, year, today=today),
        *work.tables(senate, year),
    ]


TABLES = [
    "requests-by-quarter",
    "requests-by-requester",
    "requests-by-icb",
    "requests-by-stage",
    "requests-over-time",
    "turnaround-summary",
    "turnaround-histogram",
    "turnaround-by-request",
    "recommendations",
    "coverage",
    "declarations",
    "participation-by-profession",
    "participation-by-member",
    "effort",
    *work.KEYS,
]


def one_table(senate: Senate, year: Year, key: str, *, today: dt.date) -> Table | None:
    return next((t for t in dashboard(senate, year, today=today) if t.key == key), None)
