"""Declarations at a meeting on one page (issue 14, item 9): attendance starts as expected, the Senate
team records it and confirms every known conflict in one post as its recorder, and an item added or a
member arriving after the start is screened at once."""

import re

import pytest

from senate.core.models import AuditEvent
from senate.council import declarations, meetings
from senate.council.models import Attendance, MeetingDeclaration
from senate.council.tests.factories import ready_item, report_request, schedule


def _page(meeting):
    return f"/south-west/council/{meeting.pk}/declarations/"


def test_attendance_starts_as_expected_and_the_meeting_waits_for_it(senate, cast, council):
    meeting = schedule(senate, cast, present=False)
    assert set(meeting.attendance.values_list("status", flat=True)) == {Attendance.Status.EXPECTED}
    assert declarations.members_attending(meeting) == []
    with pytest.raises(meetings.MeetingRefused, match="Record attendance first"):
        declarations.start_meeting(meeting, by=cast["manager"])


def test_the_agenda_shows_the_known_conflicts_of_members_still_expected(client, senate, cast, council, report):
    meeting = schedule(senate, cast, present=False)
    meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=report, by=cast["manager"])
    client.force_login(cast["manager"])
    assert "Colin Conflicted" in client.get(f"/south-west/council/{meeting.pk}/").content.decode()


def test_one_post_records_attendance_then_one_post_confirms_every_known_conflict(client, senate, cast, council):
    meeting = schedule(senate, cast, present=False)
    for request in (report_request(cast), report_request(cast)):  # Colin works for a party to both
        meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=request, by=cast["manager"])
    members = list(meeting.attendance.filter(observer=False))
    clara = meeting.attendance.get(profile=council["clara"])
    client.force_login(cast["manager"])

    # Attendance first: every member expected, on the same page as the declarations.
    page = client.get(_page(meeting)).content.decode()
    assert page.count('value="expected" checked') == len(members) and "Colin Conflicted" in page
    statuses = {f"status_{a.pk}": "apologies" if a == clara else "present" for a in members}
    response = client.post(_page(meeting), {"record_all": "1", **statuses})
    assert response.status_code == 302
    assert meeting.attendance.get(pk=clara.pk).status == "apologies"
    client.post(f"/south-west/council/{meeting.pk}/start/")

    # Every known conflict, pre-filled from screening and ticked, confirmed with the chair's action in ONE post.
    rows = list(MeetingDeclaration.objects.filter(item__meeting=meeting))
    assert len(rows) == 2 and {d.attendee.profile for d in rows} == {council["colin"]}
    page = client.get(_page(meeting)).content.decode()
    for d in rows:
        box = re.search(rf'<input[^>]*id="id_confirmed_{d.pk}"[^>]*name="confirmed_{d.pk}"[^>]*>', page)
        assert f'id="id_action_{d.pk}"' in page
        assert box and "checked" in box.group(0), f"declaration {d.pk} is not ticked"
    entries = {f"confirmed_{d.pk}": "on" for d in rows} | {f"action_{d.pk}": "leaves" for d in rows}
    response = client.post(_page(meeting), {"record_all": "1", **statuses, **entries})
    assert response.status_code == 302

    for d in MeetingDeclaration.objects.filter(item__meeting=meeting):
        assert d.confirmed and d.action == "leaves"
        assert d.confirmed_by == cast["manager"] and d.recorded_by == cast["manager"]
        assert d.confirmation == f"Confirmed by {cast['manager'].full_name} for the member"
    page = client.get(_page(meeting)).content.decode()
    assert "Confirmed by the member" not in page
    assert f"Confirmed by {cast['manager'].full_name} for the member" in page
    assert AuditEvent.objects.filter(action="council.declarations_recorded").count() == 2


def test_unticking_leaves_a_declaration_unconfirmed(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    colins = MeetingDeclaration.objects.get()
    statuses = {f"status_{a.pk}": "present" for a in meeting.attendance.filter(observer=False)}
    client.force_login(cast["manager"])
    client.post(_page(meeting), {"record_all": "1", **statuses, f"action_{colins.pk}": "no_vote"})
    colins.refresh_from_db()
    assert not colins.confirmed and colins.confirmed_by is None and colins.action == "no_vote"


def test_only_the_senate_team_records_the_whole_meeting(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    client.force_login(cast["council"])
    response = client.post(_page(meeting), {"record_all": "1"})
    assert response.status_code == 403
    assert not MeetingDeclaration.objects.filter(confirmed=True).exists()


def test_confirmed_by_the_member_only_when_the_member_confirms(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    colins = MeetingDeclaration.objects.get()
    declarations.confirm_declaration(colins, by=cast["manager"])
    assert colins.confirmation == f"Confirmed by {cast['manager'].full_name} for the member"
    declarations.confirm_declaration(colins, by=council["colin"].user)
    assert colins.confirmation == "Confirmed by the member"


def test_an_item_added_after_the_start_is_screened_at_once(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    later = meetings.add_item(
        meeting=meeting, kind="ratify_report", title="", request=report_request(cast), by=cast["manager"]
    )
    found = MeetingDeclaration.objects.get(item=later)
    assert found.attendee.profile == council["colin"] and found.source == "register" and not found.confirmed
    assert "Torbay and South Devon NHS Foundation Trust" in found.text
    assert AuditEvent.objects.filter(action="council.item_screened").count() == 1
    assert MeetingDeclaration.objects.filter(item=item).count() == 1  # the first item is not screened twice


def test_a_member_recorded_present_after_the_start_is_screened_at_once(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    colin = meeting.attendance.get(profile=council["colin"])
    meetings.record_attendance(meeting=meeting, statuses={colin.pk: "apologies"}, observers=[], by=cast["manager"])
    declarations.start_meeting(meeting, by=cast["manager"])
    assert not MeetingDeclaration.objects.exists()
    meetings.record_attendance(meeting=meeting, statuses={colin.pk: "present"}, observers=[], by=cast["manager"])
    assert MeetingDeclaration.objects.get().attendee == colin
