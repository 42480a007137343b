"""The scenario validator names every bad field; the CLI exits 2 or prints JSON."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from senate.analytics.bed_capacity.cli import main
from senate.analytics.bed_capacity.scenario import (
    ScenarioError,
    load_scenario,
    parse_scenario,
    scenario_to_dict,
    validate_scenario,
)

EXAMPLE = Path(__file__).resolve().parents[4] / "docs" / "beds" / "example-scenario.json"


@pytest.fixture
def scenario() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text())
    return data


def small(data: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["simulation"] = {"replications": 3, "years": 1, "warmup_days": 10, "seed": 1}
    return out


def test_example_is_valid(scenario: dict[str, Any]) -> None:
    assert validate_scenario(scenario) == []


def test_negative_number_is_named(scenario: dict[str, Any]) -> None:
    scenario["baseline"]["admissions_per_year"] = -40_000
    assert validate_scenario(scenario) == [
        "baseline.admissions_per_year: must be zero or more and at most 5,000,000 (got -40000)"
    ]


def test_missing_number_is_named(scenario: dict[str, Any]) -> None:
    del scenario["baseline"]["beds"]
    assert validate_scenario(scenario) == ["baseline.beds: missing (a whole number is required)"]


def test_shares_not_summing_to_one_are_named(scenario: dict[str, Any]) -> None:
    scenario["baseline"]["month_shares"] = [0.93 / 12] * 12
    assert validate_scenario(scenario) == ["baseline.month_shares: 12 shares must sum to 1 (they sum to 0.93)"]


def test_wrong_list_length_is_named(scenario: dict[str, Any]) -> None:
    scenario["baseline"]["weekday_shares"] = [1 / 6] * 6
    assert validate_scenario(scenario) == ["baseline.weekday_shares: expected 7 shares, got 6"]


def test_too_many_beds_to_simulate_is_named(scenario: dict[str, Any]) -> None:
    scenario["baseline"]["beds"] = 6_000
    errors = validate_scenario(scenario)
    assert len(errors) == 1
    assert errors[0].startswith("baseline.beds: 6,000 beds is more than the 5,000 that can be simulated in time")


def test_too_many_beds_is_fine_for_erlang_only(scenario: dict[str, Any]) -> None:
    scenario["baseline"]["beds"] = 6_000
    scenario["simulation"] = None
    assert validate_scenario(scenario) == []
    assert load_scenario(scenario).simulation is None


def test_too_much_simulation_is_named(scenario: dict[str, Any]) -> None:
    scenario["simulation"]["replications"] = 1_000
    errors = validate_scenario(scenario)
    assert errors and all(e.startswith("simulation.replications:") for e in errors)
    assert "(baseline)" in errors[0]


def test_every_problem_is_reported_at_once(scenario: dict[str, Any]) -> None:
    scenario["format"] = "senate-bed-scenario/0"
    scenario["baseline"]["admissions_per_year"] = "lots"
    scenario["baseline"]["length_of_stay"]["cv"] = -1
    scenario["baseline"]["hour_shares"] = [0.05] * 24
    scenario["baseline"]["bedz"] = 3
    del scenario["proposal"]["alternative_provision"]["workforce_note"]
    scenario["proposal"]["new_treatments"][0]["admissions_reduced_per_year"] = -5
    scenario["proposal"]["los_reduction"]["gap_share_closed"] = 1.5
    scenario["proposal"]["demographic_growth"]["horizon_year"] = 2020
    scenario["simulation"]["years"] = 0
    fields = [e.split(":")[0] for e in validate_scenario(scenario)]
    assert fields == [
        "format",
        "baseline.bedz",
        "baseline.admissions_per_year",
        "baseline.length_of_stay.cv",
        "baseline.hour_shares",
        "proposal.alternative_provision.workforce_note",
        "proposal.new_treatments[0].admissions_reduced_per_year",
        "proposal.los_reduction.gap_share_closed",
        "proposal.demographic_growth.horizon_year",
        "simulation.years",
    ]


def test_reductions_above_demand_are_refused(scenario: dict[str, Any]) -> None:
    scenario["proposal"]["alternative_provision"]["admissions_avoided_per_year"] = 90_000
    errors = validate_scenario(scenario)
    assert len(errors) == 1 and errors[0].startswith("proposal: the admissions avoided and reduced exceed")


def test_not_an_object_and_bad_json() -> None:
    assert validate_scenario([1, 2]) == ["scenario: must be a JSON object (got list)"]
    with pytest.raises(ScenarioError, match="line 2, column 1"):
        parse_scenario('{"format":\n}')
    with pytest.raises(ScenarioError, match="NaN is not allowed"):
        parse_scenario('{"format": NaN}')


def test_empirical_los_and_defaults(scenario: dict[str, Any]) -> None:
    scenario["baseline"]["length_of_stay"] = {"distribution": "empirical", "values_days": [1, 2, 3, 14]}
    del scenario["baseline"]["hour_shares"]
    del scenario["baseline"]["target_occupancy"]
    loaded = load_scenario(scenario)
    assert loaded.baseline.mean_los_days == 5.0
    assert loaded.baseline.hour_shares == (1 / 24,) * 24
    assert loaded.baseline.target_occupancy == 0.85
    scenario["baseline"]["length_of_stay"]["values_days"] = [1, -2]
    assert validate_scenario(scenario) == [
        "baseline.length_of_stay.values_days: value 2 is negative (-2); lengths of stay are zero or more days"
    ]


def test_round_trip(scenario: dict[str, Any]) -> None:
    loaded = load_scenario(scenario)
    assert load_scenario(json.loads(json.dumps(scenario_to_dict(loaded)))) == loaded


def test_cli_invalid_scenario_exits_2_with_messages_on_stderr(
    scenario: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario["baseline"]["month_shares"] = [0.93 / 12] * 12
    scenario["proposal"]["proposed_beds"] = -3
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(scenario))
    assert main([str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "baseline.month_shares: 12 shares must sum to 1 (they sum to 0.93)",
        "proposal.proposed_beds: must be a whole number from 1 to 1,000,000 (got -3)",
    ]


def test_cli_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "absent.json")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "cannot read" in err


def test_cli_example_exits_0_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    # The documented example, exactly as shipped (100 replications x 10 years a side).
    assert main([str(EXAMPLE)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    result = json.loads(out)
    assert result["format"] == "senate-bed-comparison/1"
    baseline, proposal = result["baseline"], result["proposal"]
    assert baseline["beds"] == 620 and proposal["beds"] == 560
    assert proposal["mean_los_days"] == pytest.approx(4.7)
    assert any("not yet recruited" in a for a in result["assumptions"])  # the workforce note
    for side in (baseline, proposal):
        sim = side["simulation"]
        assert sim["replications"] == 100 and len(sim["refused_per_month"]) == 12
        # Winter swings push refusals far above the steady-demand Erlang figure.
        assert sim["refused_per_year"]["low"] > 2 * side["refused_per_year"]
    assert proposal["simulation"]["refused_per_year"]["mean"] > baseline["simulation"]["refused_per_year"]["mean"]


def test_cli_small_run_on_a_copy(scenario: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(small(scenario)))
    assert main([str(path), "--workers", "1"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)["simulation_settings"]["replications"] == 3
