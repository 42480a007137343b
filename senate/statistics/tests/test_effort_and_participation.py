"""Effort and participation counted from panel dates, panel seats and Council attendance."""

import datetime as dt

import pytest

from senate.council.models import Attendance, Meeting
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory
from senate.panels.models import PanelMember, PanelSpec
from senate.reviews.tests.factories import RequestFactory
from senate.statistics import queries
from senate.statistics.period import Year

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 1)


def test_panel_days_and_council_attendance_make_the_effort_and_participation(cast, senate):
    r = RequestFactory(created_by=cast["requester"])
    # Friday 5 June to Monday 8 June 2026: two weekdays, for the two members who accepted a seat.
    PanelSpec.objects.create(
        request=r, starts_on=dt.date(2026, 6, 5), ends_on=dt.date(2026, 6, 8), updated_by=cast["manager"]
    )
    nurse, doctor, declined = (
        MembershipFactory(body=Body.ASSEMBLY, profile__profession=p, profile__user__full_name=n).profile
        for p, n in [("nurse", "Ann Nurse"), ("doctor", "Bob Doctor"), ("doctor", "Cy Declined")]
    )
    for profile, status in [(nurse, "accepted"), (doctor, "accepted"), (declined, "declined")]:
        PanelMember.objects.create(request=r, profile=profile, status=status)
    meeting = Meeting.objects.create(senate=senate, date=dt.date(2026, 7, 1), created_by=cast["manager"])
    for profile, status in [(nurse, "present"), (doctor, "apologies")]:
        Attendance.objects.create(meeting=meeting, profile=profile, name=str(profile), status=status)
    Meeting.objects.create(senate=senate, date=dt.date(2025, 7, 1), created_by=cast["manager"])  # last year

    effort = dict(queries.effort(senate, Year(2026), today=TODAY).rows)
    assert effort["Panels sitting"] == 1
    assert effort["Panel member-days (panel dates × members on the panel)"] == 4
    assert effort["Panel member-hours"] == 30.0
    assert effort["Council meetings held"] == 1
    assert effort["Council attendances (members present)"] == 1
    assert effort["Council member-hours"] == 3.0

    by_member = queries.participation_by_member(senate, Year(2026), today=TODAY).rows
    assert by_member == [["Ann Nurse", "Nurse", 1, 1], ["Bob Doctor", "Doctor", 1, 0]]
    by_profession = queries.participation_by_profession(senate, Year(2026), today=TODAY).rows
    assert [row[:2] for row in by_profession] == [["Doctor", 1], ["Nurse", 1]]
