"""The demo world's turnaround agrees with a count made by hand from how the demo dates its requests:
each request's events are spread evenly from the day it started (step = days ago // (events + 1)), so
a request is sent at step 1 (its clock starts: it is accepted at step 2 without asking for more), a formal
review is issued at step 15 and early advice at step 5."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.demo import world
from senate.organisations.models import Senate
from senate.statistics import queries
from senate.statistics.period import year_of

pytestmark = pytest.mark.django_db

# title: (days on the clock, days ago the advice was issued), worked out by hand:
HAND_COUNT = {
    "Early advice on options for hyperacute stroke units": (4 * 52, 420 - 5 * 52),  # 7 events, step 420 // 8
    "Early advice on midwife-led units": (4 * 33, 200 - 5 * 33),  # 5 events, step 200 // 6
    "Stroke early supported discharge: formal review": (14 * 20, 380 - 15 * 20),  # 18 events, step 380 // 19
    "Elective orthopaedic centre": (14 * 17, 300 - 15 * 17),  # 16 events, step 300 // 17
    "Ophthalmology outpatient model": (14 * 18, 330 - 15 * 18),  # 17 events, step 330 // 18
}


def test_the_demo_worlds_turnaround_agrees_with_a_hand_count():
    today = timezone.localdate()
    world.build(scale="tiny", seed=7, today=today)
    senate = Senate.objects.get(slug="south-west")
    year = year_of(today)
    expected = {
        title: days for title, (days, ago) in HAND_COUNT.items() if year.contains(today - dt.timedelta(days=ago))
    }
    table = queries.turnaround_by_request(senate, year, today=today)
    assert {row[1]: row[6] for row in table.rows} == expected
    assert all(row[5] == 0 for row in table.rows)  # none of them was paused
    if expected:
        summary = dict(queries.turnaround_summary(senate, year, today=today).rows)
        ordered = sorted(expected.values())
        assert summary["Pieces of advice issued"] == len(ordered)
        assert summary["Longest (days)"] == ordered[-1]
