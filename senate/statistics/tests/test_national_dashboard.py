"""The national dashboard: every current Senate side by side, a row per Senate in each table, with
turnaround measured as each Senate's own dashboard measures it (the clock stopped while waiting on
the requester), and each table downloadable."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.interests.models import Kind
from senate.interests.tests.factories import declared
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory
from senate.reviews.models import Implementation, Recommendation, RecommendationResponse, RequestEvent
from senate.reviews.tests.factories import RequestFactory
from senate.statistics import national
from senate.statistics.period import Year
from senate.statistics.queries import KINDS

pytestmark = pytest.mark.django_db

YEAR, TODAY = Year(2026), dt.date(2026, 9, 1)


def _timeline(request, steps):
    """(action, from stage, to stage, day of April 2026 onwards) for each event, in order."""
    start = dt.datetime(2026, 4, 1, 10, tzinfo=timezone.get_current_timezone())
    for action, before, after, day in steps:
        event = RequestEvent.objects.create(request=request, action=action, from_stage=before, to_stage=after)
        RequestEvent.objects.filter(pk=event.pk).update(at=start + dt.timedelta(days=day))


def _issued(senate, cast, *, paused_days=0, took=30, **fields):
    """Advice issued `took` days after the request was sent, of which `paused_days` paused."""
    r = RequestFactory(senate=senate, created_by=cast["requester"], stage="issued", **fields)
    steps = [("submit", "draft", "received", 0), ("accept", "received", "accepted", 1)]
    if paused_days:
        steps += [("pause", "accepted", "paused", 2), ("resume", "paused", "accepted", 2 + paused_days)]
    _timeline(r, [*steps, ("issue", "approved", "issued", took)])
    return r


def _rows(table):
    return {row[0]: row for row in table.rows}


def test_turnaround_stops_the_clock_and_gives_every_senate_a_row(cast, senate, other_senate):
    for took, paused in [(30, 0), (50, 20), (90, 0)]:
        _issued(senate, cast, took=took, paused_days=paused)
    _issued(other_senate, cast, took=120)

    rows = _rows(national.dashboard(YEAR, today=TODAY)[1])
    # South West: 30, 30 (50 less 20 paused) and 90 days on the clock; its target is 91 days.
    assert rows[senate.name] == [senate.name, 3, 30, 78, 91, 3, 100.0]
    assert rows[other_senate.name][:4] == [other_senate.name, 1, 120, 120]
    assert rows[other_senate.name][5:] == [0, 0.0]
    quiet = [name for name, row in rows.items() if row[1] == 0]
    assert len(rows) == len(national.senates(TODAY)) and quiet and rows[quiet[0]][2] == ""


def test_requests_by_kind_counts_what_each_senate_received_in_the_year_not_drafts(cast, senate, other_senate):
    in_year = dt.datetime(2026, 5, 1, tzinfo=timezone.get_current_timezone())
    RequestFactory.create_batch(2, senate=senate, kind="formal_review", submitted_at=in_year)
    RequestFactory(senate=senate, kind="early_advice", submitted_at=in_year)
    RequestFactory(senate=other_senate, kind="formal_review", submitted_at=in_year)
    RequestFactory(senate=other_senate, kind="formal_review", submitted_at=None, stage="draft")
    RequestFactory(senate=other_senate, kind="formal_review", submitted_at=in_year - dt.timedelta(days=60))

    table = national.requests_by_kind(national.senates(TODAY), YEAR)
    assert table.headers == ["Senate", "All requests", KINDS["early_advice"], KINDS["formal_review"]]
    assert _rows(table)[senate.name][1:] == [3, 1, 2]
    assert _rows(table)[other_senate.name][1:] == [1, 0, 1]


def test_recommendations_are_counted_by_the_latest_response_per_senate(cast, senate, other_senate):
    mine, theirs = _issued(senate, cast), _issued(other_senate, cast)
    for request, decisions in [(mine, ["not_accepted", "partly", None]), (theirs, ["accepted"])]:
        for number, decision in enumerate(decisions, start=1):
            rec = Recommendation.objects.create(request=request, number=number, text="Do it")
            if decision:
                RecommendationResponse.objects.create(
                    recommendation=rec, decision=decision, narrative="Considered", by=cast["requester"]
                )
    first = Recommendation.objects.get(request=mine, number=1)
    RecommendationResponse.objects.create(recommendation=first, decision="accepted", narrative="On reflection", by=cast["requester"])  # fmt: skip
    Implementation.objects.create(recommendation=first, status="in_progress", on=TODAY, evidence="Started", by=cast["requester"])  # fmt: skip
    Implementation.objects.create(recommendation=first, status="implemented", on=TODAY, evidence="Live", by=cast["manager"])  # fmt: skip
    second = Recommendation.objects.get(request=mine, number=2)
    Implementation.objects.create(recommendation=second, status="in_progress", on=TODAY, evidence="Started", by=cast["requester"])  # fmt: skip

    table = national.dashboard(YEAR, today=TODAY)[2]
    assert table.headers == ["Senate", "Recommendations", "Accepted", "Partly accepted", "Not accepted", "No response yet", "Implemented"]  # fmt: skip
    assert _rows(table)[senate.name][1:] == [3, 1, 1, 0, 1, 1]
    assert _rows(table)[other_senate.name][1:] == [1, 1, 0, 0, 0, 0]


def test_the_national_team_downloads_a_table_with_a_row_per_senate(client, cast, senate):
    _issued(senate, cast, took=40)
    client.force_login(cast["national"])
    page = client.get("/national/dashboard/?year=2026")
    assert "Turnaround of advice issued in 2026/27" in page.content.decode()
    response = client.get("/national/dashboard/download/?table=turnaround&year=2026&format=csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Senate,Advice issued,Median (days),90th percentile (days)")
    assert f"{senate.name},1,40.0,40.0,91,1,100.0" in lines
    assert len(lines) == 1 + len(national.senates(dt.date.today()))


def test_declarations_up_to_date_are_counted_and_charted_per_senate(cast, senate, other_senate):
    current = MembershipFactory(body=Body.COUNCIL, profile__user__full_name="Dana Declared").profile
    declared(current, kind=Kind.NIL)
    MembershipFactory(body=Body.COUNCIL, profile__user__full_name="Nye Never")

    table = national.declarations_by_senate(national.senates(TODAY), today=dt.date.today())
    assert table.headers == ["Senate", "Current members", "Never declared", "Overdue", "Due", "Up to date", "Up to date (%)"]  # fmt: skip
    members, never, _overdue, _due, up, share = _rows(table)[senate.name][1:]
    assert up == 1 and never == members - 1 and share == 100 / members  # the cast's members never declared
    assert _rows(table)[other_senate.name][1:] == [0, 0, 0, 0, 0, ""]
    assert (senate.name, 1.0) in table.chart_points()
