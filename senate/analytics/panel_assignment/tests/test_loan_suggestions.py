"""Who is suggested for a loan when a review lacks a skill: eligible members from elsewhere, best first."""

from ..problem import Answer, Member, Problem, Review
from ..suggest import out_of_region_suggestions

REVIEW = Review("stroke", "north", affected_organisations=("rvh",), panel_max=4)
OTHER = Review("sepsis", "south", panel_max=4)


def _suggest(*members: Member, answer: Answer | None = None, limit: int | None = None, **extra: object) -> list[str]:
    problem = Problem(members=members, reviews=(REVIEW, OTHER), **extra)  # type: ignore[arg-type]
    return out_of_region_suggestions(problem, "stroke", "pharmacy", answer=answer, limit=limit)


def test_a_member_from_the_reviews_own_region_is_not_suggested() -> None:
    assert _suggest(Member("ann", "north", skills=("pharmacy",))) == []


def test_a_member_without_the_skill_is_not_suggested() -> None:
    assert _suggest(Member("bob", "south", skills=("nursing",))) == []


def test_a_member_of_an_affected_organisation_is_not_suggested() -> None:
    assert _suggest(Member("cat", "south", organisations=("rvh",), skills=("pharmacy",))) == []


def test_a_removed_member_is_not_suggested() -> None:
    assert _suggest(Member("dan", "south", skills=("pharmacy",)), removals=frozenset({("dan", "stroke")})) == []


def test_an_unavailable_member_is_not_suggested() -> None:
    assert _suggest(Member("eve", "south", skills=("pharmacy",), max_panels=0)) == []


def test_a_member_whose_panels_are_all_taken_elsewhere_is_not_suggested() -> None:
    busy = Member("fay", "south", skills=("pharmacy",), max_panels=1)
    answer = Answer("feasible", 0.0, 0.0, {"sepsis": ("fay",)})
    assert _suggest(busy, answer=answer) == []


def test_a_member_already_on_the_panel_is_not_suggested_again() -> None:
    seated = Member("gus", "south", skills=("pharmacy",), max_panels=2)
    answer = Answer("feasible", 0.0, 0.0, {"stroke": ("gus",)})
    assert _suggest(seated, answer=answer) == []


def test_with_equal_affinity_the_member_with_more_spare_panels_comes_first() -> None:
    one = Member("amy", "south", skills=("pharmacy",), max_panels=1)
    three = Member("zoe", "south", skills=("pharmacy",), max_panels=3)
    assert _suggest(one, three) == ["zoe", "amy"]


def test_the_limit_keeps_only_the_best_suggestions() -> None:
    members = [Member(name, "south", skills=("pharmacy",)) for name in ("amy", "ben", "cal")]
    assert _suggest(*members, limit=2, affinity={("cal", "stroke"): 0.9}) == ["cal", "amy"]
