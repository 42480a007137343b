"""How sure we are that a proposal meets its target when its assumptions are uncertain: the
probability agrees with a count worked out independently, the tornado names the assumption that
matters most, and a range that cannot be used is refused with the field it is about."""

import copy
import json
import math
from pathlib import Path

import pytest

from senate.analytics.bed_capacity.erlang import erlang_b, offered_load
from senate.analytics.bed_capacity.model import (
    AlternativeProvision,
    BedPool,
    DemographicGrowth,
    LengthOfStay,
    LosReduction,
    Proposal,
)
from senate.analytics.bed_capacity.scenario import ScenarioError, load_scenario, run_scenario, scenario_to_dict
from senate.analytics.bed_capacity.simulation import SimulationSettings
from senate.analytics.bed_capacity.uncertainty import Range, UncertaintySettings, analyse, wilson

DOCS = Path(__file__).resolve().parents[4] / "docs" / "beds"
BASELINE = BedPool(20 * 365, LengthOfStay.exponential(5.0), 120)
PROPOSAL = Proposal(
    proposed_beds=100,
    alternative_provision=AlternativeProvision(1000, "8 WTE nurses"),
    los_reduction=LosReduction(4.0, 0.5),
    growth=DemographicGrowth(0.01, 2025, 2030),
)


def _erlang_chance(rate: float) -> float:
    """The proposal's chance of no bed at steady demand for a growth rate, worked out by hand."""
    admissions = 20 * 365 * (1 + rate) ** 5 - 1000
    mean_stay = 5.0 - 0.5 * (5.0 - 4.0)
    return erlang_b(100, offered_load(admissions, mean_stay))


def test_with_erlang_the_probability_is_the_share_of_growth_rates_that_meet_the_target() -> None:
    """Erlang's chance rises with demand, so the target is met exactly below one growth rate: with
    growth uniform between 0 and 3% the probability is that rate's place in the range."""
    target = 0.01
    low, high = 0.0, 0.03
    a, b = low, high
    for _ in range(60):  # bisect for the growth rate at which the chance crosses the target
        middle = (a + b) / 2
        a, b = (middle, b) if _erlang_chance(middle) <= target else (a, middle)
    expected = (a - low) / (high - low)
    unc = UncertaintySettings(target, {"demographic_growth.annual_rate": Range(low, high)}, draws=1000, seed=3)
    result = analyse(BASELINE, PROPOSAL, unc, None)
    standard_error = math.sqrt(expected * (1 - expected) / 1000)
    assert 0.05 < expected < 0.95, "the example should sit inside the range"
    assert abs(result.probability - expected) < 4 * standard_error
    assert result.interval[0] < result.probability < result.interval[1]
    assert result.at_stated == pytest.approx(_erlang_chance(0.01))
    assert result.measure == "erlang"


def test_the_tornado_puts_the_assumption_that_moves_the_answer_most_first() -> None:
    unc = UncertaintySettings(
        0.01,
        {
            "los_reduction.gap_share_closed": Range(0.45, 0.55),  # a narrow range: little effect
            "demographic_growth.annual_rate": Range(0.0, 0.03),
        },
        draws=50,
    )
    bars = analyse(BASELINE, PROPOSAL, unc, None).tornado
    assert [bar.path for bar in bars] == ["demographic_growth.annual_rate", "los_reduction.gap_share_closed"]
    growth = bars[0]
    assert growth.at_low == pytest.approx(_erlang_chance(0.0)) and growth.at_high == pytest.approx(_erlang_chance(0.03))
    assert growth.swing > bars[1].swing > 0


def test_the_same_seed_gives_the_same_answer_and_the_progress_reaches_the_end() -> None:
    settings = SimulationSettings(replications=4, years=1, warmup_days=10, seed=5)
    unc = UncertaintySettings(
        0.02, {"demographic_growth.annual_rate": Range(0.0, 0.03)}, draws=12, replications=3, years=1
    )
    seen: list[float] = []
    first = analyse(BASELINE, PROPOSAL, unc, settings, progress=seen.append, workers=1)
    again = analyse(BASELINE, PROPOSAL, unc, settings, workers=1)
    assert first.to_dict() == again.to_dict()
    assert first.measure == "simulation" and 0 <= first.met <= 12
    assert seen[-1] == pytest.approx(1.0) and seen == sorted(seen)
    assert list(first.centiles) == ["5", "25", "50", "75", "95"]


def test_a_wilson_interval_is_sound_at_none_and_at_half() -> None:
    assert wilson(0, 10) == (0.0, pytest.approx(0.2775, abs=1e-4))
    assert wilson(5, 10) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))


