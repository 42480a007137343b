"""API extensions: pins, removals and min_out_of_region."""

from __future__ import annotations

import pytest

from ..check import violations
from ..problem import Member, Problem, ProblemError, Requirement, Review
from ..solver import solve


def _pool() -> tuple[Member, ...]:
    return (
        Member("A", "london", (), ("consultant",), 1),
        Member("B", "london", (), ("consultant",), 2),
        Member("C", "north-west", (), ("nurse",), 2),
        Member("D", "midlands", ("RA7",), ("nurse",), 2),
    )


def _review(**kw: object) -> Review:
    return Review(**{"id": "R1", "region": "london", "panel_min": 2, "panel_max": 2, **kw})  # type: ignore[arg-type]


SCORES = {("A", "R1"): 0.9, ("B", "R1"): 0.8, ("C", "R1"): 0.1}


def test_a_pin_seats_a_member_the_optimiser_would_not_choose() -> None:
    problem = Problem(_pool(), (_review(),), frozenset(), SCORES, pins=frozenset({("C", "R1")}))
    answer = solve(problem)
    assert "C" in answer.panels["R1"] and "A" in answer.panels["R1"]
    assert answer.status == "optimal" and violations(problem, answer) == []


def test_a_pin_that_breaks_a_rule_is_reported_not_dropped() -> None:
    problem = Problem(
        _pool(), (_review(affected_organisations=("RA7",)),), frozenset(), SCORES, pins=frozenset({("D", "R1")})
    )
    answer = solve(problem)
    assert answer.status == "infeasible"
    [shortfall] = answer.shortfalls
    assert (shortfall.review, shortfall.skill, shortfall.needed, shortfall.found) == ("R1", "pin", 1, 0)
    assert "D is pinned to R1" in shortfall.why and "affected organisation RA7" in shortfall.why
    assert "D" not in answer.panels["R1"]
    assert violations(problem, answer) == ["R1: pinned member D is not on the panel"]


def test_pins_beyond_max_panels_give_way_with_a_reason() -> None:
    reviews = (_review(), _review(id="R2"))
    problem = Problem(_pool(), reviews, frozenset(), {}, pins=frozenset({("A", "R1"), ("A", "R2")}))
    answer = solve(problem)
    assert "A" in answer.panels["R1"] and "A" not in answer.panels["R2"]
    [shortfall] = answer.shortfalls
    assert shortfall.review == "R2" and "max_panels 1" in shortfall.why


def test_a_removal_keeps_the_best_fit_off_the_panel() -> None:
    problem = Problem(_pool(), (_review(),), frozenset(), SCORES, removals=frozenset({("A", "R1")}))
    answer = solve(problem)
    assert "A" not in answer.panels["R1"]
    assert set(answer.panels["R1"]) == {"B", "C"}


def test_min_out_of_region_outweighs_affinity() -> None:
    problem = Problem(_pool(), (_review(min_out_of_region=1),), frozenset(), SCORES)
    answer = solve(problem)
    assert set(answer.panels["R1"]) == {"A", "C"}  # C is the only eligible member from outside London
    assert answer.status == "optimal" and violations(problem, answer) == []


def test_min_out_of_region_that_cannot_be_met_is_a_named_shortfall() -> None:
    review = _review(min_out_of_region=2, requirements=(Requirement("consultant", 1),))
    answer = solve(Problem(_pool(), (review,), frozenset(), SCORES))
    [shortfall] = answer.shortfalls
    assert (shortfall.skill, shortfall.needed, shortfall.found) == ("out-of-region", 2, 1)
    assert "come from outside london" in shortfall.why


def test_a_pin_naming_someone_unknown_is_refused_before_solving() -> None:
    problem = Problem(_pool(), (_review(),), pins=frozenset({("Z", "R1")}))
    with pytest.raises(ProblemError) as refused:
        solve(problem)
    assert refused.value.errors == ["pins ['Z', 'R1']: unknown member 'Z'"]
