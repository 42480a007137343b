"""The simulation reproduces the Erlang value at steady demand for any LOS shape,
keeps the stated demand, and is repeatable."""

import math

import numpy as np
import pytest

from senate.analytics.bed_capacity.demand import build_calendar
from senate.analytics.bed_capacity.erlang import erlang_b, mean_occupied_beds, offered_load
from senate.analytics.bed_capacity.model import DAYS_IN_MONTH, BedPool, LengthOfStay
from senate.analytics.bed_capacity.simulation import (
    SimulationSettings,
    SimulationTooLargeError,
    hour_of_week_label,
    simulate,
)

# 10 beds offered 8 Erlangs: B = 0.1217, so about 1 admission in 8 finds no bed.
STEADY_BEDS = 10
STEADY_ADMISSIONS = 8 * 365  # 8 a day, mean stay 1 day
STEADY = SimulationSettings(replications=20, years=5, warmup_days=30, seed=11)

SEASONAL_MONTHS = (0.1, 0.09, 0.09, 0.08, 0.08, 0.07, 0.07, 0.07, 0.08, 0.09, 0.08, 0.1)
BUSY_WEEKDAYS = (0.22, 0.17, 0.15, 0.15, 0.15, 0.08, 0.08)


@pytest.mark.parametrize(
    "los",
    [
        LengthOfStay.exponential(1.0),
        LengthOfStay.lognormal(1.0, 2.0),
        LengthOfStay.fixed(1.0),
        LengthOfStay.empirical([0.25, 0.5, 1.0, 1.0, 2.25]),
    ],
    ids=["exponential", "lognormal", "fixed", "empirical"],
)
def test_steady_demand_matches_erlang_whatever_the_stay_shape(los: LengthOfStay) -> None:
    pool = BedPool(STEADY_ADMISSIONS, los, STEADY_BEDS)
    result = simulate(pool, STEADY, workers=1)
    load = offered_load(STEADY_ADMISSIONS, los.mean_days)
    assert load == pytest.approx(8.0)
    fraction = result.refusal_fraction
    assert abs(fraction.mean - erlang_b(STEADY_BEDS, load)) < 3 * fraction.standard_error
    occupied = result.mean_occupied_beds
    assert abs(occupied.mean - mean_occupied_beds(STEADY_BEDS, load)) < 3 * occupied.standard_error
    # The check has teeth: the standard error is small against the value tested.
    assert fraction.standard_error < 0.02 * erlang_b(STEADY_BEDS, load)


def test_calendar_gives_exactly_the_stated_admissions_by_month() -> None:
    pool = BedPool(
        36_500, LengthOfStay.exponential(4.0), 100, month_shares=SEASONAL_MONTHS, weekday_shares=BUSY_WEEKDAYS
    )
    cal = build_calendar(pool, years=3, warmup_days=45)
    counted = cal.hourly_rates[cal.warmup_hours :].reshape(3, 365, 24).sum(axis=2)
    assert counted.sum(axis=1) == pytest.approx([36_500] * 3, rel=1e-12)
    month_ends = np.cumsum(DAYS_IN_MONTH)
    for year in counted:
        by_month = np.add.reduceat(year, np.r_[0, month_ends[:-1]])
        assert by_month == pytest.approx(36_500 * np.array(SEASONAL_MONTHS), rel=1e-12)
    # Weekdays keep their stated ratio within a month: Mondays carry 0.22/0.08 of a Sunday.
    days = cal.hourly_rates.reshape(-1, 24).sum(axis=1)
    january = slice(cal.warmup_days, cal.warmup_days + 31)
    monday = days[january][cal.day_weekday[january] == 0][0]
    sunday = days[january][cal.day_weekday[january] == 6][0]
    assert monday / sunday == pytest.approx(0.22 / 0.08)
    assert cal.day_weekday[cal.warmup_days] == 0  # day 0 of the first counted year is a Monday


def test_simulated_admissions_match_the_stated_total_and_pattern() -> None:
    pool = BedPool(
        20_000, LengthOfStay.lognormal(3.0, 1.0), 300, month_shares=SEASONAL_MONTHS, weekday_shares=BUSY_WEEKDAYS
    )
    result = simulate(pool, SimulationSettings(replications=10, years=2, warmup_days=10, seed=5), workers=1)
    arrivals = result.admissions_per_year
    assert abs(arrivals.mean - 20_000) < 3 * arrivals.standard_error + 1e-9
    assert arrivals.standard_error == pytest.approx(math.sqrt(20_000 / 2) / math.sqrt(10), rel=0.6)


