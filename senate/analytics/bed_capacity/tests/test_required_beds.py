"""Beds needed under the stated swings, found by simulation: the worked example's figures in
docs/beds/required-beds.md are what the command gives, and the search lands where the curve crosses."""

from pathlib import Path

import pytest

from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.required import required_beds
from senate.analytics.bed_capacity.scenario import read_scenario, run_scenario
from senate.analytics.bed_capacity.simulation import SimulationSettings

DOCS = Path(__file__).resolve().parents[4] / "docs" / "beds"


@pytest.fixture(scope="module")
def example():
    return run_scenario(read_scenario(str(DOCS / "example-required-beds.json")), workers=2).proposal


def test_the_worked_example_gives_the_documented_figures(example) -> None:
    needed = example.required_beds
    assert (example.beds, needed.beds, needed.erlang_beds) == (560, 574, 543)
    assert f"{example.simulation.refusal_fraction.mean:.2%}" == "1.61%"
    tried = [(p.beds, f"{p.no_bed_probability.mean:.2%}") for p in needed.curve]
    assert tried == [(543, "2.69%"), (570, "1.13%"), (573, "1.01%"), (574, "0.97%"), (624, "0.05%")]
    page = (DOCS / "required-beds.md").read_text()
    for figure in (
        "| 560 |",
        "| 1.61% |",
        "| 543 |",
        "**574**",
        "543 (2.69%), 570 (1.13%), 573 (1.01%),",
        "574 (0.97%) and 624 (0.05%)",
    ):
        assert figure in page


def test_the_answer_is_where_the_simulated_curve_crosses_the_target(example) -> None:
    by_beds = {p.beds: p.no_bed_probability.mean for p in example.required_beds.curve}
    assert by_beds[574] <= 0.01 < by_beds[573]


def test_at_steady_demand_the_search_agrees_with_erlang() -> None:
    pool = BedPool(8 * 365, LengthOfStay.exponential(1.0), 10)
    found = required_beds(pool, SimulationSettings(replications=200, years=5, seed=5), target=0.05, workers=2)
    assert found.erlang_beds == 13
    assert found.beds == found.erlang_beds


def test_a_target_out_of_range_is_refused() -> None:
    pool = BedPool(8 * 365, LengthOfStay.exponential(1.0), 10)
    with pytest.raises(ValueError, match="target must be a probability"):
        required_beds(pool, SimulationSettings(), target=1.5)
