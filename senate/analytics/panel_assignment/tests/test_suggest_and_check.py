"""Loan suggestions, and the checker itself (it must catch each broken rule, or it proves nothing)."""

from __future__ import annotations

import pytest

from ..check import violations
from ..problem import Answer, Member, Problem, ProblemError, Requirement, Review
from ..suggest import out_of_region_suggestions

MEMBERS = (
    Member("L1", "london", (), ("social-care",), 1),  # same region
    Member("N1", "north-west", (), ("social-care",), 1),
    Member("N2", "north-west", ("RA7",), ("social-care",), 2),  # affected organisation
    Member("N3", "north-west", (), ("social-care",), 1),  # conflicted
    Member("M1", "midlands", (), ("social-care",), 2),
    Member("M2", "midlands", (), ("social-care",), 1),  # busy elsewhere
    Member("M3", "midlands", (), ("nurse",), 3),  # wrong skill
)
REVIEWS = (
    Review("R1", "london", ("RA7",), 1, 3, requirements=(Requirement("social-care", 1),)),
    Review("R2", "midlands", (), 1, 3),
)
PROBLEM = Problem(MEMBERS, REVIEWS, frozenset({("N3", "R1")}), {("N1", "R1"): 0.4, ("M1", "R1"): 0.7})


def test_suggestions_are_eligible_out_of_region_holders_with_capacity_best_first() -> None:
    answer = Answer("infeasible", 0.0, 0.0, {"R1": ("L1",), "R2": ("M2",)})
    assert out_of_region_suggestions(PROBLEM, "R1", "social-care", answer=answer) == ["M1", "N1"]
    # Without an answer nobody's capacity is used yet, so M2 is offered too (no affinity: last).
    assert out_of_region_suggestions(PROBLEM, "R1", "social-care") == ["M1", "N1", "M2"]
    assert out_of_region_suggestions(PROBLEM, "R1", "social-care", limit=1) == ["M1"]


def test_suggestions_for_an_unknown_review_are_refused() -> None:
    with pytest.raises(ProblemError, match="unknown review 'R9'"):
        out_of_region_suggestions(PROBLEM, "R9", "social-care")


@pytest.mark.parametrize(
    ("panels", "expected"),
    [
        ({"R1": ("N1",), "R2": ("M1",)}, []),
        ({"R1": ("N3",), "R2": ("M1",)}, ["R1: N3 is conflicted"]),
        ({"R1": ("N2",), "R2": ("M1",)}, ["R1: N2 works for an affected organisation"]),
        ({"R1": ("N1",), "R2": ()}, ["R2: panel size 0 outside 1..3"]),
        ({"R1": ("N1", "M1", "M2", "M3"), "R2": ("L1",)}, ["R1: panel size 4 outside 1..3"]),
        ({"R1": ("M3",), "R2": ("M1",)}, ["R1: 0 of 1 social-care required"]),
        ({"R1": ("N1",), "R2": ("N1",)}, ["N1: sits on 2 panels, max_panels is 1"]),
        ({"R1": ("N1", "N1"), "R2": ("M1",)}, ["R1: N1 appears twice"]),
        (
            {"R1": ("X9",), "R2": ("M1",)},
            ["R1: unknown member 'X9'", "R1: panel size 0 outside 1..3", "R1: 0 of 1 social-care required"],
        ),
    ],
)
def test_the_checker_catches_each_broken_rule(panels: dict[str, tuple[str, ...]], expected: list[str]) -> None:
    total = sum(PROBLEM.affinity.get((m, r), 0.0) for r, p in panels.items() for m in set(p))
    answer = Answer("feasible", total, total, panels)
    assert violations(PROBLEM, answer) == expected


def test_the_checker_catches_the_region_rule_pins_and_false_numbers() -> None:
    review = Review("R1", "london", (), 1, 2, out_of_region=True, min_out_of_region=1)
    problem = Problem(MEMBERS, (review,), pins=frozenset({("M1", "R1")}))
    answer = Answer("optimal", 0.5, 0.4, {"R1": ("L1",)})
    assert violations(problem, answer) == [
        "R1: L1 is from the review's own region",
        "R1: 0 of 1 out-of-region members required",
        "R1: pinned member M1 is not on the panel",
        "objective 0.5 is not the panels' total affinity 0.0",
        "bound 0.4 is below the objective 0.5",
    ]
