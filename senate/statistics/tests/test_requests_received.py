"""The dashboard's tables of requests received: by quarter, by requester, by ICB area and by stage."""

import datetime as dt
import zoneinfo

from senate.organisations.models import Organisation
from senate.reviews.tests.factories import RequestFactory
from senate.statistics import queries
from senate.statistics.period import Year

LONDON = zoneinfo.ZoneInfo("Europe/London")
YEAR = Year(2026)


def _sent(at, **kw):
    return RequestFactory(submitted_at=at, **kw)


def _by_quarter(senate):
    return {row[0]: row[1] for row in queries.requests_by_quarter(senate, YEAR).rows}


def test_a_request_sent_just_after_midnight_on_1_july_counts_in_the_july_quarter(senate):
    _sent(dt.datetime(2026, 7, 1, 0, 30, tzinfo=LONDON))  # 23:30 on 30 June in UTC
    assert _by_quarter(senate)["July to September"] == 1
    assert _by_quarter(senate)["April to June"] == 0


def test_a_request_sent_just_after_midnight_on_1_april_counts_in_the_first_quarter(senate):
    _sent(dt.datetime(2026, 4, 1, 0, 30, tzinfo=LONDON))
    assert _by_quarter(senate) == {
        "April to June": 1, "July to September": 0, "October to December": 0, "January to March": 0
    }  # fmt: skip


def test_requests_are_counted_by_kind_only_for_kinds_received(senate):
    _sent(dt.datetime(2026, 5, 1, 12, 0, tzinfo=LONDON), kind="formal_review")
    table = queries.requests_by_quarter(senate, YEAR)
    assert table.headers == ["Quarter", "All requests", queries.KINDS["formal_review"]]


def test_requests_sent_before_the_year_are_not_counted(senate):
    _sent(dt.datetime(2026, 3, 31, 23, 30, tzinfo=LONDON))
    assert sum(_by_quarter(senate).values()) == 0


def test_requesters_are_listed_most_requests_first_then_by_name(senate, icb):
    other = Organisation.objects.filter(type="icb").exclude(pk=icb.pk).order_by("name").first()
    at = dt.datetime(2026, 5, 1, 12, 0, tzinfo=LONDON)
    _sent(at, requesting_organisation=other)
    _sent(at)
    _sent(at)
    assert queries.requests_by_requester(senate, YEAR).rows == [[icb.name, 2], [other.name, 1]]


def test_a_trust_is_counted_in_its_icbs_area(senate, icb):
    trust = Organisation.objects.create(name="Stroke Trust", type="trust", code="RZZ9", icb=icb)
    _sent(dt.datetime(2026, 5, 1, 12, 0, tzinfo=LONDON), requesting_organisation=trust)
    assert queries.requests_by_icb(senate, YEAR).rows == [[icb.name, 1]]


def test_an_organisation_outside_any_icb_area_is_counted_as_such(senate):
    charity = Organisation.objects.create(name="Stroke Charity", type="other")
    _sent(dt.datetime(2026, 5, 1, 12, 0, tzinfo=LONDON), requesting_organisation=charity)
    assert queries.requests_by_icb(senate, YEAR).rows == [["Not in an ICB area", 1]]


def test_drafts_are_not_among_the_requests_by_stage(senate):
    RequestFactory(stage="draft")
    RequestFactory(stage="received")
    RequestFactory(stage="received")
    assert queries.requests_by_stage(senate).rows == [["Received", 2]]


def test_panel_days_count_weekdays_only():
    assert queries._weekdays(dt.date(2026, 6, 5), dt.date(2026, 6, 8)) == 2  # Friday to Monday
    assert queries._weekdays(dt.date(2026, 6, 6), dt.date(2026, 6, 7)) == 0  # a weekend
    assert queries._weekdays(dt.date(2026, 6, 8), dt.date(2026, 6, 5)) == 0  # ends before it starts
