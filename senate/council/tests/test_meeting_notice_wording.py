"""What a meeting's notice says when the place or the agenda is not known yet, and who it goes to."""

from senate.council import meetings, notices
from senate.council.models import Attendance
from senate.council.tests.factories import schedule
from senate.notifications.models import Email


def _notice_to(person):
    return Email.objects.get(kind="council.meeting_notice", to=person.email).body


def test_a_meeting_with_no_place_or_link_yet_says_where_is_to_be_confirmed(senate, cast, council):
    schedule(senate, cast, place="")
    assert "Where: to be confirmed" in _notice_to(council["ppv"].user)


def test_a_meeting_with_no_items_yet_says_the_agenda_will_follow(senate, cast, council):
    schedule(senate, cast)
    assert "Agenda:\nThe agenda will follow." in _notice_to(council["ppv"].user)


def test_a_notice_sent_again_lists_the_agenda_in_item_order(senate, cast, council):
    meeting = schedule(senate, cast)
    for title in ("Welcome", "Minutes of the last meeting"):
        meetings.add_item(meeting=meeting, kind="other", title=title, request=None, by=cast["manager"])
    Email.objects.all().delete()
    notices.meeting_notice(meeting, notices.everyone(meeting))
    assert "Agenda:\n1. Welcome\n2. Minutes of the last meeting" in _notice_to(council["ppv"].user)


def test_an_observer_without_an_account_is_not_emailed(senate, cast, council):
    meeting = schedule(senate, cast)
    Attendance.objects.create(meeting=meeting, name="Olu Observer", observer=True)
    Email.objects.all().delete()
    sent = notices.meeting_notice(meeting, list(meeting.attendance.all()))
    assert sent == meeting.attendance.filter(profile__isnull=False).count()


def test_a_member_is_told_of_a_meeting_once_however_often_it_is_sent(senate, cast, council):
    meeting = schedule(senate, cast)
    assert notices.meeting_notice(meeting, notices.everyone(meeting)) == 0
