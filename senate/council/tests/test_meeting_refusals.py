"""What a meeting refuses, and says why: items, declarations and the order of a meeting."""

import datetime as dt

import pytest

from senate.council import declarations, meetings
from senate.council.meetings import MeetingRefused
from senate.council.models import Attendance, MeetingDeclaration
from senate.council.tests.factories import ready_item, schedule
from senate.reviews.tests.factories import RequestFactory


def test_a_council_item_needs_the_request_it_is_about(senate, cast, council):
    meeting = schedule(senate, cast)
    with pytest.raises(MeetingRefused, match="Choose the request this item is about."):
        meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=None, by=cast["manager"])


def test_another_senates_request_cannot_go_on_the_agenda(senate, other_senate, cast, council):
    meeting = schedule(senate, cast)
    theirs = RequestFactory(senate=other_senate, stage="report_revised")
    with pytest.raises(MeetingRefused, match="That request belongs to another Senate."):
        meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=theirs, by=cast["manager"])


def test_a_request_not_yet_ready_is_refused_naming_its_stage(senate, cast, council):
    meeting = schedule(senate, cast)
    early = RequestFactory(stage="received")
    with pytest.raises(MeetingRefused, match=f"{early.reference} is ‘Received’, so it cannot be put to the Council"):
        meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=early, by=cast["manager"])


def test_items_are_numbered_in_the_order_they_are_added_and_titled_for_their_kind(senate, cast, council):
    meeting = schedule(senate, cast)
    first = meetings.add_item(meeting=meeting, kind="other", title="Welcome", request=None, by=cast["manager"])
    second = meetings.add_item(meeting=meeting, kind="other", title="", request=None, by=cast["manager"])
    assert (first.number, second.number) == (1, 2)
    assert second.title == second.get_kind_display()


def test_a_meeting_cannot_start_while_members_are_still_expected(senate, cast, council):
    meeting = schedule(senate, cast, present=False)
    expected = meeting.attendance.filter(observer=False).count()
    with pytest.raises(MeetingRefused, match=f"Record attendance first: {expected} members are still expected."):
        declarations.start_meeting(meeting, by=cast["manager"])


def test_a_meeting_cannot_be_started_twice(senate, cast, council, report):
    meeting, _item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="The meeting has already started."):
        declarations.start_meeting(meeting, by=cast["manager"])


def test_declarations_are_taken_only_once_the_meeting_has_started(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    clara = meeting.attendance.get(profile=council["clara"])
    with pytest.raises(MeetingRefused, match="Start the meeting before taking declarations."):
        declarations.add_declaration(item=item, attendee=clara, text="Friend of the CEO", by=cast["manager"])


def test_an_observer_does_not_declare_at_the_meeting(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    observer = Attendance.objects.create(meeting=meeting, name="Olu Observer", observer=True)
    declarations.start_meeting(meeting, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="Only Council members at this meeting declare here."):
        declarations.add_declaration(item=item, attendee=observer, text="Works there", by=cast["manager"])


def test_a_declaration_made_at_the_meeting_is_confirmed_at_once(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    clara = meeting.attendance.get(profile=council["clara"])
    made = declarations.add_declaration(item=item, attendee=clara, text="Friend of the CEO", by=cast["manager"])
    assert made.confirmed and made.source == MeetingDeclaration.Source.AT_MEETING


def test_a_member_who_leaves_the_room_is_recused_from_the_item(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    clara = meeting.attendance.get(profile=council["clara"])
    made = declarations.add_declaration(item=item, attendee=clara, text="Friend of the CEO", by=cast["manager"])
    declarations.record_action(made, action="leaves", by=cast["chair"])
    assert clara.pk in declarations.recused(item)


def test_a_member_whose_interest_needs_no_action_still_counts(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    clara = meeting.attendance.get(profile=council["clara"])
    made = declarations.add_declaration(item=item, attendee=clara, text="Spoke at an event", by=cast["manager"])
    declarations.record_action(made, action="no_action", by=cast["chair"])
    assert clara.pk not in declarations.recused(item)


def test_a_meeting_scheduled_for_a_later_date_lists_the_council_as_it_will_be(senate, cast, council):
    meeting = schedule(senate, cast, date=dt.date.today() + dt.timedelta(days=7), present=False)
    names = set(meeting.attendance.values_list("name", flat=True))
    assert {"Clara Clinical", "Pat Public", "Vera Vice"} <= names
