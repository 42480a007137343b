"""An independent exact reference for mid-sized problems: every eligible pair, dense, two MILP solves.

Deliberately naive (no sparsity, no pricing, scipy's own MILP interface) so that it shares nothing with
the solver under test but HiGHS itself.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from ..problem import Member, Problem, Requirement, Review
from .brute import may_sit


def reference(problem: Problem) -> tuple[int, float]:
    """(fewest unfilled seats, most affinity among answers with that many)."""
    pairs = [(m, r) for r in problem.reviews for m in problem.members if may_sit(problem, m, r)]
    rules: list[tuple[Review, Rule]] = [(r, None) for r in problem.reviews] + [
        (r, q) for r in problem.reviews for q in r.requirements
    ]
    rules += [(r, "away") for r in problem.reviews if r.min_out_of_region]
    n_x, n_s = len(pairs), len(rules)
    rows: list[list[float]] = []
    lower: list[float] = []
    upper: list[float] = []
    for member in problem.members:
        rows.append([float(m is member) for m, _ in pairs] + [0.0] * n_s)
        lower.append(-np.inf)
        upper.append(member.max_panels)
    for review in problem.reviews:
        rows.append([float(r is review) for _, r in pairs] + [0.0] * n_s)
        lower.append(-np.inf)
        upper.append(review.panel_max)
    for k, (review, rule) in enumerate(rules):
        slack = [0.0] * n_s
        slack[k] = 1.0
        rows.append([float(r is review and _counts(m, r, rule)) for m, r in pairs] + slack)
        lower.append(_needed(review, rule))
        upper.append(np.inf)
    a = np.array(rows).reshape(len(rows), n_x + n_s)
    constraint = LinearConstraint(a, lower, upper)
    bounds = Bounds(np.zeros(n_x + n_s), np.concatenate([np.ones(n_x), np.full(n_s, np.inf)]))
    integrality = np.ones(n_x + n_s)
    seats_cost = np.concatenate([np.zeros(n_x), np.ones(n_s)])
    first = milp(seats_cost, constraints=[constraint], bounds=bounds, integrality=integrality)
    seats = round(first.fun)
    gain = np.array([problem.affinity.get((m.id, r.id), 0.0) for m, r in pairs] + [0.0] * n_s)
    fixed = LinearConstraint(seats_cost[None, :], -np.inf, seats + 0.5)
    second = milp(-gain, constraints=[constraint, fixed], bounds=bounds, integrality=integrality)
    return seats, -second.fun


Rule = Requirement | str | None
"""None: panel_min; "away": min_out_of_region; else a skill requirement."""


def _counts(member: Member, review: Review, rule: Rule) -> bool:
    if rule is None:
        return True
    if isinstance(rule, str):
        return member.region != review.region
    return rule.skill in member.skills


def _needed(review: Review, rule: Rule) -> float:
    if rule is None:
        return review.panel_min
    if isinstance(rule, str):
        return review.min_out_of_region
    return rule.min
