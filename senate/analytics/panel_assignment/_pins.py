"""Pins (API only): which can be honoured, and plain reasons for those that cannot.

A pin that breaks a hard rule is not dropped silently: it becomes a Shortfall (skill "pin") and the
answer is marked infeasible. Pins that can be honoured are fixed to 1 in the model, and after the
capacity checks here they never make the model itself infeasible.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ._index import Index, eligible_pairs
from .problem import PIN, Pair, Shortfall


def resolve_pins(ix: Index) -> tuple[np.ndarray, np.ndarray, list[Shortfall]]:
    """(members, reviews) of the pins kept, and a shortfall for every pin refused."""
    problem = ix.problem
    pins = sorted(problem.pins, key=lambda p: (ix.review_at[p[1]], ix.member_at[p[0]]))
    shortfalls = []
    kept: list[Pair] = []
    for pair in pins:
        reason = sit_refusal(ix, *pair)
        if reason:
            shortfalls.append(_pin_shortfall(pair, reason))
        else:
            kept.append(pair)
    kept, refused = _within_capacity(ix, kept)
    shortfalls += refused
    m = np.array([ix.member_at[p[0]] for p in kept], dtype=np.int64)
    r = np.array([ix.review_at[p[1]] for p in kept], dtype=np.int64)
    return m, r, shortfalls


def sit_refusal(ix: Index, member_id: str, review_id: str) -> str:
    """Why the member may not sit on the review, or "" if they may."""
    problem = ix.problem
    member = problem.members[ix.member_at[member_id]]
    review = problem.reviews[ix.review_at[review_id]]
    pair = (member_id, review_id)
    shared = sorted(set(member.organisations) & set(review.affected_organisations))
    if pair in problem.conflicts:
        return "the member has declared a conflict with it"
    if pair in problem.removals:
        return "the member has been removed from it"
    if shared:
        return f"the member works for affected organisation {', '.join(shared)}"
    if review.out_of_region and member.region == review.region:
        return f"the review needs members from outside {review.region}, the member's own region"
    if member.max_panels <= 0:
        return "the member is unavailable (max_panels 0)"
    m, r = np.array([ix.member_at[member_id]]), np.array([ix.review_at[review_id]])
    assert eligible_pairs(ix, m, r)[0], "sit_refusal and eligible_pairs disagree"
    return ""


def _within_capacity(ix: Index, pins: list[Pair]) -> tuple[list[Pair], list[Shortfall]]:
    # Pins are taken in review order, then member order, so which pin gives way is predictable.
    per_member: dict[str, int] = defaultdict(int)
    per_review: dict[str, int] = defaultdict(int)
    kept, refused = [], []
    for member_id, review_id in pins:
        member = ix.problem.members[ix.member_at[member_id]]
        review = ix.problem.reviews[ix.review_at[review_id]]
        if per_member[member_id] >= member.max_panels:
            reason = f"the member is pinned to more reviews than max_panels {member.max_panels}"
        elif per_review[review_id] >= review.panel_max:
            reason = f"the review has more pins than panel_max {review.panel_max}"
        else:
            per_member[member_id] += 1
            per_review[review_id] += 1
            kept.append((member_id, review_id))
            continue
        refused.append(_pin_shortfall((member_id, review_id), reason))
    return kept, refused


def _pin_shortfall(pair: Pair, reason: str) -> Shortfall:
    member_id, review_id = pair
    why = f"{member_id} is pinned to {review_id} but cannot sit on it: {reason}"
    return Shortfall(review=review_id, skill=PIN, needed=1, found=0, why=why)
