"""Exhaustive reference answers for tiny problems, written independently of the solver."""

from __future__ import annotations

from itertools import combinations

from ..problem import Member, Problem, Review


def may_sit(problem: Problem, member: Member, review: Review) -> bool:
    """The three may-sit rules plus removals and availability, straight from the format's wording."""
    pair = (member.id, review.id)
    return (
        pair not in problem.conflicts
        and pair not in problem.removals
        and not set(member.organisations) & set(review.affected_organisations)
        and not (review.out_of_region and member.region == review.region)
        and member.max_panels > 0
    )


def unfilled(problem: Problem, review: Review, panel: tuple[Member, ...]) -> int:
    """The documented definition: members missing below panel_min plus holders missing per rule."""
    missing = sum(max(q.min - sum(q.skill in m.skills for m in panel), 0) for q in review.requirements)
    away = sum(m.region != review.region for m in panel)
    missing += max(review.min_out_of_region - away, 0)
    return max(review.panel_min - len(panel), 0) + missing


def best(problem: Problem) -> tuple[int, float]:
    """(fewest unfilled seats, then most affinity) over every assignment, by DP over member usage."""
    members = problem.members
    states: dict[tuple[int, ...], tuple[int, float]] = {tuple(0 for _ in members): (0, 0.0)}
    for review in problem.reviews:
        options = _panels(problem, review)
        nxt: dict[tuple[int, ...], tuple[int, float]] = {}
        for used, (seats, score) in states.items():
            for chosen, cost, gain in options:
                new = list(used)
                for i in chosen:
                    new[i] += 1
                if any(new[i] > members[i].max_panels for i in chosen):
                    continue
                key, value = tuple(new), (seats + cost, score + gain)
                old = nxt.get(key)
                if old is None or (value[0], -value[1]) < (old[0], -old[1]):
                    nxt[key] = value
        states = nxt
    return min(states.values(), key=lambda v: (v[0], -v[1]))


def _panels(problem: Problem, review: Review) -> list[tuple[tuple[int, ...], int, float]]:
    able = [i for i, m in enumerate(problem.members) if may_sit(problem, m, review)]
    found = []
    for size in range(min(review.panel_max, len(able)) + 1):
        for chosen in combinations(able, size):
            panel = tuple(problem.members[i] for i in chosen)
            gain = sum(problem.affinity.get((m.id, review.id), 0.0) for m in panel)
            found.append((chosen, unfilled(problem, review, panel), gain))
    return found
