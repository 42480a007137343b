"""The participation record is read from what members did, and a signed-off statement keeps it as signed."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from senate.council.models import Attendance, Meeting
from senate.evidence.models import AccessLog
from senate.evidence.tests.factories import item
from senate.members.models import MemberProfile, Membership
from senate.panels.models import PanelMember, PanelRole, PanelSpec
from senate.participation import induction, record, statements
from senate.reviews.tests.factories import RequestFactory

YEAR = dt.date(2025, 4, 1)  # the appraisal year 1 April 2025 to 31 March 2026


@pytest.fixture
def priya(cast):
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_start = dt.date(2025, 1, 6)
    m.save()
    return MemberProfile.objects.get(user=cast["council"])


def _panel(cast, profile, *, role, starts, ends, title):
    request = RequestFactory(created_by=cast["requester"], title=title, stage="panel_recruited")
    PanelSpec.objects.create(request=request, starts_on=starts, ends_on=ends, updated_by=cast["manager"])
    PanelMember.objects.create(request=request, profile=profile, role=role, status=PanelMember.Status.ACCEPTED)
    return request


def test_the_record_counts_panels_hours_meetings_chairing_and_evidence_read(cast, senate, priya):
    # Monday 2 to Tuesday 3 June 2025: two panel days.
    chaired = _panel(
        cast, priya, role=PanelRole.CHAIR, starts=dt.date(2025, 6, 2), ends=dt.date(2025, 6, 3), title="Stroke"
    )
    _panel(cast, priya, role=PanelRole.CLINICAL, starts=dt.date(2024, 6, 3), ends=dt.date(2024, 6, 3), title="Old")
    meeting = Meeting.objects.create(senate=senate, date=dt.date(2025, 9, 10), created_by=cast["manager"])
    Attendance.objects.create(meeting=meeting, profile=priya, name="Priya", status=Attendance.Status.PRESENT)
    absent = Meeting.objects.create(senate=senate, date=dt.date(2025, 12, 10), created_by=cast["manager"])
    Attendance.objects.create(meeting=absent, profile=priya, name="Priya", status=Attendance.Status.APOLOGIES)
    doc = item(chaired, by=cast["manager"])
    AccessLog.objects.create(item=doc, user=cast["council"], opened_at=dt.datetime(2025, 6, 1, 9, tzinfo=dt.UTC))
    AccessLog.objects.create(item=doc, user=cast["council"], opened_at=dt.datetime(2025, 6, 2, 9, tzinfo=dt.UTC))

    r = record.record_of(priya, senate, YEAR)

    assert [p["request"].endswith("Stroke") for p in r.panels] == [True]  # last year's panel is not counted
    assert r.panel_hours == 15.0 and r.panels[0]["role"] == "Chair"
    assert [c.endswith("Stroke") for c in r.chaired] == [True]
    assert r.meetings == [{"date": "10 September 2025", "kind": "Council meeting"}]
    assert [e["items"] for e in r.evidence_read] == [1]


def test_induction_completed_in_the_year_is_training(cast, senate, priya):
    m = Membership.objects.get(profile=priya)
    step = induction.start_induction(m, by=cast["manager"])[0]
    induction.complete_step(step, by=cast["council"])
    this_year = record.appraisal_year(dt.date.today())
    assert record.record_of(priya, senate, this_year).training == [
        f"Induction: Read the code of conduct ({dt.date.today().day} {dt.date.today():%B %Y})"
    ]


def _text(pdf):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_an_unsigned_statement_says_draft_and_a_signed_one_who_and_when_as_signed(cast, senate, priya):
    assert "DRAFT" in _text(statements.statement_pdf(priya, senate, YEAR))

    statements.sign_off(profile=priya, senate=senate, year_from=YEAR, by=cast["manager"], today=dt.date(2026, 5, 1))
    _panel(cast, priya, role=PanelRole.CLINICAL, starts=dt.date(2025, 7, 1), ends=dt.date(2025, 7, 1), title="Later")

    text = _text(statements.statement_pdf(priya, senate, YEAR))
    assert "Signed off for the South West Clinical Senate by Sarah Manager" in text
    assert "DRAFT" not in text and "Later" not in text  # kept as signed


def test_sign_off_is_refused_for_a_year_still_running_or_ones_own(cast, senate, priya):
    with pytest.raises(statements.SignOffRefused, match="sign it off after that"):
        statements.sign_off(profile=priya, senate=senate, year_from=YEAR, by=cast["manager"], today=dt.date(2026, 3, 1))
    with pytest.raises(statements.SignOffRefused, match="Someone else"):
        statements.sign_off(profile=priya, senate=senate, year_from=YEAR, by=cast["council"], today=dt.date(2026, 5, 1))
