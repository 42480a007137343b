"""The work programme's and participation's figures on the dashboard and in the annual report:
requester feedback, board decisions, support-team time, development taken up, involvement payments
approved and next year's forward plan, each counted from hand-made records."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from docx import Document as read_docx

from senate.members.tests.factories import MemberProfileFactory
from senate.participation.models import Claim, Development, StatementSignOff
from senate.participation.tests.factories import ClaimFactory
from senate.programme import effort, feedback, planning
from senate.programme.models import PlanItem
from senate.programme.tests.factories import issued_request
from senate.reports.rendering import to_html
from senate.reviews.tests.factories import RequestFactory
from senate.statistics import annual, work
from senate.statistics.period import Year, year_of

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
YEAR = year_of(TODAY)


def _answers(cast, *ratings):
    for usefulness, timeliness, clarity, again in ratings:
        feedback.give_feedback(
            issued_request(cast),
            usefulness=usefulness,
            timeliness=timeliness,
            clarity=clarity,
            would_ask_again=again,
            comments="",
            by=cast["requester"],
        )


def test_requester_feedback_gives_averages_and_the_share_who_would_ask_again(senate, cast):
    _answers(cast, (5, 3, 4, True), (4, 2, 4, False), (3, 4, 5, True), (4, 3, 3, True))
    rows = dict(work.feedback(senate, YEAR).rows)
    assert rows["Responses"] == 4
    assert rows["Usefulness (average, out of 5)"] == 4.0
    assert rows["Timeliness (average, out of 5)"] == 3.0
    assert rows["Clarity (average, out of 5)"] == 4.0
    assert rows["Would ask the Senate again (%)"] == 75
    assert work.feedback(senate, Year(YEAR.start_year - 1)).rows == []


def test_board_decisions_are_counted_by_how_the_advice_shaped_them(senate, cast):
    for influence in ["shaped", "shaped", "not_used"]:
        feedback.record_board_decision(
            issued_request(cast),
            decided_on=TODAY,
            decision="Go ahead",
            influence=influence,
            how="",
            by=cast["requester"],
        )
    rows = dict(work.board_decisions(senate, YEAR).rows)
    assert rows["The advice shaped the decision substantially"] == 2
    assert rows["The advice did not change the decision"] == 1
    assert rows["The advice shaped part of the decision"] == 0


def test_support_team_time_is_in_hours_by_activity(senate, cast):
    first, second = issued_request(cast), issued_request(cast)
    for r, minutes, activity in [(first, 90, "triage"), (first, 60, "report"), (second, 30, "triage")]:
        effort.record_effort(r, minutes=minutes, activity=activity, on=TODAY, note="", by=cast["manager"])
    rows = dict(work.support_time(senate, YEAR).rows)
    assert rows["All support-team time (hours)"] == 3.0
    assert rows["Requests with time recorded"] == 2
    assert rows["Triage and scoping (hours)"] == 2.0
    assert rows["Writing and editing the report (hours)"] == 1.0


def test_development_counts_what_members_took_up_this_year(senate, cast):
    ann, bob = MemberProfileFactory(), MemberProfileFactory()
    now, last_year = timezone.now(), timezone.now() - dt.timedelta(days=400)
    for profile, kind, status, answered in [
        (ann, "shadow_panel", "accepted", now),
        (bob, "shadow_panel", "accepted", now),
        (ann, "mentoring", "accepted", now),
        (bob, "mentoring", "declined", now),  # not taken up
        (bob, "chair_panel", "accepted", last_year),  # another year
        (ann, "lead_thematic", "offered", None),
    ]:
        Development.objects.create(senate=senate, profile=profile, kind=kind, status=status, answered_at=answered)
    StatementSignOff.objects.create(
        profile=ann, senate=senate, year_from=YEAR.first_day, record={}, signed_by=cast["manager"]
    )
    table = work.development(senate, YEAR)
    assert table.rows == [["Shadowing a panel", 2, 2], ["Mentoring", 1, 1]]
    assert table.note.startswith("1 statements of participation signed off")


def test_involvement_payments_approved_are_totalled_by_quarter(senate):
    april, may, january = (dt.date(YEAR.start_year, 4, 10), dt.date(YEAR.start_year, 5, 2),
                           dt.date(YEAR.start_year + 1, 1, 15))  # fmt: skip
    for on, status, payment, expenses in [
        (april, "approved", "150.00", "9.00"),
        (may, "approved", "75.00", "4.50"),
        (january, "approved", "0.00", "12.00"),
        (may, "rejected", "150.00", "9.00"),  # not approved
        (may, "submitted", "150.00", "9.00"),  # waiting
    ]:
        ClaimFactory(activity_on=on, status=status, payment=Decimal(payment), expenses=Decimal(expenses), senate=senate)
    table = work.claims(senate, YEAR)
    assert table.rows[0] == ["April to June", 2, "225.00", "13.50", "238.50"]
    assert table.rows[3] == ["January to March", 1, "0.00", "12.00", "12.00"]
    assert table.rows[1][1] == 0
    assert table.note.startswith("3 claims approved for £250.50 in all")
    assert Claim.objects.count() == 5


def test_the_forward_plan_is_next_years_in_priority_order(senate, cast):
    nxt = YEAR.start_year + 1
    low, high, unscored = (RequestFactory(created_by=cast["requester"], title=t) for t in ["Low", "High", "Unscored"])
    for r, score in [(unscored, None), (low, "2.50"), (high, "4.00")]:
        item = planning.add_to_plan(
            senate=senate, year=nxt, request=r, by=cast["manager"], expected_start=dt.date(nxt, 6, 1)
        )
        PlanItem.objects.filter(pk=item.pk).update(score=score)
    planning.add_to_plan(senate=senate, year=YEAR.start_year, request=RequestFactory(created_by=cast["requester"], title="This year"), by=cast["manager"])  # fmt: skip
    table = work.forward_plan(senate, YEAR)
    assert table.title == f"Forward plan for {Year(nxt).label}, in priority order"
    assert [(row[0], row[1].split(": ")[1], row[2]) for row in table.rows] == [
        (1, "High", f"1 Jun {nxt}"),
        (2, "Low", f"1 Jun {nxt}"),
        ("Not scored", "Unscored", f"1 Jun {nxt}"),
    ]


def test_the_annual_report_has_the_new_sections_with_their_figures(client, senate, cast):
    _answers(cast, (5, 4, 4, True), (3, 2, 4, False))
    ClaimFactory(activity_on=YEAR.first_day, status="approved", payment=Decimal("150.00"), expenses=Decimal("9.00"))
    html = to_html(annual.senate_report(senate, YEAR))
    for heading in ["Requester feedback and board decisions", "Development", "Involvement payments and expenses",
                    "Forward plan"]:  # fmt: skip
        assert heading in html
    assert "Would ask the Senate again (%)" in html and "159.00" in html
    assert "not in the report yet" not in html

    client.force_login(cast["chair"])
    word = read_docx(
        io.BytesIO(
            client.get(f"/south-west/statistics/annual-report/download/?year={YEAR.start_year}&format=docx").content
        )
    )
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Requester feedback and board decisions" in text and "Forward plan" in text
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Would ask the Senate again (%)" in cells and "50" in cells

    csv = client.get(f"/south-west/statistics/download/?table=involvement-payments&year={YEAR.start_year}&format=csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Quarter,Claims approved,Involvement payments (£),Expenses (£),Total (£)"
    assert lines[1] == "April to June,1,150.00,9.00,159.00"
