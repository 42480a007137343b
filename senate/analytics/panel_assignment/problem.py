"""The panel-assembly problem and its answer as plain dataclasses, plus the checks that refuse nonsense.

The JSON interchange format (`format.py`) maps onto these one to one. Three extensions exist only in the
Python API used by the web pages and are never written to JSON: `Problem.pins`, `Problem.removals` and
`Review.min_out_of_region`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Pair = tuple[str, str]
"""(member id, review id)."""

Status = Literal["optimal", "feasible", "infeasible"]
STATUSES: tuple[Status, ...] = ("optimal", "feasible", "infeasible")

# Names used in `Shortfall.skill` for rules that are not a skill requirement.
PANEL_MIN = "panel_min"
OUT_OF_REGION = "out-of-region"
PIN = "pin"


class ProblemError(ValueError):
    """Malformed input. `errors` holds one message per offending entry, each naming the entry."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True)
class Member:
    id: str
    region: str
    organisations: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    max_panels: int = 1
    """The most reviews in this problem the member may sit on; 0 = unavailable."""


@dataclass(frozen=True)
class Requirement:
    skill: str
    min: int


@dataclass(frozen=True)
class Review:
    id: str
    region: str
    affected_organisations: tuple[str, ...] = ()
    panel_min: int = 0
    panel_max: int = 0
    out_of_region: bool = False
    """True: every panel member must come from another region (may-sit rule 3)."""
    requirements: tuple[Requirement, ...] = ()
    min_out_of_region: int = 0
    """API only: at least this many panel members from another region (a counted rule, not rule 3)."""


@dataclass(frozen=True)
class Problem:
    members: tuple[Member, ...]
    reviews: tuple[Review, ...]
    conflicts: frozenset[Pair] = frozenset()
    affinity: Mapping[Pair, float] = field(default_factory=dict)
    """Absent pairs score 0."""
    pins: frozenset[Pair] = frozenset()
    """API only: the member must be on that review's panel."""
    removals: frozenset[Pair] = frozenset()
    """API only: the member must not be on that review's panel (treated exactly like a conflict)."""

    def blocked_pairs(self) -> frozenset[Pair]:
        """Pairs excluded by may-sit rule 1: declared conflicts and manager removals alike."""
        return self.conflicts | self.removals


@dataclass(frozen=True)
class Shortfall:
    """One hard rule an answer leaves unmet for one review."""

    review: str
    skill: str
    """The required skill, or PANEL_MIN, OUT_OF_REGION (API `min_out_of_region`) or PIN."""
    needed: int
    found: int
    why: str


@dataclass(frozen=True)
class Answer:
    status: Status
    objective: float
    """Total affinity of the chosen pairs."""
    bound: float
    """A proved upper bound on the objective of any answer at least as good on unfilled seats."""
    panels: dict[str, tuple[str, ...]]
    shortfalls: tuple[Shortfall, ...] = ()
    seconds: float = 0.0


def problem_errors(
    problem: Problem,
    *,
    affinity_at: Mapping[Pair, int] | None = None,
    conflict_at: Mapping[Pair, int] | None = None,
    member_ids: set[str] | None = None,
    review_ids: set[str] | None = None,
) -> list[str]:
    """Every semantic fault in `problem`, each message naming its entry.

    `affinity_at`/`conflict_at` map pairs to their position in a JSON list so that messages can say
    `affinity[12]`; without them the pair itself names the entry. `member_ids`/`review_ids` widen the
    ids that references may use (a reader passes the ids of entries it refused for other faults).
    """
    member_ids = {m.id for m in problem.members} | (member_ids or set())
    review_ids = {r.id for r in problem.reviews} | (review_ids or set())
    errors = _duplicate_errors("members", [m.id for m in problem.members])
    errors += _duplicate_errors("reviews", [r.id for r in problem.reviews])
    for i, member in enumerate(problem.members):
        errors += _member_errors(i, member)
    for i, review in enumerate(problem.reviews):
        errors += _review_errors(i, review)
    errors += _affinity_errors(problem.affinity, member_ids, review_ids, affinity_at)
    for name, pairs, at in (
        ("conflicts", problem.conflicts, conflict_at),
        ("pins", problem.pins, None),
        ("removals", problem.removals, None),
    ):
        unknown = [p for p in pairs if p[0] not in member_ids or p[1] not in review_ids]
        for pair in sorted(unknown, key=lambda p: ((at or {}).get(p, -1), p)):
            errors += _reference_errors(_pair_label(name, pair, at), pair, member_ids, review_ids)
    return errors


def _affinity_errors(
    affinity: Mapping[Pair, float], member_ids: set[str], review_ids: set[str], at: Mapping[Pair, int] | None
) -> list[str]:
    errors = []
    for pair, value in affinity.items():
        # Labels are only formatted for faulty entries: there can be hundreds of thousands of pairs.
        known = pair[0] in member_ids and pair[1] in review_ids
        plain = type(value) is float and 0.0 <= value <= 1.0  # the common case, without a call
        if not known or not (plain or _is_unit_number(value)):
            label = _pair_label("affinity", pair, at)
            errors += _reference_errors(label, pair, member_ids, review_ids)
            if not _is_unit_number(value):
                errors.append(f"{label}: affinity {value!r} is outside [0, 1]")
    return errors


def validate(problem: Problem) -> None:
    """Raise ProblemError listing every fault, or return quietly."""
    errors = problem_errors(problem)
    if errors:
        raise ProblemError(errors)


def _duplicate_errors(kind: str, ids: list[str]) -> list[str]:
    counts = Counter(ids)
    return [
        f"{kind}[{i}] (id {value!r}): duplicate id"
        for i, value in enumerate(ids)
        if counts[value] > 1 and ids.index(value) != i
    ]


def _member_errors(i: int, member: Member) -> list[str]:
    label = f"members[{i}] (id {member.id!r})"
    if member.max_panels < 0:
        return [f"{label}: max_panels {member.max_panels} is negative"]
    return []


def _review_errors(i: int, review: Review) -> list[str]:
    label = f"reviews[{i}] (id {review.id!r})"
    errors = []
    if review.panel_min < 0:
        errors.append(f"{label}: panel_min {review.panel_min} is negative")
    if review.panel_min > review.panel_max:
        errors.append(f"{label}: panel_min {review.panel_min} is above panel_max {review.panel_max}")
    for j, req in enumerate(review.requirements):
        where = f"{label}: requirements[{j}] (skill {req.skill!r})"
        if req.min < 0:
            errors.append(f"{where}: min {req.min} is negative")
        if req.min > review.panel_max:
            errors.append(f"{where}: min {req.min} is above panel_max {review.panel_max}")
    if not 0 <= review.min_out_of_region <= review.panel_max:
        errors.append(
            f"{label}: min_out_of_region {review.min_out_of_region} is outside 0..panel_max {review.panel_max}"
        )
    return errors


def _pair_label(kind: str, pair: Pair, at: Mapping[Pair, int] | None) -> str:
    if at is not None and pair in at:
        return f"{kind}[{at[pair]}]"
    return f"{kind} {list(pair)!r}"


def _reference_errors(label: str, pair: Pair, member_ids: set[str], review_ids: set[str]) -> list[str]:
    member_id, review_id = pair
    errors = []
    if member_id not in member_ids:
        errors.append(f"{label}: unknown member {member_id!r}")
    if review_id not in review_ids:
        errors.append(f"{label}: unknown review {review_id!r}")
    return errors


def _is_unit_number(value: object) -> bool:
    # bool is an int subclass; True as an affinity is a typing slip, not 1.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and 0.0 <= value <= 1.0
