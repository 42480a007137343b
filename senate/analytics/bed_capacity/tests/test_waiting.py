"""When every bed is full the patient waits for one: at steady demand with exponential stays the
simulated waits are the M/M/c queue's exact figures (Erlang C), and an overloaded pool is named."""

import math

import pytest

from senate.analytics.bed_capacity.erlang import erlang_b
from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.scenario import load_scenario, scenario_to_dict, validate_scenario
from senate.analytics.bed_capacity.simulation import SimulationSettings, SimulationTooLargeError, simulate

BEDS, LOAD = 10, 8.0  # mean stay one day, 8 admissions a day


def erlang_c() -> float:
    b = erlang_b(BEDS, LOAD)
    return BEDS * b / (BEDS - LOAD * (1 - b))


@pytest.fixture(scope="module")
def waiting():
    pool = BedPool(LOAD * 365, LengthOfStay.exponential(1.0), BEDS)
    settings = SimulationSettings(replications=100, years=5, warmup_days=30, seed=4, when_full="waits")
    return simulate(pool, settings, workers=2)


def test_the_share_who_wait_is_erlang_c(waiting) -> None:
    share = waiting.waiting.share_waiting
    assert abs(share.mean - erlang_c()) < 3 * share.standard_error
    assert share.standard_error < 0.01


def test_the_waits_are_the_m_m_c_queues(waiting) -> None:
    w = waiting.waiting
    drain = (BEDS - LOAD) / 24  # beds freeing faster than patients arrive, an hour
    assert abs(w.mean_wait_hours.mean - 1 / drain) < 3 * w.mean_wait_hours.standard_error  # 12 hours
    for hours, figure in ((4, w.over_4_hours_per_year), (12, w.over_12_hours_per_year)):
        expected = LOAD * 365 * erlang_c() * math.exp(-drain * hours)
        assert abs(figure.mean - expected) < 3 * figure.standard_error
    exact_95 = math.log(erlang_c() / 0.05) / drain  # P(wait > t) = C exp(-drain t)
    assert w.centile_95_wait_hours == pytest.approx(exact_95, abs=0.75)


def test_nobody_is_turned_away_and_the_beds_fill(waiting) -> None:
    assert waiting.refused_per_year.mean == 0
    # Everyone is admitted in the end, so the beds carry the whole load.
    assert abs(waiting.mean_occupied_beds.mean - LOAD) < 3 * waiting.mean_occupied_beds.standard_error
    assert waiting.to_dict()["when_full"] == "waits"


def test_a_pool_that_cannot_keep_up_is_named() -> None:
    pool = BedPool(LOAD * 365, LengthOfStay.exponential(1.0), 8)
    with pytest.raises(SimulationTooLargeError, match=r"beds: with patients waiting for a bed, the beds \(8\)"):
        simulate(pool, SimulationSettings(replications=2, years=1, when_full="waits"), workers=1)


def test_the_scenario_says_what_happens_when_every_bed_is_full() -> None:
    from senate.analytics.bed_capacity.tests.test_plausible_inputs import _scenario

    data = _scenario()
    data["simulation"] = {"replications": 3, "years": 1, "when_full": "waits"}
    assert scenario_to_dict(load_scenario(data))["simulation"]["when_full"] == "waits"
    data["simulation"]["when_full"] = "vanishes"
    assert validate_scenario(data) == ["simulation.when_full: must be one of turned_away, waits (got text 'vanishes')"]
