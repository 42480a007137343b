"""A second, test-local statement of the hard rules, so the solver is checked by more than `check.py`."""

from __future__ import annotations

from collections import Counter

from ..problem import Answer, Problem
from .brute import may_sit


def broken_always(problem: Problem, answer: Answer) -> list[str]:
    """Rules no answer may break, not even an infeasible one: who may sit, panel_max, max_panels."""
    members = {m.id: m for m in problem.members}
    broken = []
    load: Counter[str] = Counter()
    for review in problem.reviews:
        panel = answer.panels.get(review.id, ())
        if len(set(panel)) != len(panel) or len(panel) > review.panel_max:
            broken.append(f"{review.id}: panel {panel} repeats someone or exceeds panel_max")
        for member_id in panel:
            load[member_id] += 1
            if not may_sit(problem, members[member_id], review):
                broken.append(f"{review.id}: {member_id} may not sit")
    broken += [f"{m}: {n} panels" for m, n in load.items() if n > members[m].max_panels]
    return broken


def unmet(problem: Problem, answer: Answer) -> set[tuple[str, str]]:
    """(review, rule) for every counted rule or panel_min the answer leaves short."""
    members = {m.id: m for m in problem.members}
    short = set()
    for review in problem.reviews:
        panel = [members[m] for m in answer.panels.get(review.id, ())]
        if len(panel) < review.panel_min:
            short.add((review.id, "panel_min"))
        for q in review.requirements:
            if sum(q.skill in m.skills for m in panel) < q.min:
                short.add((review.id, q.skill))
        if sum(m.region != review.region for m in panel) < review.min_out_of_region:
            short.add((review.id, "out-of-region"))
    return short


def affinity(problem: Problem, answer: Answer) -> float:
    return sum(problem.affinity.get((m, r), 0.0) for r, panel in answer.panels.items() for m in panel)
