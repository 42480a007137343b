"""When the rules cannot all be met: the fewest unfilled seats, and which rule fails where, and why."""

from __future__ import annotations

from ..check import violations
from ..problem import Member, Problem, Requirement, Review
from ..solver import solve


def _member(
    mid: str, region: str = "london", skills: tuple[str, ...] = (), orgs: tuple[str, ...] = (), cap: int = 1
) -> Member:
    return Member(mid, region, orgs, skills, cap)


def test_a_conflict_removing_the_only_social_care_member_is_named() -> None:
    members = (
        _member("M1", skills=("social-care",)),
        _member("M2", skills=("consultant",)),
        _member("M3", skills=("nurse",)),
    )
    review = Review("R1", "london", (), 2, 3, requirements=(Requirement("social-care", 1),))
    problem = Problem(members, (review,), frozenset({("M1", "R1")}), {("M1", "R1"): 0.9})
    answer = solve(problem)
    assert answer.status == "infeasible"
    [shortfall] = answer.shortfalls
    assert (shortfall.review, shortfall.skill, shortfall.needed, shortfall.found) == ("R1", "social-care", 1, 0)
    assert "no eligible member holds social-care once conflicts are applied" in shortfall.why
    assert "1 in the pool; 0 after conflicts" in shortfall.why
    # Fewest unfilled seats: the size rule is still met with the members who may sit.
    assert set(answer.panels["R1"]) == {"M2", "M3"}


def test_the_brief_example_conflicts_and_the_region_rule() -> None:
    members = (
        _member("P1", "london", ("patient-public-voice",)),  # the region rule removes
        _member("P2", "north-west", ("patient-public-voice",)),  # conflicted
        _member("P3", "midlands", ("patient-public-voice",)),
        *(_member(f"C{i}", "midlands", ("consultant",)) for i in range(4)),
    )
    review = Review(
        "R7", "london", (), 3, 5, out_of_region=True, requirements=(Requirement("patient-public-voice", 2),)
    )
    answer = solve(Problem(members, (review,), frozenset({("P2", "R7")}), {}))
    [shortfall] = answer.shortfalls
    assert (shortfall.skill, shortfall.needed, shortfall.found) == ("patient-public-voice", 2, 1)
    assert shortfall.why.startswith(
        "needs 2, found 1: only 1 eligible member holds patient-public-voice once conflicts and the region rule "
        "are applied"
    )
    assert "P3" in answer.panels["R7"]


def test_capacity_taken_by_another_review_is_explained_with_names() -> None:
    members = (_member("V1", "north-west", ("patient-public-voice",), cap=1), _member("X", "north-west"))
    reviews = (
        Review("R1", "london", (), 1, 2, requirements=(Requirement("patient-public-voice", 1),)),
        Review("R2", "london", (), 1, 2, requirements=(Requirement("patient-public-voice", 1),)),
    )
    answer = solve(Problem(members, reviews, frozenset(), {("V1", "R1"): 0.9, ("V1", "R2"): 0.2}))
    assert answer.panels["R1"] == ("V1",)  # the better fit keeps the scarce member
    [shortfall] = answer.shortfalls
    assert (shortfall.review, shortfall.skill) == ("R2", "patient-public-voice")
    assert "capacity other panels use" in shortfall.why
    assert "V1 sits on R1" in shortfall.why


def test_the_organisation_rule_and_a_short_pool_for_panel_min() -> None:
    members = (_member("A", orgs=("RA7",)), _member("B"), _member("C", orgs=("QUY",)))
    review = Review("R1", "london", ("RA7", "QUY"), 3, 4)
    answer = solve(Problem(members, (review,), frozenset(), {}))
    [shortfall] = answer.shortfalls
    assert (shortfall.skill, shortfall.needed, shortfall.found) == ("panel_min", 3, 1)
    assert "only 1 member is eligible once the organisation rule is applied" in shortfall.why
    assert violations(Problem(members, (review,), frozenset(), {}), answer) == ["R1: panel size 1 outside 3..4"]


def test_a_skill_nobody_holds_says_so() -> None:
    review = Review("R1", "london", (), 1, 2, requirements=(Requirement("stroke", 1),))
    answer = solve(Problem((_member("A"),), (review,), frozenset(), {}))
    [shortfall] = answer.shortfalls
    assert "no member in the pool holds stroke" in shortfall.why


def test_scarce_members_go_where_they_leave_fewest_seats_unfilled() -> None:
    """One social-care member, two reviews: the one that has no other way to fill the rule gets her."""
    members = (
        _member("S", "midlands", ("social-care",), cap=1),
        _member("T", "london", ("social-care",), cap=1),
        *(_member(f"F{i}", "midlands", cap=2) for i in range(3)),
    )
    reviews = (
        Review("R1", "london", (), 2, 3, requirements=(Requirement("social-care", 1),)),
        Review("R2", "london", (), 2, 3, out_of_region=True, requirements=(Requirement("social-care", 1),)),
    )
    # Affinity pulls S to R1, but only S can serve R2 (T is from London); the seat count wins.
    answer = solve(Problem(members, reviews, frozenset(), {("S", "R1"): 1.0}))
    assert answer.status == "optimal"
    assert "S" in answer.panels["R2"] and "T" in answer.panels["R1"]
