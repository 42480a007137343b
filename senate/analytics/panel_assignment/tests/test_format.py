"""The JSON interchange format: exact round trips, and every malformed input refused by name."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

import pytest

from ..format import read_answer, read_problem, write_answer, write_problem
from ..problem import Member, Problem, ProblemError, Review
from ..solver import solve
from .docs_example import PRINTED, completed


def test_problem_round_trip_is_exact() -> None:
    doc = completed()
    assert write_problem(read_problem(doc)) == doc


def test_answer_round_trip_is_exact() -> None:
    doc = write_answer(solve(read_problem(completed())))
    assert set(doc) == {"format", "status", "objective", "bound", "panels", "shortfalls", "seconds"}
    assert write_answer(read_answer(doc)) == doc


def test_an_infeasible_answer_round_trips_with_its_shortfalls() -> None:
    doc = completed()
    doc["reviews"][0]["requirements"].append({"skill": "stroke", "min": 1})
    written = write_answer(solve(read_problem(doc)))
    assert written["status"] == "infeasible"
    assert written["shortfalls"][0]["skill"] == "stroke"
    assert set(written["shortfalls"][0]) == {"review", "skill", "needed", "found", "why"}
    assert write_answer(read_answer(written)) == written


def _edit(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    doc = completed()
    change(doc)
    return doc


MALFORMED = {
    "unknown format": (lambda d: d.update(format="senate-panel-problem/2"), "format: unknown format"),
    "missing format": (lambda d: d.pop("format"), "format: missing"),
    "duplicate member": (
        lambda d: d["members"].append(dict(d["members"][0])),
        "members[12] (id 'M0001'): duplicate id",
    ),
    "duplicate review": (lambda d: d["reviews"].append(dict(d["reviews"][0])), "reviews[1] (id 'R001'): duplicate id"),
    "requirement above panel_max": (
        lambda d: d["reviews"][0]["requirements"][1].update(min=10),
        "reviews[0] (id 'R001'): requirements[1] (skill 'emergency-medicine'): min 10 is above panel_max 9",
    ),
    "panel_min above panel_max": (
        lambda d: d["reviews"][0].update(panel_min=10),
        "reviews[0] (id 'R001'): panel_min 10 is above panel_max 9",
    ),
    "affinity above 1": (lambda d: d["affinity"][3].__setitem__(2, 1.5), "affinity[3]: affinity 1.5 is outside [0, 1]"),
    "affinity below 0": (
        lambda d: d["affinity"][0].__setitem__(2, -0.1),
        "affinity[0]: affinity -0.1 is outside [0, 1]",
    ),
    "affinity not a number": (lambda d: d["affinity"][0].__setitem__(2, math.nan), "affinity[0]: affinity nan"),
    "affinity of unknown member": (
        lambda d: d["affinity"].append(["M9999", "R001", 0.5]),
        "affinity[12]: unknown member 'M9999'",
    ),
    "conflict with unknown review": (
        lambda d: d["conflicts"].append(["M0002", "R404"]),
        "conflicts[1]: unknown review 'R404'",
    ),
    "repeated affinity pair": (
        lambda d: d["affinity"].append(["M0001", "R001", 0.1]),
        "affinity[12]: repeats the pair ['M0001', 'R001'] of affinity[0]",
    ),
    "max_panels not an integer": (
        lambda d: d["members"][2].update(max_panels="2"),
        "members[2] (id 'M0003'): max_panels must be an integer, got '2'",
    ),
    "negative max_panels": (
        lambda d: d["members"][4].update(max_panels=-1),
        "members[4] (id 'M0005'): max_panels -1 is negative",
    ),
    "skills not a list": (
        lambda d: d["members"][1].update(skills="nurse"),
        "members[1] (id 'M0002'): skills must be a list of strings",
    ),
    "panel_min a float": (
        lambda d: d["reviews"][0].update(panel_min=2.5),
        "reviews[0] (id 'R001'): panel_min must be an integer, got 2.5",
    ),
    "out_of_region a string": (
        lambda d: d["reviews"][0].update(out_of_region="yes"),
        "reviews[0] (id 'R001'): out_of_region must be true or false",
    ),
    "missing member id": (lambda d: d["members"][3].pop("id"), "members[3]: id is missing"),
    "misspelt key": (
        lambda d: d["members"][0].update(max_panel=1),
        "members[0] (id 'M0001'): unknown key 'max_panel'",
    ),
    "conflict not a pair": (
        lambda d: d["conflicts"].append(["M0002"]),
        "conflicts[1]: expected [member id, review id]",
    ),
    "members not a list": (lambda d: d.update(members={}), "members: expected a list"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_is_refused_naming_the_entry(case: str) -> None:
    change, expected = MALFORMED[case]
    with pytest.raises(ProblemError) as refused:
        read_problem(_edit(change))
    assert any(expected in message for message in refused.value.errors), refused.value.errors


def test_the_printed_example_is_refused_for_its_unknown_member() -> None:
    with pytest.raises(ProblemError) as refused:
        read_problem(copy.deepcopy(PRINTED))
    assert refused.value.errors == ["conflicts[0]: unknown member 'M0007'"]


def test_all_faults_are_reported_at_once() -> None:
    def break_three(d: dict[str, Any]) -> None:
        d["members"][0]["max_panels"] = -2
        d["reviews"][0]["panel_min"] = 99
        d["affinity"][1][2] = 7

    with pytest.raises(ProblemError) as refused:
        read_problem(_edit(break_three))
    assert len(refused.value.errors) == 3


def test_a_malformed_member_does_not_cause_false_unknown_references() -> None:
    with pytest.raises(ProblemError) as refused:
        read_problem(_edit(lambda d: d["members"][1].update(max_panels=None)))
    assert refused.value.errors == ["members[1] (id 'M0002'): max_panels must be an integer, got None"]


def test_extensions_are_not_written_silently() -> None:
    problem = Problem(
        (Member("A", "london"),),
        (Review("R", "london", panel_min=0, panel_max=1, min_out_of_region=1),),
        pins=frozenset({("A", "R")}),
        removals=frozenset({("A", "R")}),
    )
    with pytest.raises(ProblemError) as refused:
        write_problem(problem)
    assert refused.value.errors == [
        "pins ['A', 'R']: pins cannot be written to senate-panel-problem/1",
        "reviews[0] (id 'R'): min_out_of_region cannot be written to senate-panel-problem/1",
    ]
    written = write_problem(problem, drop_extensions=True)
    assert written["conflicts"] == [["A", "R"]]  # a removal is a conflict in the format


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(status="done"), "status: 'done' is not one of"),
        (lambda d: d.update(bound="high"), "bound: bound must be a finite number"),
        (lambda d: d["panels"].update(R001="M1"), "panels['R001']: expected a list of member ids"),
        (lambda d: d.update(format="senate-panel-problem/1"), "format: unknown format"),
    ],
)
def test_malformed_answers_are_refused(change: Callable[[dict[str, Any]], None], expected: str) -> None:
    doc = write_answer(solve(read_problem(completed())))
    change(doc)
    with pytest.raises(ProblemError) as refused:
        read_answer(doc)
    assert any(expected in message for message in refused.value.errors), refused.value.errors
