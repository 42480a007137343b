"""Exact panel assignment with HiGHS: fewest unfilled seats first, then the most total affinity.

The steps, and why each keeps the answer exact:
1. `starting_pairs` picks a sparse set of (member, review) pairs: every eligible pair with positive
   affinity, every pin, and a few zero-affinity fillers per rule. The full problem at 20,000 x 500 has
   10M pairs; the model never holds more than a small fraction of them.
2. Column generation: solve the LP relaxation, price every left-out eligible pair in closed form from the
   duals, add those that could improve it, repeat. The Lagrangian bound from those duals is valid for
   the full problem (see `_columns`), whatever was left out.
3. If the LP optimum is already integral (usual: the structure is close to a network) it is the answer.
   Otherwise HiGHS branches on the model; any pair left out with reduced cost >= t cannot be in an answer
   more than the tolerance better than the incumbent (t = incumbent - bound - tolerance), so those below
   t are added before the final search, and the MIP bound then holds for the full problem too.
4. The answer's objective, unfilled seats and shortfalls are recomputed from the data, not trusted from
   the solver, and the status follows from comparing them with the proved bound.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ._columns import price, starting_pairs
from ._index import Index, affinity_of, build_index, pair_codes, top_affinity_total
from ._model import Model, Solved, add_columns, build_model, lagrangian_bound, solve_lp, solve_mip, x_values
from ._pins import resolve_pins
from .explain import rule_shortfalls, unfilled_seats
from .greedy import greedy_panels
from .problem import Answer, Problem, Shortfall, Status, validate

MAX_ROUNDS = 30
"""Column-generation rounds; the bound stays valid if it stops early, only possibly looser."""
EXTEND_LIMIT = 200_000
"""Most left-out pairs added to close an integer gap; beyond this the LP bound is reported instead."""
OPTIMAL_GAP = 1e-6
"""Relative gap under which an answer is reported optimal (HiGHS itself is run to 1e-7)."""


@dataclass(frozen=True)
class _Search:
    chosen: np.ndarray  # bool per x column of the model
    lower: float  # proved lower bound on W*unfilled - affinity over every answer to the full problem


def solve(problem: Problem, *, time_limit: float | None = None) -> Answer:
    """The best answer to `problem` (raises ProblemError if it is malformed)."""
    started = time.perf_counter()
    validate(problem)
    deadline = None if time_limit is None else started + time_limit
    ix = build_index(problem)
    pin_m, pin_r, pin_shortfalls = resolve_pins(ix)
    weight = top_affinity_total(ix) + 1.0  # one unfilled seat outweighs any total affinity
    m, r = starting_pairs(ix, pin_m, pin_r)
    pinned = np.isin(pair_codes(ix, m, r), pair_codes(ix, pin_m, pin_r))
    model = build_model(ix, weight, m, r, pinned)
    search = _search(model, deadline)
    panels = _panels(ix, model.cols_m[search.chosen], model.cols_r[search.chosen])
    if _unfilled(ix, panels) and not _proved_fewest(_unfilled(ix, panels), search.lower, weight):
        # Stopped before a full answer was found or proved impossible: greedy may still find one.
        panels = min(panels, greedy_panels(ix, pin_m, pin_r), key=lambda p: _rank(ix, p))
    return _answer(ix, panels, search.lower, weight, pin_shortfalls, started)


def _search(model: Model, deadline: float | None) -> _Search:
    # Trivially valid start: unfilled seats cost >= 0 and affinity never exceeds weight - 1.
    lower = -(model.weight - 1.0)
    lp, lower = _generate_columns(model, deadline, lower)
    x = x_values(model, lp.values)
    if lp.finished and np.all(np.minimum(x, 1 - x) <= 1e-6):
        return _Search(x > 0.5, lower)
    mip = solve_mip(model, deadline, start=None)
    if lp.duals is not None:  # without LP duals nothing shows the left-out pairs cannot help
        lower, mip = _close_gap(model, lp.duals, mip, lower, deadline)
    return _Search(x_values(model, mip.values) > 0.5, lower)


def _generate_columns(model: Model, deadline: float | None, lower: float) -> tuple[Solved, float]:
    for _ in range(MAX_ROUNDS):
        lp = solve_lp(model, deadline)
        if lp.duals is None:  # stopped by the time limit before an optimal LP
            return lp, lower
        priced = price(model, lp.duals)
        lower = max(lower, lagrangian_bound(model, lp.duals, priced.omitted_negative))
        if not len(priced.m):
            return lp, lower
        add_columns(model, priced.m, priced.r)
    return solve_lp(model, deadline), lower


def _close_gap(
    model: Model, duals: np.ndarray, mip: Solved, lower: float, deadline: float | None
) -> tuple[float, Solved]:
    """Make the MIP bound valid for the full problem by adding every pair that could still improve it."""
    if not np.isfinite(mip.objective):  # no incumbent to measure "improving" against
        return lower, mip
    slack = OPTIMAL_GAP / 10 * max(1.0, abs(mip.objective))
    threshold = mip.objective - lower - slack
    if threshold <= 0:
        return lower, mip
    extra = price(model, duals, threshold=threshold, per_review=None)
    if len(extra.m) > EXTEND_LIMIT:
        return lower, mip
    if len(extra.m):
        start = np.concatenate([mip.values, np.zeros(len(extra.m))])
        add_columns(model, extra.m, extra.r)
        mip = solve_mip(model, deadline, start=start)
    # Any answer below (first incumbent - slack) = lower + threshold uses only pairs now in the model,
    # so it is no better than the model's MIP bound.
    assert mip.mip_bound is not None
    return max(lower, min(lower + threshold, mip.mip_bound)), mip


def _panels(ix: Index, chosen_m: np.ndarray, chosen_r: np.ndarray) -> list[np.ndarray]:
    """Member indices per review, sorted, from the chosen pairs."""
    order = np.lexsort((chosen_m, chosen_r))
    chosen_m, chosen_r = chosen_m[order], chosen_r[order]
    bounds = np.searchsorted(chosen_r, np.arange(ix.n_reviews + 1))
    return [chosen_m[bounds[r] : bounds[r + 1]] for r in range(ix.n_reviews)]


def _unfilled(ix: Index, panels: list[np.ndarray]) -> int:
    return sum(unfilled_seats(ix, panel, r) for r, panel in enumerate(panels))


def _affinity(ix: Index, panels: list[np.ndarray]) -> float:
    chosen_r = np.repeat(np.arange(ix.n_reviews), [len(p) for p in panels])
    return float(affinity_of(ix, np.concatenate([np.zeros(0, np.int64), *panels]), chosen_r).sum())


def _rank(ix: Index, panels: list[np.ndarray]) -> tuple[int, float]:
    return _unfilled(ix, panels), -_affinity(ix, panels)


def _proved_fewest(unfilled: int, lower: float, weight: float) -> bool:
    # Answers with fewer unfilled seats score at most W * (unfilled - 1) - 0 in the minimised
    # objective; a proved lower bound above that rules them all out.
    return unfilled == 0 or lower > weight * (unfilled - 1) + 1e-6 * weight


def _answer(
    ix: Index,
    panels: list[np.ndarray],
    lower: float,
    weight: float,
    pin_shortfalls: list[Shortfall],
    started: float,
) -> Answer:
    affinity = _affinity(ix, panels)
    unfilled = _unfilled(ix, panels)
    # Any answer with at most `unfilled` unfilled seats has W*unfilled' - affinity' >= lower.
    bound = max(weight * unfilled - lower, affinity)
    proved = _proved_fewest(unfilled, lower, weight)
    shortfalls = pin_shortfalls + [_caveat(s, proved) for s in rule_shortfalls(ix, panels)]
    return Answer(
        status=_status(affinity, bound, bool(shortfalls)),
        objective=affinity,
        bound=bound,
        panels={ix.review_ids[r]: tuple(ix.member_ids[m] for m in panel) for r, panel in enumerate(panels)},
        shortfalls=tuple(shortfalls),
        seconds=time.perf_counter() - started,
    )


def _status(objective: float, bound: float, short: bool) -> Status:
    if short:
        return "infeasible"
    if bound - objective <= OPTIMAL_GAP * max(1.0, abs(objective)):
        return "optimal"
    return "feasible"


def _caveat(shortfall: Shortfall, proved: bool) -> Shortfall:
    if proved:
        return shortfall
    note = "; the search stopped before proving that no answer leaves fewer seats unfilled"
    return Shortfall(shortfall.review, shortfall.skill, shortfall.needed, shortfall.found, shortfall.why + note)
