"""The clock of a request, on timelines written out by hand and on generated ones."""

import datetime as dt

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from senate.statistics.turnaround import Event, clock, distribution, histogram, percentile

D = dt.date(2026, 4, 1)
TODAY = dt.date(2026, 12, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def e(n: int, action: str, before: str, after: str) -> Event:
    return Event(day(n), action, before, after)


def test_the_clock_runs_from_the_last_sending_before_acceptance_to_issue():
    timeline = [
        e(0, "submit", "draft", "received"),
        e(5, "ask_for_information", "received", "more_information"),
        e(25, "resubmit", "more_information", "received"),  # the clock starts here: the complete request
        e(30, "accept", "received", "accepted"),
        e(40, "pause", "accepted", "paused"),
        e(50, "resume", "paused", "accepted"),  # ten days stopped
        e(60, "record_advice_drafted", "accepted", "advice_drafted"),
        e(70, "approve_advice", "advice_drafted", "approved"),
        e(75, "issue", "approved", "issued"),
        e(90, "pause", "issued", "paused"),  # after issue: does not count
    ]
    c = clock(timeline, today=TODAY)
    assert c is not None
    assert (c.started, c.ended, c.stopped_days, c.days) == (day(25), day(75), 10, 40)


def test_two_pauses_are_both_taken_off_and_an_open_pause_stops_a_running_clock():
    timeline = [
        e(0, "submit", "draft", "received"),
        e(2, "accept", "received", "accepted"),
        e(10, "pause", "accepted", "paused"),
        e(13, "resume", "paused", "accepted"),
        e(20, "pause", "accepted", "paused"),
    ]
    c = clock(timeline, today=day(30))
    assert c is not None and not c.issued
    assert (c.stopped_days, c.days) == (3 + 10, 30 - 13)


def test_a_request_never_accepted_has_no_clock():
    assert clock([e(0, "submit", "draft", "received"), e(4, "decline", "received", "declined")], today=TODAY) is None


def test_distribution_and_histogram_by_hand():
    d = distribution([10, 20, 30, 40, 100], target=35)
    assert d is not None
    assert (d.median, d.lower_quartile, d.upper_quartile, d.longest, d.within_target) == (30, 20, 40, 100, 3)
    assert d.p90 == 76  # 40 + 0.6 × 60
    assert d.mean == 40
    assert histogram([0, 29, 30, 500], width=30, bins=3) == [
        ("0–29 days", 2),
        ("30–59 days", 1),
        ("60 days or more", 1),
    ]


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=60), st.floats(0, 100))
def test_percentiles_agree_with_numpy(values, p):
    assert abs(percentile(values, p) - float(np.percentile(values, p))) < 1e-6


spans = st.lists(st.tuples(st.integers(1, 40), st.integers(0, 40)), max_size=6)


@given(st.integers(0, 30), spans, st.integers(0, 60))
def test_days_on_the_clock_and_days_stopped_make_up_the_elapsed_time(triage, pauses, after):
    """Whatever the pauses: the clock never goes below zero, and counted plus stopped days are the
    days from start to issue."""
    timeline = [e(0, "submit", "draft", "received"), e(triage, "accept", "received", "accepted")]
    n = triage
    paused = 0
    for running, stopped in pauses:
        n += running
        timeline.append(e(n, "pause", "accepted", "paused"))
        n += stopped
        paused += stopped
        timeline.append(e(n, "resume", "paused", "accepted"))
    n += after
    timeline.append(e(n, "issue", "approved", "issued"))
    c = clock(timeline, today=day(n + 5))
    assert c is not None and c.issued
    assert c.stopped_days == paused
    assert c.days + c.stopped_days == n
    assert c.days == n - paused >= 0
