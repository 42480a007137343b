"""Turnaround read from real timelines: a request walked through the lifecycle with a request for
more information and two pauses, its events dated by hand, appears on the dashboard's tables with the
days a person would count on a calendar."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.reviews import lifecycle
from senate.reviews.tests.conftest import walk
from senate.reviews.tests.factories import RequestFactory
from senate.statistics import queries
from senate.statistics.period import Year

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reviews_rules_only():
    with lifecycle.reviews_rules_only():
        yield


def _dated(request, days):
    """Put the request's events on the given days of April-May 2026, in order."""
    for event, n in zip(request.events.order_by("id"), days, strict=True):
        at = dt.datetime(2026, 4, 1, 10, tzinfo=timezone.get_current_timezone()) + dt.timedelta(days=n)
        type(event).objects.filter(pk=event.pk).update(at=at)


def test_advice_with_clock_stops_is_counted_as_a_person_would(cast, senate):
    r = RequestFactory(created_by=cast["requester"], kind="early_advice", title="Minor injuries unit hours")
    acts = ["ask_for_information", "resubmit", "accept", "pause", "resume", "pause", "resume"]
    walk(r, *acts, "record_advice_drafted", "approve_advice", "issue", cast=cast)
    # 1 Apr asked; 11 Apr sent again (clock starts); 13 Apr accepted; paused 20-27 Apr and 1-4 May;
    # drafted 10 May, approved 12 May, issued 15 May: 34 days elapsed, 7 + 3 stopped, 24 on the clock.
    _dated(r, [0, 10, 12, 19, 26, 30, 33, 39, 41, 44])
    never = RequestFactory(created_by=cast["requester"], title="Declined request")
    walk(never, "decline", cast=cast)

    year = Year(2026)
    rows = queries.turnaround_by_request(senate, year, today=dt.date(2026, 6, 1)).rows
    assert rows == [
        [r.reference, "Minor injuries unit hours", "Early 'critical friend' advice", "2026-04-11", "2026-05-15"]
        + [10, 24, "Yes", "Yes"]
    ]
    summary = dict(queries.turnaround_summary(senate, year, today=dt.date(2026, 6, 1)).rows)
    assert summary["Median (days)"] == 24
    assert summary["Within the 91-day target"] == 1
    assert queries.turnaround_by_request(senate, Year(2025), today=dt.date(2026, 6, 1)).rows == []


def test_requests_open_at_each_quarters_end(cast, senate):
    r = RequestFactory(created_by=cast["requester"], kind="early_advice")
    walk(r, "accept", "record_advice_drafted", "approve_advice", "issue", "record_response", "close", cast=cast)
    # accepted 10 April, issued 10 May (April to June), closed 15 August (July to September)
    _dated(r, [9, 20, 30, 39, 100, 136])
    other = RequestFactory(created_by=cast["requester"])
    walk(other, "accept", cast=cast)
    _dated(other, [200])  # 18 October: open at the end of October to December

    rows = queries.requests_over_time(senate, Year(2026), today=dt.date(2026, 12, 1)).rows
    assert rows == [
        ["April to June", 1, 1, 0],
        ["July to September", 0, 0, 1],
        ["October to December", 1, 0, 0],
    ]
