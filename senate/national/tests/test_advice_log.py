"""The national advice log shows every Senate's published advice, and nothing that is not published:
each unpublished state carries a marker, which the page, the CSV and the feed must not show."""

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET

import pytest

from senate.council import declarations, publication
from senate.council.decisions import decide_item
from senate.council.models import MeetingDeclaration
from senate.council.tests.factories import TODAY, latest, ready_item, report_request
from senate.evidence.models import Tier
from senate.evidence.tests.factories import item
from senate.members.models import Expertise
from senate.national.tests.factories import issued_request
from senate.organisations.models import Organisation, Senate
from senate.reports.tests.factories import draft
from senate.reviews.models import Recommendation

ATOM = "{http://www.w3.org/2005/Atom}"
MARKER = "UNPUBLISHED-MARKER"


def _ratified(senate, cast, title, outcome="approved"):
    request = report_request(cast, title=title)
    Recommendation.objects.create(request=request, number=1, text=f"{MARKER} recommendation of {title}")
    meeting, item = ready_item(senate, cast, request)
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="leaves", by=cast["chair"])
    changes = "" if outcome == "approved" else "Rework the workforce section"
    decide_item(item, by=cast["manager"], outcome=outcome, changes=changes, method="consensus", version=latest(request))
    request.refresh_from_db()
    return request


def _issued(senate, cast, title):
    request = _ratified(senate, cast, title)
    publication.issue_advice(request, covering_letter=f"{MARKER} covering letter", by=cast["manager"])
    request.refresh_from_db()
    return request


def _permit(request, cast, **fields):
    values = {"given_on": TODAY, "publish_from": None, "redactions": "", "given_by": "Jo Requester"} | fields
    return publication.give_permission(request, by=cast["requester"], **values)


@pytest.fixture
def world(senate, cast, council):
    """One request in each state short of public (each titled with the marker), and one public."""
    unratified = report_request(cast, title=f"{MARKER} draft report not yet ratified")
    draft(unratified, by=cast["manager"], summary=f"{MARKER} draft report's summary")
    _ratified(senate, cast, f"{MARKER} referred back", outcome="referred_back")
    _ratified(senate, cast, f"{MARKER} ratified, not issued")
    _issued(senate, cast, f"{MARKER} issued without permission")
    _permit(_issued(senate, cast, f"{MARKER} permitted from next month"), cast, publish_from=TODAY + dt.timedelta(30))
    public = _issued(senate, cast, "Hyper-acute stroke unit at Torbay")
    item(public, tier=Tier.OFFICIAL_SENSITIVE, title=f"{MARKER} restricted evidence")
    _permit(public, cast, redactions="Torbay")
    return public


def test_the_log_shows_published_advice_and_no_marker_of_unpublished_advice(client, world):
    page = client.get("/national/advice/").content.decode()
    assert "Hyper-acute stroke unit at [redacted]" in page and "Torbay" not in page
    assert f"/south-west/council/public/advice/{world.pk}/" in page
    assert MARKER not in page


def test_the_csv_has_the_published_advice_and_no_marker(client, world):
    response = client.get("/national/advice.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Published", "Senate", "Reference"]
    assert [r[3] for r in rows[1:]] == ["Hyper-acute stroke unit at [redacted]"]
    assert rows[1][-1].endswith(f"/south-west/council/public/advice/{world.pk}/")
    assert MARKER not in response.content.decode()


def test_the_feed_is_atom_with_one_entry_per_published_advice_and_no_marker(client, world):
    response = client.get("/national/advice.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id").text and feed.find(f"{ATOM}updated").text
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == "South West Clinical Senate: Hyper-acute stroke unit at [redacted]"
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/south-west/council/public/advice/{world.pk}/")
    assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text.startswith(TODAY.isoformat())
    assert MARKER not in response.content.decode() and "Torbay" not in response.content.decode()


def test_advice_published_from_a_later_date_appears_on_that_date(world, cast, senate):
    from senate.national.queries import advice_log

    later = [r for r in advice_log(today=TODAY + dt.timedelta(31)) if "next month" in r.title]
    assert len(later) == 1 and later[0].published_on == TODAY + dt.timedelta(30)


