"""Fieldwork and papers: recorded with who attended, and papers flagged when later than the rule."""

import datetime as dt

import pytest

from senate.evidence import fieldwork
from senate.evidence.models import Fieldwork
from senate.evidence.tests.factories import attested, make_request, seat

MEETING = dt.date(2027, 5, 20)


@pytest.fixture
def request_(cast):
    return make_request(stage="desktop_review")


@pytest.fixture
def meeting(cast, request_):
    seat(cast["assembly"], request_)
    return fieldwork.record_fieldwork(
        request=request_,
        kind=Fieldwork.Kind.PANEL_MEETING,
        held_on=MEETING,
        place="Torbay Hospital",
        attendees=[cast["assembly"]],
        others_attending="Ward manager, ward 4",
        notes="Walked the stroke pathway.",
        by=cast["manager"],
    )


@pytest.mark.parametrize("days_before,late", [(21, False), (30, False), (20, True), (0, True)])
def test_papers_are_late_when_sent_inside_the_senates_notice(cast, meeting, days_before, late):
    papers = fieldwork.record_papers(
        fieldwork=meeting,
        description="Evidence pack",
        sent_on=MEETING - dt.timedelta(days=days_before),
        by=cast["manager"],
    )
    assert fieldwork.is_late(papers) is late


def test_the_senates_own_rule_is_used(cast, meeting, senate):
    senate.papers_notice_days = 10
    senate.save()
    papers = fieldwork.record_papers(
        fieldwork=meeting, description="Pack", sent_on=MEETING - dt.timedelta(days=14), by=cast["manager"]
    )
    papers.fieldwork.request.senate.refresh_from_db()
    assert not fieldwork.is_late(papers)


def test_the_fieldwork_page_shows_attendees_and_flags_late_papers(client, cast, meeting, request_):
    fieldwork.record_papers(
        fieldwork=meeting, description="Late pack", sent_on=MEETING - dt.timedelta(days=7), by=cast["manager"]
    )
    client.force_login(cast["assembly"])  # on the panel, but has not attested yet
    assert client.get(f"/south-west/evidence/requests/{request_.pk}/fieldwork/").status_code == 403
    attested(cast["assembly"], request_)
    page = client.get(f"/south-west/evidence/requests/{request_.pk}/fieldwork/").content.decode()
    assert "Tom Assembly" in page and "Ward manager, ward 4" in page
    assert "Late pack" in page and "7 days" in page and ">Late<" in page


def test_the_manager_records_fieldwork_through_the_form(client, cast, request_):
    seat(cast["assembly"], request_)
    client.force_login(cast["manager"])
    url = f"/south-west/evidence/requests/{request_.pk}/fieldwork/record/"
    refused = client.post(url, {"kind": "site_visit"})
    assert "Enter the date it was held" in refused.content.decode()
    client.post(
        url,
        {
            "kind": "site_visit",
            "held_on[day]": "3",
            "held_on[month]": "4",
            "held_on[year]": "2027",
            "place": "Derriford",
            "attendees": [str(cast["assembly"].pk)],
        },
    )
    work = Fieldwork.objects.get()
    assert (work.place, list(work.attendees.all())) == ("Derriford", [cast["assembly"]])


def test_late_papers_warn_the_manager_when_recorded(client, cast, meeting, request_):
    client.force_login(cast["manager"])
    response = client.post(
        f"/south-west/evidence/requests/{request_.pk}/fieldwork/papers/",
        {
            "fieldwork": str(meeting.pk),
            "description": "Pack",
            "sent_on[day]": "13",
            "sent_on[month]": "5",
            "sent_on[year]": "2027",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "sent 7 days before, later than the Senate" in page and "rule of 21 days" in page
