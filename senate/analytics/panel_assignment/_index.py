"""A problem compiled to integer codes and numpy arrays, and the may-sit rules evaluated on them.

Everything that must scale to 20,000 members x 500 reviews goes through here: the rules are evaluated for a
block of reviews at a time as a dense (members x block) mask, so memory stays at a few megabytes whatever
the problem size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .problem import Problem

BLOCK = 64
"""Reviews per dense block: 20,000 members x 64 reviews is ~1.3M cells, a few MB per array."""


@dataclass(frozen=True)
class CountRows:
    """The counted rules ("at least k members who ..."), grouped by review like a CSR matrix.

    `skill[k]` indexes `Index.skills`, or is -1 for an API `min_out_of_region` rule.
    """

    review: np.ndarray
    skill: np.ndarray
    min: np.ndarray
    ptr: np.ndarray  # rows of review r are ptr[r]:ptr[r+1]


@dataclass(frozen=True)
class Index:
    problem: Problem
    member_ids: list[str]
    review_ids: list[str]
    member_at: dict[str, int]
    review_at: dict[str, int]
    member_region: np.ndarray
    review_region: np.ndarray
    max_panels: np.ndarray
    skills: list[str]
    holds: np.ndarray  # bool (members x required skills)
    member_orgs: sp.csr_matrix  # (members x affected organisations)
    holders: list[np.ndarray]  # per required skill, the members holding it
    review_orgs: sp.csr_matrix  # (reviews x affected organisations)
    panel_min: np.ndarray
    panel_max: np.ndarray
    out_of_region: np.ndarray
    counts: CountRows
    blocked: np.ndarray  # sorted codes r * n_members + m of conflicts and removals
    aff_m: np.ndarray
    aff_r: np.ndarray
    aff_a: np.ndarray  # positive affinities only, sorted by pair code
    blocks: dict[int, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    """Cache of `eligible_block` results: pricing revisits every block each round. One byte per pair
    (10 MB at 20,000 x 500), far cheaper than recomputing the organisation products each time."""

    @property
    def n_members(self) -> int:
        return len(self.member_ids)

    @property
    def n_reviews(self) -> int:
        return len(self.review_ids)


def build_index(problem: Problem) -> Index:
    members, reviews = problem.members, problem.reviews
    member_at = {m.id: i for i, m in enumerate(members)}
    review_at = {r.id: i for i, r in enumerate(reviews)}
    regions = _codes([m.region for m in members] + [r.region for r in reviews])
    skills = sorted({q.skill for r in reviews for q in r.requirements if q.min > 0})
    orgs = sorted({o for r in reviews for o in r.affected_organisations})
    aff_m, aff_r, aff_a = _affinity_arrays(problem, member_at, review_at)
    holds = _incidence([m.skills for m in members], skills).toarray().astype(bool)
    return Index(
        problem=problem,
        member_ids=[m.id for m in members],
        review_ids=[r.id for r in reviews],
        member_at=member_at,
        review_at=review_at,
        member_region=regions[: len(members)],
        review_region=regions[len(members) :],
        max_panels=np.array([m.max_panels for m in members], dtype=np.int64),
        skills=skills,
        holds=holds,
        holders=[np.flatnonzero(column) for column in holds.T],
        member_orgs=_incidence([m.organisations for m in members], orgs),
        review_orgs=_incidence([r.affected_organisations for r in reviews], orgs),
        panel_min=np.array([r.panel_min for r in reviews], dtype=np.int64),
        panel_max=np.array([r.panel_max for r in reviews], dtype=np.int64),
        out_of_region=np.array([r.out_of_region for r in reviews], dtype=bool),
        counts=_count_rows(problem, skills),
        blocked=_pair_codes(problem.blocked_pairs(), member_at, review_at, len(members)),
        aff_m=aff_m,
        aff_r=aff_r,
        aff_a=aff_a,
    )


def eligible_block(ix: Index, lo: int, hi: int) -> np.ndarray:
    """may-sit mask (reviews lo..hi-1 x members): rules 1-3 plus max_panels > 0. A fresh copy.

    Review-major so that each review's row is contiguous for the per-review selections done on it.
    """
    if lo % BLOCK == 0 and hi == min(lo + BLOCK, ix.n_reviews):
        if lo not in ix.blocks:
            ix.blocks[lo] = _eligible(ix, lo, hi)
        return ix.blocks[lo].copy()
    return _eligible(ix, lo, hi)


def _eligible(ix: Index, lo: int, hi: int) -> np.ndarray:
    n = ix.n_members
    ok = np.repeat((ix.max_panels > 0)[None, :], hi - lo, axis=0)
    if ix.member_orgs.shape[1]:
        shared = ix.review_orgs[lo:hi] @ ix.member_orgs.T
        ok[shared.nonzero()] = False
    oor = np.flatnonzero(ix.out_of_region[lo:hi])
    if len(oor):
        ok[oor] &= ix.member_region[None, :] != ix.review_region[lo + oor][:, None]
    a, b = np.searchsorted(ix.blocked, [lo * n, hi * n])
    codes = ix.blocked[a:b]
    ok[codes // n - lo, codes % n] = False
    return ok


def eligible_pairs(ix: Index, m: np.ndarray, r: np.ndarray) -> np.ndarray:
    """may-sit flags for explicit (member, review) index pairs, without building any block."""
    ok = ix.max_panels[m] > 0
    if len(m) and ix.member_orgs.shape[1]:
        shared = ix.member_orgs[m].multiply(ix.review_orgs[r]).sum(axis=1)
        ok &= np.asarray(shared).ravel() == 0
    ok &= ~(ix.out_of_region[r] & (ix.member_region[m] == ix.review_region[r]))
    ok &= ~np.isin(r.astype(np.int64) * ix.n_members + m, ix.blocked)
    return ok


def qualifies(ix: Index, m: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Whether member m counts towards count row k (holds the skill, or is from another region)."""
    skill = ix.counts.skill[k]
    review = ix.counts.review[k]
    holds = ix.holds[m, np.maximum(skill, 0)] if ix.holds.shape[1] else np.zeros(len(m), bool)
    away = ix.member_region[m] != ix.review_region[review]
    return np.where(skill >= 0, holds, away)


