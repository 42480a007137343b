"""The meeting's agenda reads the members present, the size of the Council and the quorum rule once
for the page, not once for each item the Council is to decide: a long agenda costs no more queries
than a short one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.council import declarations, meetings
from senate.council.tests.factories import report_request, schedule

pytestmark = pytest.mark.django_db


def _add_items(meeting, cast, n):
    for i in range(n):
        request = report_request(cast, title=f"Agenda marker review {meeting.items.count() + i + 1}")
        meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=request, by=cast["manager"])


def _count(client, url):
    client.get(url)  # warm caches (sessions, content types) before counting
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
    assert response.status_code == 200
    return len(seen.captured_queries), response.content.decode()


def test_the_agenda_asks_as_many_queries_for_many_items_to_decide_as_for_few(client, senate, cast, council):
    meeting = schedule(senate, cast)
    url = f"/south-west/council/{meeting.pk}/"
    client.force_login(cast["manager"])
    _add_items(meeting, cast, 2)
    # Started, so the agenda shows each item's declarations and quorum (the screening before the
    # start is a reading kept until the next act, counted by its own tests).
    declarations.start_meeting(meeting, by=cast["manager"])
    few, page = _count(client, url)
    assert page.count("Quorate:") == 2
    _add_items(meeting, cast, 6)
    many, page = _count(client, url)
    assert page.count("Quorate:") == 8
    assert many == few


def test_deciding_an_item_asks_as_many_queries_for_many_members_and_declarations_as_for_few(
    client, senate, cast, council
):
    """The item's page asks who chairs it, who is recused, whether it is quorate and who may confirm
    changes: each from the attendance and declarations read once with the item."""
    from senate.council.models import Attendance, MeetingDeclaration
    from senate.council.tests.factories import seat
    from senate.members.models import MembershipRole

    meeting = schedule(senate, cast)
    _add_items(meeting, cast, 1)
    declarations.start_meeting(meeting, by=cast["manager"])
    item = meeting.items.get()
    url = f"/south-west/council/{meeting.pk}/items/{item.number}/"
    client.force_login(cast["manager"])

    def declare(attendee):
        MeetingDeclaration.objects.create(
            item=item,
            attendee=attendee,
            source="at_meeting",
            text=f"{attendee.name} holds shares",
            recorded_by=cast["manager"],
        )

    declare(meeting.attendance.filter(profile__isnull=False).first())
    few, page = _count(client, url)
    assert page.count(" holds shares") == 1
    for n in range(5):
        profile = seat(senate, MembershipRole.CLINICAL, name=f"Extra Member {n}")
        declare(
            Attendance.objects.create(meeting=meeting, profile=profile, name=profile.user.full_name, status="present")
        )
    many, page = _count(client, url)
    assert page.count(" holds shares") == 6
    assert many == few