def _scenario(uncertainty: dict) -> dict:
    data = json.loads((DOCS / "example-scenario.json").read_text())
    data["simulation"] = None
    data["uncertainty"] = uncertainty
    return data


@pytest.mark.parametrize(
    ("ranges", "message"),
    [
        (
            {"demographic_growth.annual_rate": {"low": 0.02, "high": 0.03}},
            "uncertainty.ranges.demographic_growth.annual_rate: the range 0.02 to 0.03 must include the stated value 0.011",
        ),
        (
            {"los_reduction.benchmark": {"low": 1, "high": 2}},
            "uncertainty.ranges.los_reduction.benchmark: not an assumption that can be uncertain",
        ),
        (
            {"alternative_provision.admissions_avoided_per_year": {"low": 0, "high": 90000}},
            "uncertainty.ranges: at the ends of the ranges",
        ),
        (
            {"los_reduction.gap_share_closed": {"low": 0.2, "high": 1.5}},
            "uncertainty.ranges.los_reduction.gap_share_closed.high: must be",
        ),
        (
            {"los_reduction.gap_share_closed": {"low": 0.2, "high": 0.7, "distribution": "normal"}},
            "uncertainty.ranges.los_reduction.gap_share_closed.distribution: must be one of uniform, triangular",
        ),
        ({}, "uncertainty.ranges: give a range for at least one assumption"),
    ],
)
def test_a_range_that_cannot_be_used_is_refused_naming_its_field(ranges, message) -> None:
    with pytest.raises(ScenarioError) as refused:
        load_scenario(_scenario({"target": 0.01, "ranges": ranges}))
    assert any(error.startswith(message) for error in refused.value.errors), refused.value.errors


def test_a_range_for_an_assumption_the_proposal_does_not_state_is_refused() -> None:
    data = _scenario({"target": 0.01, "ranges": {"los_reduction.gap_share_closed": {"low": 0.1, "high": 0.6}}})
    del data["proposal"]["los_reduction"]
    with pytest.raises(ScenarioError) as refused:
        load_scenario(data)
    assert "the proposal states no los_reduction; state it first" in refused.value.errors[0]


def test_the_scenario_carries_its_ranges_there_and_back_and_the_comparison_answers() -> None:
    data = _scenario(
        {
            "target": 0.01,
            "draws": 40,
            "ranges": {
                "demographic_growth.annual_rate": {"low": 0.0, "high": 0.02},
                "alternative_provision.admissions_avoided_per_year": {
                    "low": 600,
                    "high": 2400,
                    "distribution": "triangular",
                },
            },
        }
    )
    scenario = load_scenario(data)
    assert load_scenario(json.loads(json.dumps(scenario_to_dict(scenario)))) == scenario
    answer = run_scenario(scenario).to_dict()["uncertainty"]
    assert answer["draws"] == 40 and 0 <= answer["probability_meets_target"] <= 1
    assert {bar["assumption"] for bar in answer["tornado"]} == set(data["uncertainty"]["ranges"])
    assert run_scenario(load_scenario(copy.deepcopy(_scenario(None) | {"uncertainty": None}))).uncertainty is None


def test_the_worked_example_gives_the_documented_figures() -> None:
    from senate.analytics.bed_capacity.scenario import read_scenario

    answer = run_scenario(read_scenario(DOCS / "example-uncertainty.json"), workers=2).uncertainty
    assert answer is not None
    assert (answer.met, answer.draws) == (42, 200)
    assert [f"{x:.1%}" for x in answer.interval] == ["15.9%", "27.2%"]
    assert f"{answer.at_stated:.2%}" == "1.56%"
    assert [f"{answer.centiles[c]:.2%}" for c in ("5", "25", "50", "75", "95")] == [
        "0.41%",
        "1.08%",
        "1.72%",
        "2.62%",
        "4.13%",
    ]
    bars = [(bar.label, f"{bar.at_low:.2%}", f"{bar.at_high:.2%}") for bar in answer.tornado]
    assert bars == [
        ("Demand growth a year", "0.44%", "3.23%"),
        ("Share of the length-of-stay gap closed", "2.78%", "0.98%"),
        ("Admissions avoided a year (alternative provision)", "2.57%", "1.17%"),
    ]
    page = (DOCS / "uncertainty.md").read_text()
    for figure in ("**1.56%**", "**42 of 200: 21%** (95% interval 15.9% to 27.2%)", "| 0.44% | 3.23% |", "**1.72%**"):
        assert figure in page