def top_affinity_total(ix: Index) -> float:
    """An upper bound on the total affinity of any answer: each review's panel_max best eligible pairs."""
    ok = eligible_pairs(ix, ix.aff_m, ix.aff_r)
    r, a = ix.aff_r[ok], ix.aff_a[ok]
    order = np.lexsort((-a, r))
    r, a = r[order], a[order]
    first = np.searchsorted(r, r)  # position of the first pair of the same review
    rank = np.arange(len(r)) - first
    return float(a[rank < ix.panel_max[r]].sum())


def pair_codes(ix: Index, m: np.ndarray, r: np.ndarray) -> np.ndarray:
    """One int64 per pair, ordered review-major so a block of reviews is a contiguous code range."""
    return r.astype(np.int64) * ix.n_members + m


def affinity_of(ix: Index, m: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Affinity of each pair (0 where absent)."""
    codes = pair_codes(ix, ix.aff_m, ix.aff_r)
    wanted = pair_codes(ix, m, r)
    values = np.zeros(len(wanted))
    if len(codes):
        at = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
        hit = codes[at] == wanted
        values[hit] = ix.aff_a[at[hit]]
    return values


def _codes(values: list[str]) -> np.ndarray:
    lookup: dict[str, int] = {}
    return np.array([lookup.setdefault(v, len(lookup)) for v in values], dtype=np.int64)


def _incidence(rows: list[tuple[str, ...]], vocabulary: list[str]) -> sp.csr_matrix:
    at = {v: j for j, v in enumerate(vocabulary)}
    pairs = [(i, at[v]) for i, row in enumerate(rows) for v in set(row) if v in at]
    i, j = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    data = np.ones(len(i), dtype=np.float32)
    return sp.csr_matrix((data, (i, j)), shape=(len(rows), len(vocabulary)))


def _count_rows(problem: Problem, skills: list[str]) -> CountRows:
    at = {s: j for j, s in enumerate(skills)}
    review, skill, need, ptr = [], [], [], [0]
    for r, rev in enumerate(problem.reviews):
        for q in rev.requirements:
            if q.min > 0:
                review.append(r)
                skill.append(at[q.skill])
                need.append(q.min)
        # Kept even when rule 3 applies: an out_of_region panel smaller than the count still fails it.
        if rev.min_out_of_region > 0:
            review.append(r)
            skill.append(-1)
            need.append(rev.min_out_of_region)
        ptr.append(len(review))
    as_int = np.int64
    return CountRows(np.array(review, as_int), np.array(skill, as_int), np.array(need, as_int), np.array(ptr, as_int))


def _pair_codes(
    pairs: frozenset[tuple[str, str]], member_at: dict[str, int], review_at: dict[str, int], n: int
) -> np.ndarray:
    codes = [review_at[r] * n + member_at[m] for m, r in pairs if m in member_at and r in review_at]
    return np.unique(np.array(codes, dtype=np.int64))


def _affinity_arrays(
    problem: Problem, member_at: dict[str, int], review_at: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positive affinities as arrays sorted by pair code (review-major)."""
    n = len(problem.affinity)
    pairs = problem.affinity.keys()
    m = np.fromiter((member_at[p[0]] for p in pairs), dtype=np.int64, count=n)
    r = np.fromiter((review_at[p[1]] for p in pairs), dtype=np.int64, count=n)
    a = np.fromiter(problem.affinity.values(), dtype=np.float64, count=n)
    keep = a > 0
    m, r, a = m[keep], r[keep], a[keep]
    order = np.lexsort((m, r))
    return m[order], r[order], a[order]
