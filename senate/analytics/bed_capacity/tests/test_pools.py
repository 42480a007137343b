"""Several pools simulated together (issue 18): outlying to a named other pool and elective cancellations.

Hand-checkable cases: a pool overflowing into an empty one sends exactly the patients it would turn
away alone (the same patients, common random numbers), a pool never full sends none, every patient is
counted once, and electives are cancelled as often as the steady state says they find the pool full.
"""

import copy
import json
import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.special import gammaln

from senate.analytics.bed_capacity.cli import main
from senate.analytics.bed_capacity.compare import Comparison
from senate.analytics.bed_capacity.erlang import erlang_b
from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.pools import Electives, SystemPool, simulate_system
from senate.analytics.bed_capacity.scenario import (
    ScenarioError,
    load_scenario,
    read_scenario,
    run_scenario,
    scenario_to_dict,
)
from senate.analytics.bed_capacity.simulation import Estimate, SimulationSettings, simulate

EXAMPLE = Path(__file__).resolve().parents[4] / "docs" / "beds" / "example-pools.json"
SETTINGS = SimulationSettings(replications=12, years=2, warmup_days=20, seed=5)


def within(estimate: Estimate, expected: float, ses: float = 3.5) -> bool:
    return abs(estimate.mean - expected) <= ses * estimate.standard_error + 1e-9


def test_an_overflow_into_an_empty_pool_sends_exactly_the_patients_it_would_turn_away() -> None:
    medicine = BedPool(3000, LengthOfStay.lognormal(3, 1.5), 25, name="Medicine")
    annex = BedPool(0, LengthOfStay.exponential(3), 80, name="Annex")
    together = simulate_system((SystemPool(medicine, "Annex"), SystemPool(annex)), SETTINGS, workers=1)
    alone = simulate(medicine, SETTINGS, workers=1)
    sent, received = together.pools[0], together.pools[1]
    # The same patients: what medicine turns away alone, it now sends, and the annex takes every one.
    assert alone.refused_per_year.mean > 100
    assert sent.outliers_sent_per_year.mean == pytest.approx(alone.refused_per_year.mean)
    assert sent.refused_per_year.mean == 0
    assert received.outliers_received_per_year.mean == sent.outliers_sent_per_year.mean
    assert received.refused_per_year.mean == 0
    assert sent.mean_occupied_beds.mean == pytest.approx(alone.mean_occupied_beds.mean)
    # The annex's beds hold exactly the days medicine's patients spend outlying.
    assert received.mean_occupied_beds.mean * 365 == pytest.approx(sent.outlying_bed_days_per_year.mean)


def test_a_pool_never_full_sends_no_one_and_every_patient_is_counted_once() -> None:
    roomy = BedPool(2000, LengthOfStay.exponential(2), 60, name="Roomy")  # load 11 on 60 beds
    tight = BedPool(4000, LengthOfStay.exponential(2), 20, name="Tight")  # load 22 on 20 beds
    pools = (SystemPool(roomy, "Tight"), SystemPool(tight, "Roomy"))
    result = simulate_system(pools, SETTINGS, workers=2)
    r, t = result.pools
    assert r.outliers_sent_per_year.mean == 0 and r.refused_per_year.mean == 0
    # The tight pool's overflow all finds a bed in the roomy one: nobody is turned away.
    assert t.outliers_sent_per_year.mean > 500 and t.refused_per_year.mean == 0
    assert r.outliers_received_per_year.mean == t.outliers_sent_per_year.mean
    for pool in result.pools:
        parts = pool.admitted_per_year.mean + pool.outliers_sent_per_year.mean + pool.refused_per_year.mean
        assert pool.admissions_per_year.mean == pytest.approx(parts)
    # Outliers fill the roomy pool: more beds in use there than its own patients need (11 erlangs).
    assert r.mean_occupied_beds.mean > 11 + 0.8 * t.outlying_bed_days_per_year.mean / 365


def test_outliers_are_turned_away_when_the_other_pool_is_full_too() -> None:
    a = BedPool(3650, LengthOfStay.exponential(2), 18, name="A")  # 20 erlangs on 18 beds
    b = BedPool(3650, LengthOfStay.exponential(2), 18, name="B")
    result = simulate_system((SystemPool(a, "B"), SystemPool(b)), SETTINGS, workers=2)
    first, second = result.pools
    assert first.outliers_sent_per_year.mean > 0 and first.refused_per_year.mean > 0
    # Together the two pools turn away more than one pool of 36 beds would (40 erlangs), fewer than alone.
    turned_away = first.refused_per_year.mean + second.refused_per_year.mean
    assert 7300 * erlang_b(36, 40) < turned_away < 7300 * erlang_b(18, 20)


