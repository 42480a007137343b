"""Which (member, review) pairs the model carries: a small starting set, then pricing.

Why this keeps the answer exact. Only pairs in the model can be chosen, so the model's optimum could in
principle be worse than the full problem's. Pricing closes that gap with LP duality: for the duals y of
the model's LP relaxation, every pair left out has a reduced cost d = c - A'y computed here in closed
form (a left-out pair has affinity 0, so d = -(y_cap[m] + y_hi[r] + y_lo[r] + the count rows it
qualifies for)). Pairs with d < 0 could improve the LP and are added (column generation); the sum of
the negative d's of pairs still left out enters the Lagrangian bound (`_model.lagrangian_bound`), which
is therefore a valid bound for the *full* problem, not just the restricted one. Once no left-out pair
prices negative, the restricted LP equals the full LP. A pair with d >= t can only appear in answers at
least t worse than the bound, which `solver` uses to close the integer gap too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._index import BLOCK, Index, eligible_block, eligible_pairs, pair_codes
from ._model import Model, model_codes

SPARE = 2
"""Starting candidates per counted rule beyond its minimum, and per review beyond panel_min."""
PER_REVIEW = 24
"""Most pairs pricing adds per review per round: enough to fill a panel, few enough to stay sparse."""
TOLERANCE = 1e-7
"""HiGHS's own dual feasibility tolerance: pairs priced closer to 0 than this are not worth a round (they
still count towards the bound, so it stays valid)."""


@dataclass(frozen=True)
class Priced:
    m: np.ndarray
    r: np.ndarray
    omitted_negative: float
    """Sum of min(0, d) over every eligible pair not in the model, for the Lagrangian bound."""


def starting_pairs(ix: Index, pin_m: np.ndarray, pin_r: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Eligible positive-affinity pairs, pins, and a few zero-affinity fillers for every rule.

    Fillers are only a head start (pricing adds whatever else is needed), so they are drawn cheaply:
    random members with capacity to spare, a window per rule, the first eligible ones kept. Random
    windows spread the load so that reviews do not all lean on the same people.
    """
    ok = eligible_pairs(ix, ix.aff_m, ix.aff_r)
    m, r = np.concatenate([ix.aff_m[ok], pin_m]), np.concatenate([ix.aff_r[ok], pin_r])
    rng = np.random.default_rng(seed)
    idle = np.flatnonzero(np.bincount(m, minlength=ix.n_members) < ix.max_panels)
    idle = rng.permutation(idle)
    fm, fr = [m], [r]
    for pool, reviews, need, away in _filler_rules(ix, idle):
        wm, wr, wk = _windows(rng, pool, reviews, need)
        fits = eligible_pairs(ix, wm, wr) & (~away[wk] | (ix.member_region[wm] != ix.review_region[wr]))
        keep = fits & (_rank_within(wk, fits) < need[wk])
        fm.append(wm[keep])
        fr.append(wr[keep])
    codes = np.unique(pair_codes(ix, np.concatenate(fm), np.concatenate(fr)))
    return codes % ix.n_members, codes // ix.n_members


def _filler_rules(ix: Index, idle: np.ndarray) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(pool, reviews, how many, needs out-of-region) per group: panel_min, each skill, out-of-region."""
    everyone = np.arange(ix.n_reviews)
    groups = [(idle, everyone, ix.panel_min + SPARE, np.zeros(ix.n_reviews, bool))]
    counts = ix.counts
    for skill in np.unique(counts.skill):
        rows = np.flatnonzero(counts.skill == skill)
        pool = idle[ix.holds[idle, skill]] if skill >= 0 else idle
        groups.append((pool, counts.review[rows], counts.min[rows] + SPARE, np.full(len(rows), skill < 0)))
    return groups


def _windows(
    rng: np.random.Generator, pool: np.ndarray, reviews: np.ndarray, need: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each review a random cyclic window of `pool` three times the number needed."""
    if not len(pool) or not len(reviews):
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    width = min(len(pool), 3 * int(need.max()))
    start = rng.integers(0, len(pool), size=len(reviews))
    at = (start[:, None] + np.arange(width)[None, :]) % len(pool)
    group = np.repeat(np.arange(len(reviews)), width)
    return pool[at].ravel(), reviews[group], group


