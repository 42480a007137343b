"""Members hear about meetings: the notice goes to everyone on the attendance list, papers are
announced (late ones flagged), and a panel meeting lists and tells the request's accepted panel."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from senate.core.tests import files
from senate.council import meetings
from senate.council.meetings import MeetingRefused, attach_paper
from senate.council.tests.factories import schedule
from senate.notifications.models import Email
from senate.panels.models import PanelMember
from senate.reviews.tests.factories import RequestFactory


def test_every_council_member_is_told_of_a_new_meeting_with_its_date_place_and_page(senate, cast, council):
    meeting = schedule(senate, cast, place="Exeter, Room 2")
    notices = Email.objects.filter(kind="council.meeting_notice")
    expected = {p.user.email for p in council.values()}
    assert set(notices.values_list("to", flat=True)) == expected and notices.count() == len(expected)
    body = notices.get(to=council["ppv"].user.email).body
    assert f"{meeting.date:%A %-d %B %Y}" in body and "Exeter, Room 2" in body
    assert f"/south-west/council/{meeting.pk}/" in body


def test_a_paper_is_announced_once_to_each_member_and_a_late_one_says_so(senate, cast, council):
    meeting = schedule(senate, cast)
    attach_paper(
        meeting=meeting,
        item=None,
        title="Minutes of the last meeting",
        file=ContentFile(files.pdf(), name="m.pdf"),
        sent_on=meeting.date - dt.timedelta(days=2),
        by=cast["manager"],
    )
    sent = Email.objects.filter(kind="council.papers_sent")
    assert sent.count() == len(council)
    assert all("later than the Senate's rule" in e.body for e in sent)
    attach_paper(
        meeting=meeting,
        item=None,
        title="Forward plan",
        file=ContentFile(files.pdf(), name="f.pdf"),
        sent_on=meeting.date - dt.timedelta(days=senate.papers_notice_days),
        by=cast["manager"],
    )
    on_time = Email.objects.filter(kind="council.papers_sent", subject__endswith="Forward plan")
    assert on_time.count() == len(council) and not any("later than" in e.body for e in on_time)


def test_a_panel_meeting_lists_and_tells_the_accepted_panel_of_its_request(senate, cast, council):
    from senate.panels.tests.factories import member, seat

    request = RequestFactory(created_by=cast["requester"], stage="desktop_review")
    yes, no = member("Anna Accepted"), member("Derek Declined")
    seat(request, yes)
    seat(request, no, status=PanelMember.Status.DECLINED)
    meeting = schedule(senate, cast, kind="panel")
    assert not meeting.attendance.exists() and not Email.objects.exists()
    meetings.add_item(meeting=meeting, kind="other", title="Panel day", request=request, by=cast["manager"])
    assert [a.name for a in meeting.attendance.all()] == ["Anna Accepted"]
    notice = Email.objects.get(kind="council.meeting_notice")
    assert notice.to == yes.user.email and "1. Panel day" in notice.body
    assert "/council/" not in notice.body  # panel members cannot open the Council's pages
    meetings.add_item(meeting=meeting, kind="other", title="Site visit debrief", request=request, by=cast["manager"])
    assert meeting.attendance.count() == 1 and Email.objects.count() == 1


def test_a_panel_meeting_cannot_approve_advice(senate, cast, council, report):
    meeting = schedule(senate, cast, kind="panel")
    with pytest.raises(MeetingRefused, match="Only the Council approves"):
        meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=report, by=cast["manager"])