def truncated_poisson(load: float, beds: int) -> np.ndarray:
    k = np.arange(beds + 1)
    weights = np.exp(k * math.log(load) - gammaln(k + 1.0))
    return weights / weights.sum()


@pytest.mark.parametrize("threshold", [1.0, 0.8])
def test_electives_are_cancelled_as_often_as_the_steady_state_finds_the_pool_too_full(threshold: float) -> None:
    # One planned admission a day at 10:00 with a stay too short to disturb the pool: it is cancelled
    # when the census of a steady M/M/c/c pool is at the beds (or above the threshold's share of them).
    beds, load = 12, 10.0
    electives = Electives((1,) * 7, hour=10, cancel_above_occupancy=threshold, length_of_stay=LengthOfStay.fixed(1e-4))
    pool = BedPool(load * 365, LengthOfStay.exponential(1), beds, name="Surgery")
    settings = SimulationSettings(replications=60, years=4, warmup_days=10, seed=11)
    result = simulate_system((SystemPool(pool, electives=electives),), settings, workers=2).pools[0]
    p = truncated_poisson(load, beds)
    k = np.arange(beds + 1)
    cancelled_share = p[(k >= beds) | (k > threshold * beds)].sum()
    assert result.electives_planned_per_year.mean == 365
    assert within(result.electives_cancelled_per_year, 365 * cancelled_share)
    if threshold == 1.0:
        assert cancelled_share == pytest.approx(erlang_b(beds, load))


@pytest.fixture(scope="module")
def example() -> Comparison:
    return run_scenario(read_scenario(EXAMPLE), workers=2)


def test_the_worked_example(example: Comparison) -> None:
    """Every figure of the worked example in docs/beds/scenario-format.md."""
    load = 3000 / 365 * 3
    for side, beds in ((example.baseline, 25), (example.proposal, 22)):
        medicine, annex, ortho = side.pools.pools
        refused_alone = 3000 * erlang_b(beds, load)  # 410 a year with 25 beds, 640 with 22
        assert within(medicine.outliers_sent_per_year, refused_alone)
        assert within(medicine.outlying_bed_days_per_year, refused_alone * 3)
        assert within(annex.mean_occupied_beds, refused_alone * 3 / 365)
        assert annex.outliers_received_per_year.mean == medicine.outliers_sent_per_year.mean
        assert medicine.refused_per_year.mean == 0
        # Orthopaedics is the same on both sides; its two electives each weekday at 08:00 find a full
        # pool (both cancelled) or one bed free (the second cancelled).
        p = truncated_poisson(8.0, 10)
        steady = 2 * (5 * 365 / 7) * (p[10] + p[9] / 2)  # 103 a year
        assert ortho.electives_planned_per_year.mean == pytest.approx(522, abs=1)
        assert round(steady) == 103
        assert 0.95 * steady < ortho.electives_cancelled_per_year.mean < steady
    assert round(3000 * erlang_b(25, load)) == 410 and round(3000 * erlang_b(22, load)) == 640
    assert round(3000 * erlang_b(25, load) * 3) == 1231 and round(3000 * erlang_b(22, load) * 3) == 1921
    assert (
        round(3000 * erlang_b(25, load) * 3 / 365, 2) == 3.37 and round(3000 * erlang_b(22, load) * 3 / 365, 2) == 5.26
    )
    shown = example.to_dict()["proposal"]["pools"]["pools"][0]
    assert shown["outlie_to"] == "Surgical annex" and shown["outliers_sent_per_year"]["mean"] > 600


def _example_data() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text())


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(data)
    return caught.value.errors


def test_messages_name_the_field() -> None:
    data = _example_data()
    data["baseline"]["outlie_to"] = "Cardiology"
    data["pools"][1]["electives"]["per_weekday"] = [2, 2, 2]
    data["pools"][0]["name"] = "Orthopaedics"
    data["pools"][0]["beds"] = 0
    found = problems(data)
    assert any(m.startswith("baseline.outlie_to: must name another pool") for m in found)
    assert any(m.startswith("pools[1].electives.per_weekday: expected 7") for m in found)
    assert any(m.startswith("pools[0].beds: must be a whole number from 1") for m in found)

    data = _example_data()
    data["pools"][0]["name"] = "Orthopaedics"
    assert any(m.startswith("pools[1].name: 'Orthopaedics' names two pools") for m in problems(data))

    data = _example_data()
    data["baseline"]["outlie_to"] = "Medicine"
    assert "baseline.outlie_to: a pool cannot outlie to itself; name another pool" in problems(data)

    data = _example_data()
    data["simulation"]["when_full"] = "waits"
    assert any(m.startswith("simulation.when_full: with several pools") for m in problems(data))

    data = _example_data()
    data["pools"][1]["electives"]["cancel_above_occupancy"] = 1.5
    data["pools"][1]["elective"] = {}
    found = problems(data)
    assert any(m.startswith("pools[1].electives.cancel_above_occupancy: must be above 0") for m in found)
    assert any(m.startswith("pools[1].elective: unknown field") for m in found)


