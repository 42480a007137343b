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
