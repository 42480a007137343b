"""A member's Council attendance during their term, as the renewal review shows it."""

import datetime as dt

import pytest

from senate.council.models import Attendance, Meeting
from senate.members.models import Membership
from senate.participation import queries

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def term(cast):
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_start, m.term_end = dt.date(2025, 4, 1), dt.date(2028, 3, 31)
    m.save()
    return m


def _met(cast, senate, on, status, kind=Meeting.Kind.COUNCIL):
    meeting = Meeting.objects.create(senate=senate, kind=kind, date=on, created_by=cast["manager"])
    profile = cast["council"].profile
    Attendance.objects.create(meeting=meeting, profile=profile, name=str(profile), status=status)


def test_no_meetings_recorded_yet_is_said_in_words(term):
    rate = queries.attendance_in_term(term, today=TODAY)
    assert (rate.percent, str(rate)) == (None, "No meetings recorded yet")


def test_attendance_counts_present_against_every_meeting_recorded(cast, senate, term):
    _met(cast, senate, dt.date(2025, 6, 1), Attendance.Status.PRESENT)
    _met(cast, senate, dt.date(2025, 9, 1), Attendance.Status.APOLOGIES)
    _met(cast, senate, dt.date(2025, 12, 1), Attendance.Status.PRESENT)
    assert str(queries.attendance_in_term(term, today=TODAY)) == "67% (2 of 3 Council meetings)"


def test_a_meeting_not_yet_recorded_is_not_counted_against_the_member(cast, senate, term):
    _met(cast, senate, dt.date(2025, 6, 1), Attendance.Status.PRESENT)
    _met(cast, senate, dt.date(2026, 5, 1), Attendance.Status.EXPECTED)
    assert str(queries.attendance_in_term(term, today=TODAY)) == "100% (1 of 1 Council meetings)"


def test_panel_meetings_and_meetings_before_the_term_are_not_counted(cast, senate, term):
    _met(cast, senate, dt.date(2025, 6, 1), Attendance.Status.ABSENT, kind=Meeting.Kind.PANEL)
    _met(cast, senate, dt.date(2025, 3, 1), Attendance.Status.ABSENT)
    assert queries.attendance_in_term(term, today=TODAY).recorded == 0


def test_another_senates_meetings_are_not_counted(cast, other_senate, term):
    _met(cast, other_senate, dt.date(2025, 6, 1), Attendance.Status.ABSENT)
    assert queries.attendance_in_term(term, today=TODAY).recorded == 0


def test_someone_without_a_profile_has_no_memberships(senate):
    assert list(queries.own_memberships(None, senate)) == []