def test_a_single_pool_scenario_is_unchanged() -> None:
    data = _example_data()
    del data["pools"], data["baseline"]["outlie_to"]
    data["simulation"] = {"replications": 3, "years": 1}
    scenario = load_scenario(data)
    assert scenario.system == ()
    out = run_scenario(scenario, workers=1).to_dict()
    assert "pools" not in out["baseline"] and "pools" not in scenario_to_dict(scenario)


def test_round_trip_and_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = read_scenario(EXAMPLE)
    assert load_scenario(scenario_to_dict(scenario)) == scenario
    small = copy.deepcopy(_example_data())
    small["simulation"] = {"replications": 3, "years": 1, "seed": 2}
    path = tmp_path / "pools.json"
    path.write_text(json.dumps(small))
    assert main([str(path), "--workers", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    names = [p["name"] for p in out["baseline"]["pools"]["pools"]]
    assert names == ["Medicine", "Surgical annex", "Orthopaedics"]
    assert out["proposal"]["pools"]["pools"][2]["electives_cancelled_per_year"]["mean"] > 0


def test_pools_outlying_to_the_changed_main_pool_still_find_it() -> None:
    data = _example_data()
    data["pools"][1]["outlie_to"] = "Medicine"
    data["simulation"] = {"replications": 3, "years": 1, "seed": 3}
    result = run_scenario(load_scenario(data), workers=1)
    medicine, _, ortho = result.proposal.pools.pools
    assert medicine.name == "Medicine" and ortho.outlie_to == "Medicine"
    assert medicine.outliers_received_per_year.mean == ortho.outliers_sent_per_year.mean > 0


def test_progress_runs_forward_and_the_assumptions_name_the_pools() -> None:
    data = _example_data()
    data["simulation"] = {"replications": 3, "years": 1, "seed": 4}
    seen: list[float] = []
    result = run_scenario(load_scenario(data), progress=seen.append, workers=1)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    note = result.assumptions[-1]
    assert note.startswith("Pools simulated together (the proposal changes the first only): Medicine: 25 beds")
    assert "outlies to Surgical annex when full" in note and "10 electives a week at 08:00" in note


def test_each_pool_keeps_its_own_patients_whatever_the_beds_of_the_others() -> None:
    a = BedPool(3650, LengthOfStay.exponential(2), 20, name="A")
    b = BedPool(2000, LengthOfStay.lognormal(4, 1.2), 25, name="B")
    first = simulate_system((SystemPool(a, "B"), SystemPool(b, "A")), SETTINGS, workers=1).pools
    fewer = replace(a, beds=12)
    second = simulate_system((SystemPool(fewer, "B"), SystemPool(b, "A")), SETTINGS, workers=1).pools
    # B's patients are the same when A's beds change (common random numbers per pool); A sends more.
    assert second[1].admissions_per_year == first[1].admissions_per_year
    assert second[0].outliers_sent_per_year.mean > first[0].outliers_sent_per_year.mean
    third = simulate_system((SystemPool(a, "B"), SystemPool(replace(b, beds=15), "A")), SETTINGS, workers=1).pools
    assert third[0].admissions_per_year == first[0].admissions_per_year
    assert third[1].outliers_sent_per_year.mean > first[1].outliers_sent_per_year.mean


def test_the_main_pools_escalation_beds_open_at_the_settings_threshold() -> None:
    pool = BedPool(3650, LengthOfStay.exponential(2), 20, name="A")
    settings = SimulationSettings(replications=4, years=1, seed=2, escalation_beds=3, escalation_threshold=0.9)
    alone = simulate(pool, settings, workers=1).midnight
    together = simulate_system((SystemPool(pool),), settings, workers=1).pools[0].midnight
    assert together.escalation_threshold == 0.9 and together.escalation_beds == 3
    assert together.escalation_nights_open == alone.escalation_nights_open
