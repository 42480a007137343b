"""A pin the rules forbid is not seated: the answer says which pin gave way and why, in words."""

from __future__ import annotations

from ..problem import Member, Problem, Review
from ..solver import solve

POOL = (
    Member("A", "london", (), ("consultant",), 1),
    Member("B", "london", (), ("consultant",), 2),
    Member("C", "north-west", (), ("nurse",), 2),
    Member("Z", "midlands", (), ("nurse",), 0),
)


def _why_pin_gave_way(review: Review, pins: set[tuple[str, str]], **extra: object) -> str:
    answer = solve(Problem(POOL, (review,), pins=frozenset(pins), **extra))  # type: ignore[arg-type]
    assert answer.status == "infeasible"
    [shortfall] = [s for s in answer.shortfalls if s.skill == "pin"]
    return shortfall.why


def _review(**kw: object) -> Review:
    return Review(**{"id": "R1", "region": "london", "panel_min": 0, "panel_max": 2, **kw})  # type: ignore[arg-type]


def test_a_pinned_member_with_a_declared_conflict_is_not_seated() -> None:
    why = _why_pin_gave_way(_review(), {("A", "R1")}, conflicts=frozenset({("A", "R1")}))
    assert why == "A is pinned to R1 but cannot sit on it: the member has declared a conflict with it"


def test_a_pinned_member_the_manager_removed_is_not_seated() -> None:
    why = _why_pin_gave_way(_review(), {("B", "R1")}, removals=frozenset({("B", "R1")}))
    assert why.endswith("the member has been removed from it")


def test_a_pinned_member_from_the_reviews_own_region_is_not_seated_when_it_needs_outsiders() -> None:
    why = _why_pin_gave_way(_review(out_of_region=True), {("A", "R1")})
    assert why.endswith("the review needs members from outside london, the member's own region")


def test_a_pinned_member_who_is_unavailable_is_not_seated() -> None:
    why = _why_pin_gave_way(_review(), {("Z", "R1")})
    assert why.endswith("the member is unavailable (max_panels 0)")


def test_more_pins_than_seats_leave_the_last_pin_out() -> None:
    answer = solve(Problem(POOL, (_review(panel_max=1),), pins=frozenset({("A", "R1"), ("B", "R1")})))
    assert answer.panels["R1"] == ("A",)
    [shortfall] = answer.shortfalls
    assert shortfall.why == "B is pinned to R1 but cannot sit on it: the review has more pins than panel_max 1"
