"""Minutes drafted from the record, approved at a later meeting, then published; the action log."""

import datetime as dt

import pytest

from senate.council import declarations
from senate.council.decisions import decide_item
from senate.council.meetings import MeetingRefused
from senate.council.minutes import add_action, approve_minutes, draft_minutes, publish_minutes, save_minutes
from senate.council.models import Attendance, Meeting, MeetingDeclaration
from senate.council.tests.factories import TODAY, latest, ready_item, schedule


def _held(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    meeting.attendance.filter(profile=council["clara"]).update(status=Attendance.Status.APOLOGIES)
    Attendance.objects.create(meeting=meeting, name="Olu Observer", observer=True)
    declarations.start_meeting(meeting, by=cast["manager"])
    colin = meeting.attendance.get(profile=council["colin"])
    declarations.add_declaration(
        item=item, attendee=colin, text="Brother is the trust's finance director", by=cast["manager"]
    )
    priya = meeting.attendance.get(profile=council["council"])
    declarations.add_declaration(
        item=item, attendee=priya, text="Spoke at the trust's public event", by=cast["council"]
    )
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="no_action" if d.attendee == priya else "leaves", by=cast["chair"])
    decide_item(
        item,
        by=cast["manager"],
        outcome="approved_with_changes",
        changes="Correct table 3",
        method="consensus",
        version=latest(report),
        confirmer=cast["chair"],
    )
    add_action(
        meeting=meeting,
        item=item,
        description="Send the report",
        owner="Sarah Manager",
        due_on=TODAY,
        by=cast["manager"],
    )
    return meeting


def test_draft_minutes_list_every_declaration_made_with_its_action(senate, cast, council, report):
    meeting = _held(senate, cast, council, report)
    text = draft_minutes(meeting, by=cast["manager"]).text
    made = MeetingDeclaration.objects.filter(item__meeting=meeting)
    assert made.count() == 3
    for d in made:
        assert f"{d.attendee.name}: {d.text}" in text and d.get_action_display() in text
    assert "Apologies: Clara Clinical" in text and "In attendance (observers): Olu Observer" in text
    assert "Decision: Approved with changes (consensus)." in text and "Changes: Correct table 3" in text
    assert "Send the report – Sarah Manager" in text


def test_minutes_are_approved_only_at_a_later_meeting_and_then_frozen(senate, cast, council, report):
    meeting = _held(senate, cast, council, report)
    Meeting.objects.filter(pk=meeting.pk).update(date=TODAY - dt.timedelta(days=90))  # held a while ago
    meeting.refresh_from_db()
    minutes = save_minutes(draft_minutes(meeting, by=cast["manager"]), text="Edited minutes", by=cast["manager"])
    earlier = schedule(senate, cast, date=meeting.date - dt.timedelta(days=60))
    with pytest.raises(MeetingRefused, match="later meeting"):
        approve_minutes(minutes, at_meeting=earlier, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="Only approved minutes"):
        publish_minutes(minutes, by=cast["manager"], on=TODAY)
    later = schedule(senate, cast, date=meeting.date + dt.timedelta(days=60))
    approve_minutes(minutes, at_meeting=later, by=cast["manager"])
    with pytest.raises(MeetingRefused):
        save_minutes(minutes, text="Changed after approval", by=cast["manager"])
    with pytest.raises(MeetingRefused):
        draft_minutes(meeting, by=cast["manager"])
    assert publish_minutes(minutes, by=cast["manager"], on=TODAY).status == "published"
    minutes.refresh_from_db()
    assert minutes.text == "Edited minutes"
