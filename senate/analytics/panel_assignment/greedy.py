"""A greedy baseline, for the benchmark: review by review, seat what each rule needs, then the best fits.

It respects every hard rule it can (pins, may-sit rules, max_panels, panel_max) but looks neither ahead
nor back, so it can strand a scarce skill on an early review that a later one needed.
"""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp

from ._index import BLOCK, Index, affinity_of, build_index, eligible_block, top_affinity_total
from ._pins import resolve_pins
from .explain import rule_shortfalls
from .problem import Answer, Problem, validate


def greedy(problem: Problem) -> Answer:
    """A feasible answer when greed finds one, otherwise `infeasible` with the shortfalls it left."""
    started = time.perf_counter()
    validate(problem)
    ix = build_index(problem)
    pin_m, pin_r, pin_shortfalls = resolve_pins(ix)
    panels = greedy_panels(ix, pin_m, pin_r)
    chosen_m = np.concatenate([np.zeros(0, np.int64), *panels])
    chosen_r = np.repeat(np.arange(ix.n_reviews), [len(p) for p in panels])
    shortfalls = pin_shortfalls + rule_shortfalls(ix, panels)
    objective = float(affinity_of(ix, chosen_m, chosen_r).sum())
    return Answer(
        status="infeasible" if shortfalls else "feasible",
        objective=objective,
        bound=max(top_affinity_total(ix), objective),  # crude but valid: greedy proves nothing better
        panels={ix.review_ids[r]: tuple(ix.member_ids[m] for m in p) for r, p in enumerate(panels)},
        shortfalls=tuple(shortfalls),
        seconds=time.perf_counter() - started,
    )


def greedy_panels(ix: Index, pin_m: np.ndarray, pin_r: np.ndarray) -> list[np.ndarray]:
    """Member indices per review, sorted; pins (already checked by `resolve_pins`) are seated first."""
    load = np.bincount(pin_m, minlength=ix.n_members)
    seated = [list(pin_m[pin_r == r]) for r in range(ix.n_reviews)]
    affinity = sp.csc_matrix((ix.aff_a, (ix.aff_m, ix.aff_r)), shape=(ix.n_members, ix.n_reviews))
    for lo in range(0, ix.n_reviews, BLOCK):
        hi = min(lo + BLOCK, ix.n_reviews)
        eligible = eligible_block(ix, lo, hi)
        for r in range(lo, hi):
            scores = affinity[:, r].toarray().ravel()
            _fill(ix, r, eligible[r - lo], scores, load, seated[r])
    return [np.sort(np.array(p, dtype=np.int64)) for p in seated]


def _fill(ix: Index, r: int, eligible: np.ndarray, scores: np.ndarray, load: np.ndarray, seated: list[int]) -> None:
    """Seat members on review r in place: counted rules first, then positive affinity, then panel_min."""
    on = np.zeros(ix.n_members, dtype=bool)
    on[seated] = True
    panel_max = int(ix.panel_max[r])
    for k in range(ix.counts.ptr[r], ix.counts.ptr[r + 1]):
        skill = ix.counts.skill[k]
        fits = ix.holds[:, skill] if skill >= 0 else ix.member_region != ix.review_region[r]
        need = int(ix.counts.min[k]) - int(fits[on].sum())
        _seat(ix, eligible & fits, scores, load, on, seated, min(need, panel_max - len(seated)))
    _seat(ix, eligible & (scores > 0), scores, load, on, seated, panel_max - len(seated))
    _seat(ix, eligible, scores, load, on, seated, int(ix.panel_min[r]) - len(seated))


def _seat(
    ix: Index, allowed: np.ndarray, scores: np.ndarray, load: np.ndarray, on: np.ndarray, seated: list[int], k: int
) -> None:
    if k <= 0:
        return
    spare = ix.max_panels - load
    candidates = np.flatnonzero(allowed & ~on & (spare > 0))
    # Best affinity first; among equals, whoever has most capacity left, to keep scarce people free.
    best = candidates[np.lexsort((-spare[candidates], -scores[candidates]))[:k]]
    on[best] = True
    load[best] += 1
    seated.extend(best.tolist())
