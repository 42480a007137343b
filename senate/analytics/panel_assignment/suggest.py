"""Loan suggestions: when a review lacks a skill, who from another region could fill the seat."""

from __future__ import annotations

from collections import Counter

from .problem import Answer, Member, Problem, ProblemError, Review


def out_of_region_suggestions(
    problem: Problem,
    review_id: str,
    skill: str,
    *,
    answer: Answer | None = None,
    limit: int | None = None,
) -> list[str]:
    """Member ids from outside the review's region who hold `skill` and may sit on it, best fit first.

    Excluded: conflicted or removed members, members of an affected organisation, and members with no
    capacity left (max_panels, less the panels they hold in `answer` other than this review's). Ranked by
    affinity for the review, then by spare capacity, then by id so the order is stable.
    """
    review = next((r for r in problem.reviews if r.id == review_id), None)
    if review is None:
        raise ProblemError([f"review_id: unknown review {review_id!r}"])
    on_panel = set(answer.panels.get(review_id, ())) if answer else set()
    elsewhere = _panels_elsewhere(answer, review_id)
    ranked = []
    for member in problem.members:
        spare = member.max_panels - elsewhere[member.id]
        if member.id in on_panel or spare <= 0 or not _could_loan(problem, member, review, skill):
            continue
        ranked.append((-problem.affinity.get((member.id, review_id), 0.0), -spare, member.id))
    return [member_id for _, _, member_id in sorted(ranked)[:limit]]


def _could_loan(problem: Problem, member: Member, review: Review, skill: str) -> bool:
    pair = (member.id, review.id)
    return (
        skill in member.skills
        and member.region != review.region
        and pair not in problem.conflicts
        and pair not in problem.removals
        and not set(member.organisations) & set(review.affected_organisations)
    )


def _panels_elsewhere(answer: Answer | None, review_id: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    if answer is not None:
        for other, panel in answer.panels.items():
            if other != review_id:
                counts.update(set(panel))
    return counts
