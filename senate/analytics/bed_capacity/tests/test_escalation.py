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
