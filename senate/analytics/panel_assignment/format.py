"""Read and write `senate-panel-problem/1` and `senate-panel-answer/1` (see docs/formats/panel-instance.md).

Readers collect every fault before refusing, so one run of the CLI tells a user all that is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from .problem import (
    STATUSES,
    Answer,
    Member,
    Pair,
    Problem,
    ProblemError,
    Requirement,
    Review,
    Shortfall,
    problem_errors,
)

PROBLEM_FORMAT = "senate-panel-problem/1"
ANSWER_FORMAT = "senate-panel-answer/1"

_MEMBER_KEYS = {"id", "region", "organisations", "skills", "max_panels"}
_REVIEW_KEYS = {
    "id",
    "region",
    "affected_organisations",
    "panel_min",
    "panel_max",
    "out_of_region",
    "requirements",
}
_PROBLEM_KEYS = {"format", "members", "reviews", "conflicts", "affinity"}
_ANSWER_KEYS = {"format", "status", "objective", "bound", "panels", "shortfalls", "seconds"}
_SHORTFALL_KEYS = {"review", "skill", "needed", "found", "why"}


T = TypeVar("T")


class _Errors(list[str]):
    """Accumulates messages; `need` records a fault and returns a safe default so reading goes on."""

    def need(self, ok: bool, message: str) -> bool:
        if not ok:
            self.append(message)
        return ok


def read_problem(data: object) -> Problem:
    """Parse a decoded `senate-panel-problem/1` document; raise ProblemError naming every bad entry."""
    errors = _Errors()
    if not isinstance(data, dict):
        errors.append("document: expected a JSON object")
        raise ProblemError(errors)
    _check_format(data, PROBLEM_FORMAT, errors)
    _check_keys("document", data, _PROBLEM_KEYS, errors)
    members = [_read_member(i, e, errors) for i, e in enumerate(_list(data, "members", errors))]
    reviews = [_read_review(i, e, errors) for i, e in enumerate(_list(data, "reviews", errors))]
    conflict_at = _read_conflicts(_list(data, "conflicts", errors, required=False), errors)
    affinity, affinity_at = _read_affinity(_list(data, "affinity", errors, required=False), errors)
    problem = Problem(
        members=tuple(m for m in members if m is not None),
        reviews=tuple(r for r in reviews if r is not None),
        conflicts=frozenset(conflict_at),
        affinity=affinity,
    )
    # Entries refused above still count as known ids, so references to them do not add false errors.
    errors += problem_errors(
        problem,
        affinity_at=affinity_at,
        conflict_at=conflict_at,
        member_ids=_raw_ids(data.get("members")),
        review_ids=_raw_ids(data.get("reviews")),
    )
    if errors:
        raise ProblemError(errors)
    return problem


def write_problem(problem: Problem, *, drop_extensions: bool = False) -> dict[str, Any]:
    """The JSON document for `problem`. Removals are written as conflicts (the same rule).

    Pins and `min_out_of_region` cannot be expressed in the format; rather than lose them silently this
    refuses unless `drop_extensions` is true.
    """
    if not drop_extensions:
        _refuse_extensions(problem)
    return {
        "format": PROBLEM_FORMAT,
        "members": [_member_json(m) for m in problem.members],
        "reviews": [_review_json(r) for r in problem.reviews],
        "conflicts": [list(pair) for pair in sorted(problem.blocked_pairs())],
        "affinity": [[m, r, float(a)] for (m, r), a in problem.affinity.items()],
    }


def write_answer(answer: Answer) -> dict[str, Any]:
    """The `senate-panel-answer/1` document for `answer`."""
    # Rounding is monotone, so a bound at or above the objective stays so after rounding.
    return {
        "format": ANSWER_FORMAT,
        "status": answer.status,
        "objective": round(answer.objective, 6),
        "bound": round(answer.bound, 6),
        "panels": {review: list(panel) for review, panel in answer.panels.items()},
        "shortfalls": [
            {"review": s.review, "skill": s.skill, "needed": s.needed, "found": s.found, "why": s.why}
            for s in answer.shortfalls
        ],
        "seconds": round(answer.seconds, 3),
    }


def read_answer(data: object) -> Answer:
    """Parse a decoded `senate-panel-answer/1` document; raise ProblemError naming every bad entry."""
    errors = _Errors()
    if not isinstance(data, dict):
        errors.append("document: expected a JSON object")
        raise ProblemError(errors)
    _check_format(data, ANSWER_FORMAT, errors)
    _check_keys("document", data, _ANSWER_KEYS, errors)
    status: Any = data.get("status")  # one of STATUSES by the time an Answer is made (checked next)
    errors.need(status in STATUSES, f"status: {status!r} is not one of {', '.join(STATUSES)}")
    numbers = {key: _number(data, key, key, errors) for key in ("objective", "bound", "seconds")}
    panels = _read_panels(data.get("panels"), errors)
    shortfalls = [_read_shortfall(i, e, errors) for i, e in enumerate(_list(data, "shortfalls", errors))]
    if errors:
        raise ProblemError(errors)
    return Answer(
        status=status,
        objective=numbers["objective"],
        bound=numbers["bound"],
        panels=panels,
        shortfalls=tuple(s for s in shortfalls if s is not None),
        seconds=numbers["seconds"],
    )


# --- problem pieces -------------------------------------------------------------------------------


def _check_format(data: dict[str, Any], expected: str, errors: _Errors) -> None:
    found = data.get("format")
    if "format" not in data:
        errors.append(f"format: missing; expected {expected!r}")
    else:
        errors.need(found == expected, f"format: unknown format {found!r}; expected {expected!r}")


def _check_keys(label: str, entry: dict[str, Any], allowed: set[str], errors: _Errors) -> None:
    # A misspelt optional key would otherwise be ignored and change the meaning without a word.
    for key in sorted(set(entry) - allowed):
        errors.append(f"{label}: unknown key {key!r}")


def _list(data: dict[str, Any], key: str, errors: _Errors, *, required: bool = True) -> list[Any]:
    if key not in data:
        errors.need(not required, f"{key}: missing")
        return []
    value = data[key]
    return value if errors.need(isinstance(value, list), f"{key}: expected a list") else []


def _read_member(i: int, entry: object, errors: _Errors) -> Member | None:
    label = f"members[{i}]"
    if not isinstance(entry, dict):
        errors.append(f"{label}: expected an object")
        return None
    label = _labelled(label, entry)
    before = len(errors)
    _check_keys(label, entry, _MEMBER_KEYS, errors)
    member = Member(
        id=_string(entry, "id", label, errors),
        region=_string(entry, "region", label, errors),
        organisations=_strings(entry, "organisations", label, errors),
        skills=_strings(entry, "skills", label, errors),
        max_panels=_integer(entry, "max_panels", label, errors),
    )
    return member if len(errors) == before else None


def _read_review(i: int, entry: object, errors: _Errors) -> Review | None:
    label = f"reviews[{i}]"
    if not isinstance(entry, dict):
        errors.append(f"{label}: expected an object")
        return None
    label = _labelled(label, entry)
    before = len(errors)
    _check_keys(label, entry, _REVIEW_KEYS, errors)
    out_of_region = entry.get("out_of_region", False)
    errors.need(isinstance(out_of_region, bool), f"{label}: out_of_region must be true or false")
    review = Review(
        id=_string(entry, "id", label, errors),
        region=_string(entry, "region", label, errors),
        affected_organisations=_strings(entry, "affected_organisations", label, errors),
        panel_min=_integer(entry, "panel_min", label, errors),
        panel_max=_integer(entry, "panel_max", label, errors),
        out_of_region=bool(out_of_region),
        requirements=_read_requirements(entry, label, errors),
    )
    return review if len(errors) == before else None


def _read_requirements(entry: dict[str, Any], label: str, errors: _Errors) -> tuple[Requirement, ...]:
    raw = entry.get("requirements", [])
    if not errors.need(isinstance(raw, list), f"{label}: requirements must be a list"):
        return ()
    found = []
    for j, item in enumerate(raw):
        where = f"{label}: requirements[{j}]"
        if not isinstance(item, dict):
            errors.append(f"{where}: expected an object")
            continue
        _check_keys(where, item, {"skill", "min"}, errors)
        found.append(Requirement(_string(item, "skill", where, errors), _integer(item, "min", where, errors)))
    return tuple(found)


def _read_conflicts(raw: list[Any], errors: _Errors) -> dict[Pair, int]:
    at: dict[Pair, int] = {}
    for k, item in enumerate(raw):
        ok = isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
        if errors.need(ok, f"conflicts[{k}]: expected [member id, review id], got {item!r}"):
            at.setdefault((item[0], item[1]), k)
    return at


def _read_affinity(raw: list[Any], errors: _Errors) -> tuple[dict[Pair, float], dict[Pair, int]]:
    values: dict[Pair, float] = {}
    at: dict[Pair, int] = {}
    for k, item in enumerate(raw):
        ok = (
            isinstance(item, list)
            and len(item) == 3
            and isinstance(item[0], str)
            and isinstance(item[1], str)
            and isinstance(item[2], int | float)
            and not isinstance(item[2], bool)
        )
        if not errors.need(ok, f"affinity[{k}]: expected [member id, review id, number], got {item!r}"):
            continue
        pair = (item[0], item[1])
        # Two different scores for one pair leave the objective undefined.
        if errors.need(pair not in at, f"affinity[{k}]: repeats the pair {list(pair)!r} of affinity[{at.get(pair)}]"):
            values[pair] = _as_float(item[2])
            at[pair] = k
    return values, at


def _as_float(value: int | float) -> float:
    # An integer too large for a float is out of range anyway; NaN is refused by problem_errors.
    try:
        return float(value)
    except OverflowError:
        return math.inf


def _raw_ids(entries: object) -> set[str]:
    if not isinstance(entries, list):
        return set()
    return {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}


def _labelled(label: str, entry: dict[str, Any]) -> str:
    entry_id = entry.get("id")
    return f"{label} (id {entry_id!r})" if isinstance(entry_id, str) else label


def _field(
    entry: dict[str, Any], key: str, label: str, errors: _Errors, ok: Callable[[Any], bool], kind: str, default: T
) -> T:
    if key not in entry:
        errors.append(f"{label}: {key} is missing")
        return default
    value = entry[key]
    return value if errors.need(ok(value), f"{label}: {key} must be {kind}, got {value!r}") else default


def _string(entry: dict[str, Any], key: str, label: str, errors: _Errors) -> str:
    return _field(entry, key, label, errors, lambda v: isinstance(v, str) and v != "", "a non-empty string", "")


def _integer(entry: dict[str, Any], key: str, label: str, errors: _Errors) -> int:
    return _field(entry, key, label, errors, lambda v: isinstance(v, int) and not isinstance(v, bool), "an integer", 0)


def _strings(entry: dict[str, Any], key: str, label: str, errors: _Errors) -> tuple[str, ...]:
    # Lists of codes may be left out and mean "none"; present, they must be strings.
    if key not in entry:
        return ()
    value = entry[key]
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return tuple(value) if errors.need(ok, f"{label}: {key} must be a list of strings, got {value!r}") else ()


def _number(entry: dict[str, Any], key: str, label: str, errors: _Errors) -> float:
    def ok(v: object) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)

    return float(_field(entry, key, label, errors, ok, "a finite number", 0.0))


def _member_json(member: Member) -> dict[str, Any]:
    return {
        "id": member.id,
        "region": member.region,
        "organisations": list(member.organisations),
        "skills": list(member.skills),
        "max_panels": member.max_panels,
    }


def _review_json(review: Review) -> dict[str, Any]:
    return {
        "id": review.id,
        "region": review.region,
        "affected_organisations": list(review.affected_organisations),
        "panel_min": review.panel_min,
        "panel_max": review.panel_max,
        "out_of_region": review.out_of_region,
        "requirements": [{"skill": q.skill, "min": q.min} for q in review.requirements],
    }


def _refuse_extensions(problem: Problem) -> None:
    errors = [f"pins {list(pair)!r}: pins cannot be written to {PROBLEM_FORMAT}" for pair in sorted(problem.pins)]
    errors += [
        f"reviews[{i}] (id {r.id!r}): min_out_of_region cannot be written to {PROBLEM_FORMAT}"
        for i, r in enumerate(problem.reviews)
        # Implied, and so safe to drop, only when rule 3 holds and panel_min already forces the count.
        if r.min_out_of_region and not (r.out_of_region and r.min_out_of_region <= r.panel_min)
    ]
    if errors:
        raise ProblemError(errors)


# --- answer pieces --------------------------------------------------------------------------------


def _read_panels(raw: object, errors: _Errors) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        errors.append("panels: expected an object of review id -> member ids")
        return {}
    panels = {}
    for review, members in raw.items():
        ok = isinstance(members, list) and all(isinstance(m, str) for m in members)
        if errors.need(ok, f"panels[{review!r}]: expected a list of member ids"):
            panels[review] = tuple(members)
    return panels


def _read_shortfall(i: int, entry: object, errors: _Errors) -> Shortfall | None:
    label = f"shortfalls[{i}]"
    if not isinstance(entry, dict):
        errors.append(f"{label}: expected an object")
        return None
    before = len(errors)
    _check_keys(label, entry, _SHORTFALL_KEYS, errors)
    shortfall = Shortfall(
        review=_string(entry, "review", label, errors),
        skill=_string(entry, "skill", label, errors),
        needed=_integer(entry, "needed", label, errors),
        found=_integer(entry, "found", label, errors),
        why=_string(entry, "why", label, errors),
    )
    return shortfall if len(errors) == before else None
