"""Deciding an item at a meeting: only when quorate after recusals, with every declaration acted on.
Approving terms of reference or advice moves the request on in reviews' lifecycle, done by the
meeting's chair; referring back puts the required changes on the request's timeline."""

from typing import Any

from django.db import transaction

from senate.core import audit
from senate.council import approval, quorum
from senate.council.declarations import members_attending, recused
from senate.council.meetings import READY, MeetingRefused, council_members
from senate.council.models import AgendaItem, Decision, QuorumRule
from senate.reviews import lifecycle
from senate.reviews.models import RequestEvent
from senate.reviews.permissions import ReviewsPermission

ACT_FOR: dict[str, str] = {
    AgendaItem.Kind.APPROVE_TERMS: "approve_terms",
    AgendaItem.Kind.RATIFY_REPORT: "approve_advice",
    AgendaItem.Kind.APPROVE_ADVICE: "approve_advice",
}


def rule_for(senate: Any) -> quorum.Rule:
    return quorum.Rule.of(QuorumRule.objects.filter(senate=senate).first())


def verdict(item: AgendaItem) -> quorum.Verdict:
    meeting = item.meeting
    seats = [quorum.Seat(key=a.pk, role=a.role) for a in members_attending(meeting)]
    size = council_members(meeting.senate, meeting.date).count()
    return quorum.check(rule=rule_for(meeting.senate), council_size=size, present=seats, recused=recused(item))


def blockers(item: AgendaItem) -> list[str]:
    """Everything that stops the item being decided now, in words the secretary can act on."""
    meeting = item.meeting
    if not item.needs_decision:
        return ["This item is for noting; there is nothing to decide."]
    if hasattr(item, "decision"):
        return ["This item has been decided."]
    if not meeting.started_at:
        return ["Start the meeting and take declarations first."]
    found = []
    if item.request and item.request.stage not in READY[item.kind]:
        found.append(f"{item.request.reference} is now ‘{item.request.get_stage_display()}’.")
    if any(not d.action for d in item.declarations.all()):
        found.append("Record the chair's action on every declaration for this item.")
    if meeting.chair is None or not meeting.chair.has_perm(ReviewsPermission.APPROVE, item.request):
        found.append("The meeting's chair must be the Senate Chair or Vice-chair to approve advice.")
    return found + [f"Not quorate: {reason}" for reason in verdict(item).reasons]


def decide_item(
    item: AgendaItem,
    *,
    outcome: str,
    changes: str,
    method: str,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    by: Any,
) -> Decision:
    """Record the decision and take its effect on the request, or raise MeetingRefused."""
    found = blockers(item)
    if found:
        raise MeetingRefused(" ".join(found))
    if outcome != Decision.Outcome.APPROVED and not changes.strip():
        raise MeetingRefused("List the changes the Council requires.")
    out = recused(item)
    voters = len(members_attending(item.meeting)) - len(out)
    if method == Decision.Method.VOTE and votes_for + votes_against + abstentions > voters:
        raise MeetingRefused(f"Only {voters} members may vote on this item.")
    if method == Decision.Method.VOTE and outcome != Decision.Outcome.REFERRED_BACK and votes_for <= votes_against:
        raise MeetingRefused("The vote did not carry: more must vote for than against to approve.")
    label = f"{item.meeting}, item {item.number}"
    with transaction.atomic():
        decision = Decision.objects.create(
            item=item,
            outcome=outcome,
            changes=changes,
            method=method,
            votes_for=votes_for if method == Decision.Method.VOTE else 0,
            votes_against=votes_against if method == Decision.Method.VOTE else 0,
            abstentions=abstentions if method == Decision.Method.VOTE else 0,
            recused=len(out),
            recorded_by=by,
        )
        _take_effect(item, decision, label, by)
        audit.record(
            "council.item_decided",
            decision,
            by=by,
            senate=item.meeting.senate,
            summary=f"{label}: {decision.get_outcome_display()}",
        )
    return decision


def _take_effect(item: AgendaItem, decision: Decision, label: str, by: Any) -> None:
    request = item.request
    if request is None:
        return
    if decision.approves:
        reason = f"{decision.get_outcome_display()} at the {label}"
        if decision.changes:
            reason += f". Changes: {decision.changes}"
        with approval.deciding(label):
            try:
                lifecycle.perform(ACT_FOR[item.kind], request, by=item.meeting.chair, reason=reason)
            except lifecycle.TransitionRefused as refused:
                raise MeetingRefused(str(refused)) from refused
    else:
        RequestEvent.objects.create(
            request=request,
            by=by,
            action="council_referred_back",
            from_stage=request.stage,
            to_stage=request.stage,
            reason=f"Referred back at the {label}. Changes required: {decision.changes}",
        )
