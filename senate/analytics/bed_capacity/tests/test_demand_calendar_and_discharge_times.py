"""The demand calendar a pool implies, and the wait a discharge profile adds to every stay."""

import numpy as np
import pytest

from senate.analytics.bed_capacity.demand import build_calendar, daily_rates_for_year
from senate.analytics.bed_capacity.model import (
    FLAT_HOUR_SHARES,
    FLAT_WEEKDAY_SHARES,
    BedPool,
    DelayedDischarge,
    DischargeProfile,
    LengthOfStay,
    Proposal,
    apply_proposal,
)
from senate.analytics.bed_capacity.simulation import Estimate

POOL = BedPool(3_650, LengthOfStay.exponential(3.0), 20)
WEEKDAYS_ONLY = (0.2, 0.2, 0.2, 0.2, 0.2, 0.0, 0.0)


def test_flat_demand_is_the_same_every_day_of_the_year() -> None:
    assert daily_rates_for_year(POOL, 0) == pytest.approx(np.full(365, 10.0))


def test_a_pool_closed_at_weekends_admits_no_one_on_saturday_or_sunday() -> None:
    pool = BedPool(3_650, LengthOfStay.exponential(3.0), 20, weekday_shares=WEEKDAYS_ONLY)
    daily = daily_rates_for_year(pool, first_weekday=0)  # 1 January a Monday
    assert daily[5] == 0.0 and daily[6] == 0.0
    assert daily.sum() == pytest.approx(3_650)


def test_the_warm_up_comes_before_the_counted_years() -> None:
    calendar = build_calendar(POOL, years=2, warmup_days=30)
    assert calendar.hourly_rates.size == (30 + 2 * 365) * 24
    assert calendar.warmup_hours == 720
    assert calendar.hourly_rates[calendar.warmup_hours :].sum() == pytest.approx(2 * 3_650)


def test_the_warm_up_days_are_the_end_of_december() -> None:
    calendar = build_calendar(POOL, years=1, warmup_days=3)
    assert list(calendar.day_month[:4]) == [11, 11, 11, 0]


def test_each_year_starts_one_weekday_later_as_a_365_day_year_does() -> None:
    calendar = build_calendar(POOL, years=2, warmup_days=0, first_weekday=0)
    assert calendar.day_weekday[0] == 0
    assert calendar.day_weekday[365] == 1


def test_hour_shares_put_all_of_a_days_admissions_in_the_hours_given() -> None:
    hours = [0.0] * 24
    hours[9] = 1.0
    pool = BedPool(3_650, LengthOfStay.exponential(3.0), 20, hour_shares=hours)
    first_day = build_calendar(pool, years=1, warmup_days=0).hourly_rates[:24]
    assert first_day[9] == pytest.approx(10.0)
    assert first_day.sum() == pytest.approx(10.0)


def test_discharges_at_any_hour_add_no_wait() -> None:
    assert DischargeProfile(FLAT_WEEKDAY_SHARES, FLAT_HOUR_SHARES).mean_wait_days() == pytest.approx(0.0)


def test_the_busiest_hour_of_the_week_has_weight_one() -> None:
    hours = [0.0] * 24
    hours[10], hours[14] = 0.75, 0.25
    weights = DischargeProfile(FLAT_WEEKDAY_SHARES, tuple(hours)).weights()
    assert len(weights) == 168
    assert max(weights) == 1.0
    assert weights[14] == pytest.approx(1 / 3)


def test_discharges_once_a_day_keep_a_patient_half_a_day_on_average() -> None:
    hours = [0.0] * 24
    hours[11] = 1.0
    wait = DischargeProfile(FLAT_WEEKDAY_SHARES, tuple(hours)).mean_wait_days()
    # Ready in one of the 23 closed hours, a patient waits 0.5, 1.5, ... 22.5 hours for 11:00.
    expected_hours = sum(gap - 0.5 for gap in range(1, 24)) / 24
    assert wait == pytest.approx(expected_hours / 24)


def test_time_waiting_for_a_discharge_slot_lengthens_the_days_in_a_bed() -> None:
    hours = [0.0] * 24
    hours[11] = 1.0
    pool = BedPool(
        3_650, LengthOfStay.exponential(3.0), 20, discharge_profile=DischargeProfile(FLAT_WEEKDAY_SHARES, tuple(hours))
    )
    assert pool.mean_los_days == 3.0
    assert pool.mean_stay_days > 3.4


def test_delayed_discharges_add_the_share_delayed_times_their_delay() -> None:
    pool = BedPool(3_650, LengthOfStay.exponential(3.0), 20, delayed_discharge=DelayedDischarge(0.2, 5.0))
    assert pool.mean_stay_days == pytest.approx(4.0)


def test_a_proposal_that_avoids_half_the_delays_halves_the_delay_and_says_so() -> None:
    pool = BedPool(3_650, LengthOfStay.exponential(3.0), 20, delayed_discharge=DelayedDischarge(0.2, 5.0))
    effective = apply_proposal(pool, Proposal(proposed_beds=18, delayed_discharge_avoided=0.5))
    assert effective.pool.mean_stay_days == pytest.approx(3.5)
    assert any("avoids 50% of the days" in note for note in effective.assumptions)


def test_a_proposal_avoiding_delays_where_there_are_none_changes_nothing() -> None:
    effective = apply_proposal(POOL, Proposal(proposed_beds=18, delayed_discharge_avoided=0.5))
    assert effective.pool.delayed_discharge is None
    assert not any("Delayed discharges" in note for note in effective.assumptions)


def test_one_replication_has_no_spread() -> None:
    single = Estimate.of(np.array([4.0]))
    assert (single.mean, single.low, single.high) == (4.0, 4.0, 4.0)


def test_an_interval_is_never_below_zero() -> None:
    assert Estimate.of(np.array([0.0, 0.0, 9.0])).low == 0.0


def test_no_replications_give_zero_not_an_error() -> None:
    assert Estimate.of(np.array([])).mean == 0.0
