"""Escalation beds open when every bed is full: fewer patients find no bed (Erlang at the beds plus
the escalation beds), and the census says how many nights a year they are in use and for how many
patients, matching the stationary distribution at steady demand."""

import math

import numpy as np
import pytest
from scipy.special import gammaln

from senate.analytics.bed_capacity.erlang import erlang_b
from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.scenario import load_scenario, scenario_to_dict
from senate.analytics.bed_capacity.simulation import SimulationSettings, simulate

BEDS, EXTRA, LOAD = 10, 3, 9.0


@pytest.fixture(scope="module")
def result():
    pool = BedPool(LOAD * 365, LengthOfStay.lognormal(1.0, 1.2), BEDS)
    settings = SimulationSettings(replications=200, years=5, warmup_days=30, seed=8, escalation_beds=EXTRA)
    return simulate(pool, settings, workers=2)


def occupancy() -> np.ndarray:
    k = np.arange(BEDS + EXTRA + 1)
    weights = np.exp(k * math.log(LOAD) - gammaln(k + 1.0))
    return weights / weights.sum()


def test_fewer_find_no_bed_with_the_escalation_beds_open(result) -> None:
    fraction = result.refusal_fraction
    assert abs(fraction.mean - erlang_b(BEDS + EXTRA, LOAD)) < 3 * fraction.standard_error
    assert fraction.mean < erlang_b(BEDS, LOAD) / 2


def test_the_census_counts_escalation_nights_and_patients(result) -> None:
    p, k = occupancy(), np.arange(BEDS + EXTRA + 1)
    m = result.midnight
    assert m.escalation_beds == EXTRA and m.beds == BEDS
    nights = p[k > BEDS].sum() * 365
    bed_nights = (p * np.maximum(k - BEDS, 0)).sum() * 365
    assert abs(m.escalation_nights.mean - nights) < 3 * m.escalation_nights.standard_error
    assert abs(m.escalation_bed_nights.mean - bed_nights) < 3 * m.escalation_bed_nights.standard_error
    assert abs(m.days_full.mean - p[k >= BEDS].sum() * 365) < 3 * m.days_full.standard_error
    shown = result.to_dict()["midnight_occupancy"]["escalation"]
    assert shown["beds"] == EXTRA and shown["nights_in_use"]["mean"] == m.escalation_nights.mean


def test_the_scenario_carries_escalation_beds() -> None:
    from senate.analytics.bed_capacity.tests.test_plausible_inputs import _scenario

    data = _scenario()
    data["simulation"] = {"replications": 3, "years": 1, "escalation_beds": 12}
    assert scenario_to_dict(load_scenario(data))["simulation"]["escalation_beds"] == 12


# Escalation beds that open above an occupancy threshold (issue 18), not only when every bed is full.
THRESHOLD = 0.85  # open while more than 8.5 of the 10 permanent beds are occupied: 9 or more


@pytest.fixture(scope="module")
def early(result):
    pool = BedPool(LOAD * 365, LengthOfStay.lognormal(1.0, 1.2), BEDS)
    settings = SimulationSettings(
        replications=200, years=5, warmup_days=30, seed=8, escalation_beds=EXTRA, escalation_threshold=THRESHOLD
    )
    return simulate(pool, settings, workers=2)


def test_opening_earlier_staffs_the_beds_longer_but_admits_the_same_patients(result, early) -> None:
    # The escalation beds are open whenever every permanent bed is full either way, so the same seed gives
    # the same patients finding no bed; only the nights they are open (staffed) change.
    assert early.refused_per_year == result.refused_per_year
    assert early.midnight.escalation_nights == result.midnight.escalation_nights
    assert early.midnight.escalation_nights_open.mean > result.midnight.escalation_nights_open.mean
    # Open only when every bed is full, they are open exactly the nights they are in use.
    assert result.midnight.escalation_nights_open == result.midnight.escalation_nights


def test_nights_open_above_the_threshold_are_the_stationary_census_above_it(early) -> None:
    p, k = occupancy(), np.arange(BEDS + EXTRA + 1)
    m = early.midnight
    nights = p[k >= 9].sum() * 365  # about 185 nights a year with 9 or more of 10 beds occupied
    assert abs(m.escalation_nights_open.mean - nights) < 3 * m.escalation_nights_open.standard_error
    # The same nights as those above 85% occupied, and every escalation bed is open on each of them.
    assert m.escalation_nights_open == dict(m.days_above)[0.85]
    assert m.escalation_bed_nights_open.mean == pytest.approx(EXTRA * m.escalation_nights_open.mean)
    shown = early.to_dict()["midnight_occupancy"]["escalation"]
    assert shown["threshold"] == THRESHOLD
    assert shown["bed_nights_open"]["mean"] == pytest.approx(EXTRA * shown["nights_open"]["mean"])


def test_a_hand_counted_census() -> None:
    from senate.analytics.bed_capacity.simulation import _midnight

    # One year, two replications; 10 permanent beds and 2 escalation beds open above 80% (census 9 or more).
    census = np.zeros((2, 13), dtype=np.int64)
    census[0, [8, 9, 10, 11]] = [300, 40, 20, 5]  # open 40 + 20 + 5 = 65 nights, in use 5
    census[1, [7, 12]] = [355, 10]  # open 10 nights, in use 10 (both beds)
    m = _midnight(census, 10, 1, 0.8)
    assert m.escalation_nights_open.mean == 37.5  # (65 + 10) / 2
    assert m.escalation_bed_nights_open.mean == 75.0  # 2 beds on each of those nights
    assert m.escalation_nights.mean == 7.5  # (5 + 10) / 2
    assert m.escalation_bed_nights.mean == 12.5  # (5 x 1 + 10 x 2) / 2


def test_the_scenario_carries_the_threshold_and_refuses_a_bad_one() -> None:
    from senate.analytics.bed_capacity.scenario import validate_scenario
    from senate.analytics.bed_capacity.tests.test_plausible_inputs import _scenario

    data = _scenario()
    data["simulation"] = {"replications": 3, "years": 1, "escalation_beds": 4, "escalation_threshold": 0.95}
    assert scenario_to_dict(load_scenario(data))["simulation"]["escalation_threshold"] == 0.95
    data["simulation"]["escalation_threshold"] = 1.2
    assert validate_scenario(data) == ["simulation.escalation_threshold: must be above 0 and at most 1 (got 1.2)"]
    data["simulation"] = {"replications": 3, "years": 1, "escalation_threshold": 0.9}
    assert validate_scenario(data) == [
        "simulation.escalation_threshold: there are no escalation beds to open: give their number too"
    ]
    data["simulation"] = {"replications": 3, "years": 1}
    assert "escalation_threshold" not in scenario_to_dict(load_scenario(data))["simulation"]
