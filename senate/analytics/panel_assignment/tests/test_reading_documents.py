"""Reading problem and answer documents: shapes that are not the format are refused, naming where."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from ..format import read_answer, read_problem
from ..problem import ProblemError


def _problem(**changes: object) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "senate-panel-problem/1",
        "members": [{"id": "M1", "region": "london", "max_panels": 1}],
        "reviews": [{"id": "R1", "region": "london", "panel_min": 0, "panel_max": 2}],
    }
    doc.update(changes)
    return doc


def _refusal(doc: object, reader: Callable[[object], object] = read_problem) -> list[str]:
    with pytest.raises(ProblemError) as refused:
        reader(doc)
    return refused.value.errors


def test_a_problem_without_conflicts_or_affinity_is_read_with_none() -> None:
    problem = read_problem(_problem())
    assert problem.conflicts == frozenset() and dict(problem.affinity) == {}
    assert problem.members[0].skills == () and problem.reviews[0].requirements == ()


def test_a_document_that_is_not_an_object_is_refused() -> None:
    assert _refusal([1, 2]) == ["document: expected a JSON object"]


def test_a_document_without_its_format_is_refused_naming_the_expected_one() -> None:
    doc = _problem()
    del doc["format"]
    assert _refusal(doc) == ["format: missing; expected 'senate-panel-problem/1'"]


def test_a_document_without_reviews_is_refused() -> None:
    doc = _problem()
    del doc["reviews"]
    assert _refusal(doc) == ["reviews: missing"]


def test_a_member_that_is_not_an_object_is_refused() -> None:
    assert _refusal(_problem(members=["M1"])) == ["members[0]: expected an object"]


def test_an_empty_region_is_refused() -> None:
    errors = _refusal(_problem(members=[{"id": "M1", "region": "", "max_panels": 1}]))
    assert errors == ["members[0] (id 'M1'): region must be a non-empty string, got ''"]


def test_requirements_that_are_not_a_list_are_refused() -> None:
    review = {"id": "R1", "region": "london", "panel_min": 0, "panel_max": 2, "requirements": {"nurse": 1}}
    assert _refusal(_problem(reviews=[review])) == ["reviews[0] (id 'R1'): requirements must be a list"]


def test_a_requirement_that_is_not_an_object_is_refused() -> None:
    review = {"id": "R1", "region": "london", "panel_min": 0, "panel_max": 2, "requirements": ["nurse"]}
    assert _refusal(_problem(reviews=[review])) == ["reviews[0] (id 'R1'): requirements[0]: expected an object"]


def test_a_requirement_with_an_unknown_key_is_refused() -> None:
    review = {
        "id": "R1",
        "region": "london",
        "panel_min": 0,
        "panel_max": 2,
        "requirements": [{"skill": "nurse", "min": 1, "max": 2}],
    }
    assert _refusal(_problem(reviews=[review])) == ["reviews[0] (id 'R1'): requirements[0]: unknown key 'max'"]


def test_an_affinity_of_true_is_refused_as_not_a_number() -> None:
    errors = _refusal(_problem(affinity=[["M1", "R1", True]]))
    assert errors == ["affinity[0]: expected [member id, review id, number], got ['M1', 'R1', True]"]


def test_an_affinity_too_large_for_a_float_is_refused_as_out_of_range() -> None:
    errors = _refusal(_problem(affinity=[["M1", "R1", 10**400]]))
    assert errors == ["affinity[0]: affinity inf is outside [0, 1]"]


def test_an_unknown_top_level_key_is_refused() -> None:
    assert _refusal(_problem(pins=[["M1", "R1"]])) == ["document: unknown key 'pins'"]


def _answer(**changes: object) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "senate-panel-answer/1",
        "status": "optimal",
        "objective": 0.0,
        "bound": 0.0,
        "panels": {"R1": ["M1"]},
        "shortfalls": [],
        "seconds": 0.1,
    }
    doc.update(changes)
    return doc


def test_a_sound_answer_is_read() -> None:
    assert read_answer(_answer()).panels == {"R1": ("M1",)}


def test_an_answer_whose_panels_are_not_an_object_is_refused() -> None:
    assert _refusal(_answer(panels=[["M1"]]), read_answer) == ["panels: expected an object of review id -> member ids"]


def test_a_shortfall_that_is_not_an_object_is_refused() -> None:
    assert _refusal(_answer(status="infeasible", shortfalls=["short"]), read_answer) == [
        "shortfalls[0]: expected an object"
    ]


def test_a_shortfall_without_its_reason_is_refused() -> None:
    shortfall = {"review": "R1", "skill": "nurse", "needed": 1, "found": 0}
    assert _refusal(_answer(status="infeasible", shortfalls=[shortfall]), read_answer) == [
        "shortfalls[0]: why is missing"
    ]


def test_an_infinite_objective_is_refused() -> None:
    assert _refusal(_answer(objective=math.inf), read_answer) == [
        "objective: objective must be a finite number, got inf"
    ]


def test_an_answer_that_is_not_an_object_is_refused() -> None:
    assert _refusal("optimal", read_answer) == ["document: expected a JSON object"]
