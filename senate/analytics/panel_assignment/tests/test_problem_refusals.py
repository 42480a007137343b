"""A panel problem that makes no sense is refused before solving, each fault naming its entry."""

import math

import pytest

from ..problem import Member, Problem, ProblemError, Requirement, Review, problem_errors, validate

ANNA = Member("anna", "north", skills=("nursing",))
REVIEW = Review("stroke", "north", panel_min=1, panel_max=3)


def _errors(**changes: object) -> list[str]:
    fields: dict[str, object] = {"members": (ANNA,), "reviews": (REVIEW,)}
    fields.update(changes)
    return problem_errors(Problem(**fields))  # type: ignore[arg-type]


def test_a_sound_problem_has_no_faults() -> None:
    assert _errors() == []
    validate(Problem((ANNA,), (REVIEW,)))


def test_a_member_listed_twice_is_named_at_the_second_entry() -> None:
    assert _errors(members=(ANNA, ANNA)) == ["members[1] (id 'anna'): duplicate id"]


def test_a_review_listed_twice_is_named_at_the_second_entry() -> None:
    assert _errors(reviews=(REVIEW, REVIEW)) == ["reviews[1] (id 'stroke'): duplicate id"]


def test_a_negative_number_of_panels_for_a_member_is_refused() -> None:
    assert _errors(members=(Member("anna", "north", max_panels=-1),)) == [
        "members[0] (id 'anna'): max_panels -1 is negative"
    ]


def test_a_panel_minimum_above_its_maximum_is_refused() -> None:
    assert _errors(reviews=(Review("stroke", "north", panel_min=4, panel_max=2),)) == [
        "reviews[0] (id 'stroke'): panel_min 4 is above panel_max 2"
    ]


def test_a_negative_panel_minimum_is_refused() -> None:
    assert "panel_min -1 is negative" in _errors(reviews=(Review("stroke", "north", panel_min=-1, panel_max=2),))[0]


def test_a_skill_needed_more_times_than_there_are_seats_is_refused() -> None:
    review = Review("stroke", "north", panel_max=2, requirements=(Requirement("nursing", 3),))
    assert _errors(reviews=(review,)) == [
        "reviews[0] (id 'stroke'): requirements[0] (skill 'nursing'): min 3 is above panel_max 2"
    ]


def test_a_negative_skill_requirement_is_refused() -> None:
    review = Review("stroke", "north", panel_max=2, requirements=(Requirement("nursing", -1),))
    assert "min -1 is negative" in _errors(reviews=(review,))[0]


def test_more_out_of_region_seats_than_the_panel_holds_is_refused() -> None:
    review = Review("stroke", "north", panel_max=2, min_out_of_region=3)
    assert _errors(reviews=(review,)) == ["reviews[0] (id 'stroke'): min_out_of_region 3 is outside 0..panel_max 2"]


def test_a_conflict_naming_someone_unknown_is_refused() -> None:
    assert _errors(conflicts=frozenset({("zed", "stroke")})) == ["conflicts ['zed', 'stroke']: unknown member 'zed'"]


def test_a_removal_from_an_unknown_review_is_refused() -> None:
    assert _errors(removals=frozenset({("anna", "sepsis")})) == ["removals ['anna', 'sepsis']: unknown review 'sepsis'"]


@pytest.mark.parametrize("score", [1.5, -0.1, math.nan, True, "0.5"])
def test_an_affinity_outside_nought_to_one_is_refused(score: object) -> None:
    errors = _errors(affinity={("anna", "stroke"): score})
    assert errors == [f"affinity ['anna', 'stroke']: affinity {score!r} is outside [0, 1]"]


def test_an_affinity_of_a_whole_one_is_accepted() -> None:
    assert _errors(affinity={("anna", "stroke"): 1}) == []


def test_an_affinity_for_an_unknown_pair_names_both_ends() -> None:
    assert _errors(affinity={("zed", "sepsis"): 0.5}) == [
        "affinity ['zed', 'sepsis']: unknown member 'zed'",
        "affinity ['zed', 'sepsis']: unknown review 'sepsis'",
    ]


def test_validate_raises_with_every_fault_listed() -> None:
    with pytest.raises(ProblemError) as refused:
        validate(Problem((ANNA, ANNA), (Review("stroke", "north", panel_min=2, panel_max=1),)))
    assert len(refused.value.errors) == 2


def test_removals_are_blocked_exactly_like_conflicts() -> None:
    problem = Problem(
        (ANNA,), (REVIEW,), conflicts=frozenset({("anna", "stroke")}), removals=frozenset({("anna", "x")})
    )
    assert problem.blocked_pairs() == {("anna", "stroke"), ("anna", "x")}
