"""A Senate's audit trail: the Senate team searches who did what, by person, record, act and dates,
a page at a time or as a CSV that a spreadsheet opens without running any cell."""

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from senate.core import audit

pytestmark = pytest.mark.django_db
URL = "/south-west/audit/"


def _event(senate, action, *, by=None, obj=None, summary="", data=None):
    return audit.record(action, obj or senate, by=by, senate=senate, summary=summary or action, data=data)


@pytest.fixture
def trail(cast, senate, other_senate):
    return {
        "accept": _event(senate, "request.accept", by=cast["manager"], summary="SW-2026-100: Received → Accepted"),
        "invite": _event(senate, "panels.invited", by=cast["chair"], obj=cast["council"], summary="Priya invited"),
        "formula": _event(senate, "test.formula", by=cast["manager"], summary="=HYPERLINK(1)"),
        "london": _event(other_senate, "request.accept", by=cast["other_manager"], summary="London business"),
    }


def _shown(response, trail):
    assert response.status_code == 200
    page = response.content.decode()
    return {name for name, event in trail.items() if event.summary in page}


def _csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_senate_team_sees_this_senates_events_only(client, cast, trail):
    client.force_login(cast["chair"])
    page = client.get(URL).content.decode()
    assert "SW-2026-100: Received → Accepted" in page and "Panel: invited" in page
    assert "London business" not in page


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"person": "helen"}, {"invite"}),
        ({"person": "manager"}, {"accept", "formula"}),
        ({"act": "accept"}, {"accept"}),
        ({"object_type": "accounts.user"}, {"invite"}),
        ({"object_type": "organisations.senate", "act": "formula"}, {"formula"}),
    ],
)
def test_events_filter_by_person_record_and_act(client, cast, trail, query, expected):
    client.force_login(cast["manager"])
    assert _shown(client.get(URL, query), trail) == expected


def test_events_filter_by_record_number(client, cast, trail):
    client.force_login(cast["manager"])
    query = {"object_type": "accounts.user", "object_id": str(cast["council"].pk)}
    assert _shown(client.get(URL, query), trail) == {"invite"}
    assert _shown(client.get(URL, query | {"object_id": "0"}), trail) == set()


def test_events_filter_by_dates_both_days_included(client, cast, trail):
    today = timezone.localdate()
    client.force_login(cast["manager"])

    def shown(since, until):
        query = {f"since[{k}]": getattr(since, k) for k in ("day", "month", "year")}
        query |= {f"until[{k}]": getattr(until, k) for k in ("day", "month", "year")}
        return _shown(client.get(URL, query), trail)

    assert shown(today, today) == {"accept", "invite", "formula"}
    assert shown(today - dt.timedelta(days=3), today - dt.timedelta(days=1)) == set()


def test_a_date_range_backwards_is_refused_at_its_field(client, cast, trail):
    today = timezone.localdate()
    client.force_login(cast["manager"])
    query = {f"since[{k}]": getattr(today, k) for k in ("day", "month", "year")}
    query |= {f"until[{k}]": getattr(today - dt.timedelta(days=1), k) for k in ("day", "month", "year")}
    response = client.get(URL, query)
    assert "The date to must be the same as or after the date from" in response.content.decode()
    assert client.get(URL, query | {"format": "csv"}).status_code == 400


def test_the_trail_is_paginated_keeping_the_filters(client, cast, senate):
    for i in range(60):
        _event(senate, "test.many", by=cast["manager"], summary=f"Many {i}")
    client.force_login(cast["manager"])
    first = client.get(URL, {"act": "many"}).content.decode()
    assert first.count("Many ") == 50 and "Many 59<" in first and "act=many&amp;page=2" in first
    second = client.get(URL, {"act": "many", "page": 2}).content.decode()
    assert second.count("Many ") == 10 and "Many 0<" in second


def test_with_nothing_typed_every_page_and_the_csv_have_the_whole_trail(client, cast, senate):
    for i in range(60):
        _event(senate, "test.many", by=cast["manager"], summary=f"Many {i}")
    client.force_login(cast["manager"])
    first = client.get(URL, {"act": ""}).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()
    assert "There is a problem" not in first + second
    assert "Many 59<" in first and "Many 0<" in second and "page=2" in first
    assert sum(1 for row in _csv(client.get(URL, {"format": "csv"})) if row[6].startswith("Many ")) == 60


def test_the_csv_has_the_filtered_events_and_disarms_formulas(client, cast, trail):
    client.force_login(cast["manager"])
    response = client.get(URL, {"person": "manager", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="south-west-audit-trail.csv"'
    header, *rows = _csv(response)
    assert header[:4] == ["When (UTC)", "Person", "Email", "Act"]
    summaries = {row[6] for row in rows}
    assert summaries == {"SW-2026-100: Received → Accepted", "'=HYPERLINK(1)"}
    assert all(row[11] in {trail["accept"].hash, trail["formula"].hash} for row in rows)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_cell_that_a_spreadsheet_would_run_is_escaped(client, cast, senate, start):
    _event(senate, "test.formula", by=cast["manager"], summary=f"{start}1+1", data={"note": "x"})
    client.force_login(cast["manager"])
    _header, row = _csv(client.get(URL, {"act": "formula", "format": "csv"}))
    assert row[6] == f"'{start}1+1"


def test_the_senate_home_links_to_the_trail_for_the_team(client, cast):
    client.force_login(cast["manager"])
    assert URL in client.get("/south-west/").content.decode()
    client.force_login(cast["admin"])
    assert URL not in client.get("/south-west/").content.decode()


@pytest.mark.parametrize("who", ["requester", "council", "assembly", "assurance", "admin", "other_manager", "no_role"])
def test_everyone_else_is_refused_the_trail_and_its_csv(client, cast, trail, who):
    client.force_login(cast[who])
    for query in ({}, {"format": "csv"}):
        response = client.get(URL, query)
        assert response.status_code == 403
        assert b"Received" not in response.content