def test_issued_advice_without_a_ratification_is_not_in_the_log(client, cast):
    issued_request(cast, title=f"{MARKER} issued but never ratified")
    assert MARKER not in client.get("/national/advice/").content.decode()


@pytest.fixture
def two_senates(senate, other_senate, cast, council):
    """Published advice in two Senates, of two kinds, on two services, in two ICB areas, two years."""
    from senate.council.tests.factories import published_request

    stroke = published_request(cast, title="Stroke in Devon")
    stroke.service_areas.set([Expertise.objects.get(code="stroke")])
    london = published_request(cast, title="Maternity in London")
    london.senate, london.kind = other_senate, "thematic"
    london.requesting_organisation = Organisation.objects.icbs().get(code="QMJ")
    london.save()
    london.affected_organisations.set([london.requesting_organisation])
    older = published_request(cast, title="Older advice")
    older.publication_permission.given_on = dt.date(TODAY.year - 2, 6, 1)
    older.publication_permission.save()
    return {"stroke": stroke, "london": london, "older": older}


@pytest.mark.parametrize(
    "query,shown",
    [
        ("", {"Stroke in Devon", "Maternity in London", "Older advice"}),
        ("senate=london", {"Maternity in London"}),
        ("kind=thematic", {"Maternity in London"}),
        ("service=stroke", {"Stroke in Devon"}),
        ("icb=QMJ", {"Maternity in London"}),
        ("icb=QJK", {"Stroke in Devon", "Older advice"}),
        (f"year={TODAY.year - 2}", {"Older advice"}),
        ("senate=south-west&kind=thematic", set()),
    ],
)
def test_the_log_filters(client, two_senates, query, shown):
    page = client.get(f"/national/advice/?{query}").content.decode()
    titles = {"Stroke in Devon", "Maternity in London", "Older advice"}
    assert {t for t in titles if t in page} == shown
    csv_text = client.get(f"/national/advice.csv?{query}").content.decode()
    assert {t for t in titles if t in csv_text} == shown


def test_an_unknown_filter_value_is_an_error_on_the_field_not_a_crash(client, two_senates):
    page = client.get("/national/advice/?senate=atlantis").content.decode()
    assert "Select the senate from the list" in page.lower() or "select a senate from the list" in page.lower()
    assert "Stroke in Devon" in page


def test_the_log_is_paginated_newest_first(client, cast, council):
    from senate.council.tests.factories import published_request

    for n in range(27):
        request = published_request(cast, title=f"Advice number {n:02d}")
        request.publication_permission.given_on = TODAY - dt.timedelta(days=n)
        request.publication_permission.save()
    first = client.get("/national/advice/").content.decode()
    assert "Advice number 00" in first and "Advice number 24" in first and "Advice number 25" not in first
    assert first.index("Advice number 00") < first.index("Advice number 01")
    second = client.get("/national/advice/?page=2").content.decode()
    assert "Advice number 26" in second and "Page 2 of 2" in second


def test_every_senate_is_offered_as_a_filter(client, reference_data):
    page = client.get("/national/advice/").content.decode()
    assert all(s.name in page for s in Senate.objects.all())


def test_the_front_door_links_the_national_advice_log(client, reference_data):
    assert 'href="/national/advice/"' in client.get("/?all=1").content.decode()


def test_the_national_team_reads_issued_advice_before_it_is_published(client, cast, world):
    from senate.reviews.models import Request

    issued = Request.objects.get(title=f"{MARKER} issued without permission")
    client.force_login(cast["national"])
    page = client.get(f"/national/south-west/issued/{issued.pk}/").content.decode()
    assert f"{MARKER} covering letter" in page and "Not published" in page
    assert "Contents" in page  # the report version the Council signed off
    not_issued = Request.objects.get(title=f"{MARKER} ratified, not issued")
    assert client.get(f"/national/south-west/issued/{not_issued.pk}/").status_code == 404