def test_results_repeat_with_the_seed_and_do_not_depend_on_threads() -> None:
    pool = BedPool(3_000, LengthOfStay.lognormal(2.0, 1.5), 18, weekday_shares=BUSY_WEEKDAYS)
    settings = SimulationSettings(replications=6, years=1, warmup_days=20, seed=42)
    one = simulate(pool, settings, workers=1)
    two = simulate(pool, settings, workers=2)
    assert one == two
    other = simulate(pool, SimulationSettings(6, 1, 20, seed=43), workers=1)
    assert other.refused_per_year != one.refused_per_year


def test_small_pool_turns_away_far_more_than_large_pool_at_equal_occupancy() -> None:
    settings = SimulationSettings(replications=10, years=2, warmup_days=30, seed=3)
    los = LengthOfStay.lognormal(4.0, 1.0)
    results = {}
    for beds in (20, 400):
        admissions = 0.85 * beds * 365 / 4.0  # 85% offered occupancy in both
        results[beds] = simulate(BedPool(admissions, los, beds), settings, workers=1)
    small, large = results[20].refusal_fraction, results[400].refusal_fraction
    assert small.mean > 0.06
    assert large.mean < 0.002
    assert small.low > 20 * large.high
    # Both run at about the same occupancy, so the rule of thumb cannot tell them apart.
    occ_small = results[20].mean_occupied_beds.mean / 20
    occ_large = results[400].mean_occupied_beds.mean / 400
    assert occ_small == pytest.approx(occ_large, abs=0.1)


def test_outputs_are_per_year_and_consistent() -> None:
    pool = BedPool(4_000, LengthOfStay.exponential(2.0), 22, month_shares=SEASONAL_MONTHS, weekday_shares=BUSY_WEEKDAYS)
    result = simulate(pool, SimulationSettings(replications=8, years=3, warmup_days=20, seed=9), workers=1)
    total = result.refused_per_year.mean
    assert total > 0
    assert sum(e.mean for e in result.refused_per_month) == pytest.approx(total)
    assert sum(e.mean for e in result.refused_per_weekday) == pytest.approx(total)
    assert len(result.refused_per_month) == 12 and len(result.refused_per_weekday) == 7
    assert 0 < result.days_with_refusals_per_year.mean <= 365
    assert result.no_bed_probability_at_peak_hour.mean >= result.refusal_fraction.mean
    # Monday carries the most demand, so it sees more refusals than Sunday.
    assert result.refused_per_weekday[0].mean > result.refused_per_weekday[6].mean
    assert result.refused_per_year.low <= total <= result.refused_per_year.high


def test_progress_is_reported_between_replications() -> None:
    seen: list[float] = []
    pool = BedPool(1_000, LengthOfStay.exponential(2.0), 8)
    simulate(pool, SimulationSettings(replications=5, years=1, warmup_days=0, seed=1), progress=seen.append, workers=2)
    assert len(seen) == 5
    assert seen == sorted(seen) and seen[-1] == 1.0


# Not named ``settings``: that is pytest-django's fixture, used by the project's conftest.
@pytest.mark.parametrize(
    ("pool", "sim_settings", "field"),
    [
        (BedPool(10_000, LengthOfStay.exponential(5.0), 6_000), SimulationSettings(), "beds"),
        (BedPool(3_000_000, LengthOfStay.exponential(0.5), 4_000), SimulationSettings(100, 10), "replications"),
        (BedPool(1_000, LengthOfStay.exponential(1.0), 5), SimulationSettings(replications=1), "replications"),
    ],
)
def test_scenarios_too_big_to_simulate_in_time_are_refused(
    pool: BedPool, sim_settings: SimulationSettings, field: str
) -> None:
    with pytest.raises(SimulationTooLargeError, match=field):
        simulate(pool, sim_settings)


def test_hour_of_week_labels() -> None:
    assert hour_of_week_label(0) == "Mon 00:00-01:00"
    assert hour_of_week_label(167) == "Sun 23:00-00:00"
