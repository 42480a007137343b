"""The comparison the panel reads, its JSON form, and the SVG charts drawn from it."""

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from senate.analytics.bed_capacity import charts
from senate.analytics.bed_capacity.compare import Comparison, compare
from senate.analytics.bed_capacity.erlang import erlang_b, offered_load
from senate.analytics.bed_capacity.model import AlternativeProvision, BedPool, LengthOfStay, Proposal
from senate.analytics.bed_capacity.simulation import SimulationSettings, SimulationTooLargeError

SVG = "{http://www.w3.org/2000/svg}"
WINTER = (0.1, 0.09, 0.09, 0.08, 0.08, 0.07, 0.07, 0.07, 0.08, 0.09, 0.08, 0.1)
BASELINE = BedPool(9_000, LengthOfStay.lognormal(4.0, 1.2), 110, month_shares=WINTER, name="Medicine")
PROPOSAL = Proposal(
    proposed_beds=95,
    alternative_provision=AlternativeProvision(600, "6 WTE nurses from the community team"),
    name="Medicine (proposed)",
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(BASELINE, PROPOSAL, SimulationSettings(replications=8, years=2, warmup_days=30, seed=2), workers=1)


def test_each_side_carries_rule_of_thumb_erlang_and_simulation(comparison: Comparison) -> None:
    base, prop = comparison.baseline, comparison.proposal
    load = offered_load(9_000, 4.0)
    assert base.offered_load == pytest.approx(load)
    assert base.erlang_b_at_beds == pytest.approx(erlang_b(110, load))
    assert base.refused_per_year == pytest.approx(9_000 * erlang_b(110, load))
    assert base.mean_occupied_beds == pytest.approx(load * (1 - erlang_b(110, load)))
    assert base.beds_at_target_occupancy == 117  # 98.63 Erlangs / 0.85 = 116.03, rounded up
    assert base.beds_for_1_percent <= base.beds_for_0_1_percent
    assert prop.admissions_per_year == pytest.approx(8_400)
    assert prop.beds == 95
    assert base.simulation is not None and prop.simulation is not None
    # Fewer beds for nearly the same demand: more patients find no bed.
    assert prop.simulation.refused_per_year.low > base.simulation.refused_per_year.high
    assert any("6 WTE nurses" in a for a in comparison.assumptions)


def test_to_dict_is_strict_json(comparison: Comparison) -> None:
    data = json.loads(json.dumps(comparison.to_dict(), allow_nan=False))
    assert data["proposal"]["simulation"]["peak_hour_label"]
    assert len(data["baseline"]["simulation"]["refused_per_weekday"]) == 7
    assert data["simulation_settings"] == {
        "replications": 8,
        "years": 2,
        "warmup_days": 30,
        "seed": 2,
        "when_full": "turned_away",
        "required_beds_target": None,
        "escalation_beds": 0,
        "escalation_threshold": 1.0,
    }


def test_erlang_only_comparison_and_progress() -> None:
    quick = compare(BASELINE, PROPOSAL)
    assert quick.baseline.simulation is None and quick.settings is None
    seen: list[float] = []
    compare(BASELINE, PROPOSAL, SimulationSettings(4, 1, 0, 1), progress=seen.append, workers=1)
    assert len(seen) == 8 and seen == sorted(seen)
    assert seen[3] == pytest.approx(0.5) and seen[-1] == pytest.approx(1.0)


def test_pair_is_refused_before_any_simulation_when_proposal_too_big() -> None:
    seen: list[float] = []
    with pytest.raises(SimulationTooLargeError, match="proposal.beds"):
        compare(BASELINE, Proposal(6_000), SimulationSettings(4, 1, 0, 1), progress=seen.append)
    assert seen == []


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg.encode())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    return root


@pytest.mark.parametrize(
    ("draw", "title", "words"),
    [
        (charts.refusals_by_beds_svg, "Admissions finding no bed, by number of beds", ["85% occupancy rule", "Beds"]),
        (charts.refused_by_month_svg, "Admissions finding no bed, by month (simulated)", ["Jan", "Dec", "per year"]),
        (charts.refused_by_weekday_svg, "Admissions finding no bed, by day of the week (simulated)", ["Mon", "Sun"]),
    ],
)
def test_charts_are_accessible_svg(
    comparison: Comparison, draw: Callable[[Comparison], str], title: str, words: list[str]
) -> None:
    svg = draw(comparison)
    root = _parse(svg)
    first = root.find(f"{SVG}title")
    assert first is not None and first.text == title
    labelled = root.get("aria-labelledby", "").split()
    assert first.get("id") in labelled
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "Baseline" in (desc.text or "") and "Proposal" in (desc.text or "")
    for word in words:
        assert word in svg
    assert draw(comparison) == svg  # deterministic, so reports can be compared


def test_curve_chart_without_simulation_and_bar_charts_need_it() -> None:
    quick = compare(BASELINE, PROPOSAL)
    _parse(charts.refusals_by_beds_svg(quick))
    with pytest.raises(ValueError, match="simulation"):
        charts.refused_by_month_svg(quick)
