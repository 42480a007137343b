"""An independent checker of every hard rule, written plainly over the dataclasses.

It shares no code with the solver on purpose (no numpy, no index): a bug in the solver's model cannot
hide itself here. Used by the tests and by the benchmark's "unmet rules" column.
"""

from __future__ import annotations

import math
from collections import Counter

from .problem import Answer, Member, Problem, Review


def violations(problem: Problem, answer: Answer) -> list[str]:
    """One message per hard rule the answer breaks (an empty list means a feasible answer)."""
    members = {m.id: m for m in problem.members}
    reviews = {r.id: r for r in problem.reviews}
    found = [f"panels: unknown review {rid!r}" for rid in answer.panels if rid not in reviews]
    sits: Counter[str] = Counter()
    for review in problem.reviews:
        panel = answer.panels.get(review.id, ())
        found += _panel_violations(problem, review, panel, members)
        sits.update(m for m in set(panel) if m in members)
    for member_id, count in sorted(sits.items()):
        limit = members[member_id].max_panels
        if count > limit:
            found.append(f"{member_id}: sits on {count} panels, max_panels is {limit}")
    found += [
        f"{r}: pinned member {m} is not on the panel"
        for m, r in sorted(problem.pins)
        if m not in answer.panels.get(r, ())
    ]
    return found + _integrity(problem, answer)


def _panel_violations(
    problem: Problem, review: Review, panel: tuple[str, ...], members: dict[str, Member]
) -> list[str]:
    review_id = review.id
    found = [f"{review_id}: unknown member {m!r}" for m in panel if m not in members]
    found += [f"{review_id}: {m} appears twice" for m, n in Counter(panel).items() if n > 1]
    seated = [members[m] for m in dict.fromkeys(panel) if m in members]
    for member in seated:
        found += [f"{review_id}: {member.id} {why}" for why in _may_not_sit(problem, member, review)]
    if not review.panel_min <= len(seated) <= review.panel_max:
        found.append(f"{review_id}: panel size {len(seated)} outside {review.panel_min}..{review.panel_max}")
    for q in review.requirements:
        holders = sum(q.skill in m.skills for m in seated)
        if holders < q.min:
            found.append(f"{review_id}: {holders} of {q.min} {q.skill} required")
    away = sum(m.region != review.region for m in seated)
    if away < review.min_out_of_region:
        found.append(f"{review_id}: {away} of {review.min_out_of_region} out-of-region members required")
    return found


def _may_not_sit(problem: Problem, member: Member, review: Review) -> list[str]:
    pair = (member.id, review.id)
    reasons = []
    if pair in problem.conflicts:
        reasons.append("is conflicted")
    if pair in problem.removals:
        reasons.append("was removed")
    if set(member.organisations) & set(review.affected_organisations):
        reasons.append("works for an affected organisation")
    if review.out_of_region and member.region == review.region:
        reasons.append("is from the review's own region")
    return reasons


def _integrity(problem: Problem, answer: Answer) -> list[str]:
    """The answer's own numbers must agree with its panels: objective is their affinity, bound above it."""
    total = sum(problem.affinity.get((m, r), 0.0) for r, panel in answer.panels.items() for m in set(panel))
    found = []
    if not math.isclose(total, answer.objective, rel_tol=1e-6, abs_tol=1e-6):
        found.append(f"objective {answer.objective} is not the panels' total affinity {total}")
    if answer.bound < answer.objective - 1e-6:
        found.append(f"bound {answer.bound} is below the objective {answer.objective}")
    if (answer.status == "infeasible") != bool(answer.shortfalls):
        found.append(f"status {answer.status} does not match {len(answer.shortfalls)} shortfalls")
    return found
