"""The clock's edges: work the Senate opened itself, stops outside the clock, and empty figures."""

import datetime as dt

import pytest

from senate.statistics.turnaround import Event, clock, distribution, histogram, percentile

D = dt.date(2026, 4, 1)


def e(n: int, action: str, before: str, after: str) -> Event:
    return Event(D + dt.timedelta(days=n), action, before, after)


def test_work_accepted_without_ever_being_sent_starts_its_clock_on_acceptance():
    c = clock([e(3, "accept", "received", "accepted"), e(13, "issue", "approved", "issued")], today=D)
    assert (c.started, c.days) == (D + dt.timedelta(days=3), 10)


def test_time_waiting_for_information_before_the_last_sending_is_not_taken_off_twice():
    timeline = [
        e(0, "submit", "draft", "received"),
        e(2, "ask_for_information", "received", "more_information"),
        e(12, "resubmit", "more_information", "received"),
        e(14, "accept", "received", "accepted"),
        e(32, "issue", "approved", "issued"),
    ]
    c = clock(timeline, today=D)
    assert (c.stopped_days, c.days) == (0, 20)


def test_a_pause_running_past_the_issue_counts_only_up_to_the_issue():
    timeline = [
        e(0, "submit", "draft", "received"),
        e(1, "accept", "received", "accepted"),
        e(10, "pause", "accepted", "paused"),
        e(15, "issue", "paused", "issued"),
    ]
    c = clock(timeline, today=D + dt.timedelta(days=100))
    assert (c.ended, c.stopped_days, c.days) == (D + dt.timedelta(days=15), 5, 10)


def test_a_clock_never_goes_below_zero_days():
    c = clock([e(5, "accept", "received", "accepted")], today=D)
    assert c.days == 0 and not c.issued


def test_no_turnarounds_give_no_distribution():
    assert distribution([], target=30) is None


def test_the_share_within_target_counts_those_on_the_target_day():
    d = distribution([30, 31, 10, 60], target=30)
    assert d.share_within_target == 0.5


def test_a_percentile_of_nothing_is_an_error_not_a_zero():
    with pytest.raises(ValueError, match="No values"):
        percentile([], 50)


def test_the_histogram_of_nothing_has_every_bin_at_zero():
    bins = histogram([], width=10, bins=2)
    assert bins == [("0–9 days", 0), ("10 days or more", 0)]