def _rank_within(group: np.ndarray, flag: np.ndarray) -> np.ndarray:
    """0-based rank of each flagged entry among the flagged entries of its (contiguous) group."""
    running = np.cumsum(flag)
    first = np.searchsorted(group, group)
    before = np.where(first > 0, running[first - 1], 0)
    return running - before - 1


@dataclass(frozen=True)
class _Duals:
    """Row duals regrouped by what a pair (m, r) touches."""

    cap: np.ndarray  # per member, <= 0
    review: np.ndarray  # hi[r] + lo[r]
    skill: np.ndarray  # (required skills x reviews): summed count-row duals
    away: np.ndarray  # per review: out-of-region count-row duals


def price(
    model: Model, duals: np.ndarray, threshold: float = -TOLERANCE, per_review: int | None = PER_REVIEW
) -> Priced:
    """Left-out eligible pairs with reduced cost below `threshold` (at most `per_review` per review)."""
    ix = model.ix
    y = _regroup(model, duals)
    codes = model_codes(model)
    found_m, found_r, negative = [], [], 0.0
    for lo in range(0, ix.n_reviews, BLOCK):
        hi = min(lo + BLOCK, ix.n_reviews)
        free = _without(ix, eligible_block(ix, lo, hi), lo, codes)
        d = _reduced_costs(ix, y, lo, hi)
        negative += float(np.sum(d, where=free & (d < 0)))  # every one, however small: the bound needs it
        wanted = free & (d < threshold)
        if wanted.any():
            rows, members = _cheapest(d, wanted, per_review)
            found_m.append(members)
            found_r.append(rows + lo)
    empty = np.zeros(0, np.int64)
    return Priced(np.concatenate([empty, *found_m]), np.concatenate([empty, *found_r]), negative)


def _regroup(model: Model, duals: np.ndarray) -> _Duals:
    ix, lay = model.ix, model.layout
    counts = ix.counts
    y_counts = duals[lay.count0 : lay.count0 + lay.n_counts]
    skill = np.zeros((len(ix.skills), ix.n_reviews))
    is_skill = counts.skill >= 0
    np.add.at(skill, (counts.skill[is_skill], counts.review[is_skill]), y_counts[is_skill])
    away = np.zeros(ix.n_reviews)
    np.add.at(away, counts.review[~is_skill], y_counts[~is_skill])
    review = duals[lay.hi0 : lay.hi0 + lay.n_reviews] + duals[lay.lo0 : lay.lo0 + lay.n_reviews]
    return _Duals(duals[: lay.n_members], review, skill, away)


def _reduced_costs(ix: Index, y: _Duals, lo: int, hi: int) -> np.ndarray:
    """d[r - lo, m] = -(duals of the rows pair (m, r) would enter), for zero-affinity pairs."""
    d = np.add.outer(y.review[lo:hi], y.cap)
    # Count-row duals are mostly zero (only binding rules carry one): add them skill by skill over the
    # holders instead of a dense (reviews x skills x members) product.
    for q in np.flatnonzero(y.skill[:, lo:hi].any(axis=1)):
        holders = ix.holders[q]
        d[:, holders] += y.skill[q, lo:hi][:, None]
    if y.away[lo:hi].any():
        d += (ix.member_region[None, :] != ix.review_region[lo:hi, None]) * y.away[lo:hi, None]
    np.negative(d, out=d)
    return d


def _without(ix: Index, mask: np.ndarray, lo: int, codes: np.ndarray) -> np.ndarray:
    """`mask` (a block from review lo) with the pairs in sorted `codes` switched off, in place."""
    hi = lo + mask.shape[0]
    a, b = np.searchsorted(codes, [lo * ix.n_members, hi * ix.n_members])
    inside = codes[a:b]
    mask[inside // ix.n_members - lo, inside % ix.n_members] = False
    return mask


def _cheapest(d: np.ndarray, wanted: np.ndarray, per_review: int | None) -> tuple[np.ndarray, np.ndarray]:
    """(block row, member) of the wanted entries, keeping the `per_review` smallest d in each row."""
    rows, members = np.nonzero(wanted)
    if per_review is None:
        return rows, members
    order = np.lexsort((d[rows, members], rows))
    rows, members = rows[order], members[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    keep = rank < per_review
    return rows[keep], members[keep]
