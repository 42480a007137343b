"""Deciding an item at a meeting: only when quorate after recusals, with every declaration acted on
and someone able to chair it (chairing.py). Approving terms of reference or advice moves the request
on in reviews' lifecycle, done by whoever chaired the item. A report or letter is decided on as one
named version: approved, that version is signed off; approved with changes, it waits for a new
version and the named person's confirmation (ratification.py); referred back, the required changes
go on the request's timeline."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.council import approval, notices, quorum
from senate.council.chairing import ItemChair, chair_blocker, item_chair
from senate.council.declarations import members_attending, present_among, recused
from senate.council.models import AgendaItem, Attendance, Decision, Meeting, QuorumRule
from senate.council.standing import READY, MeetingRefused, council_members
from senate.interests.restrictions import Restrictions, restrictions_by_profile, restrictions_by_request
from senate.organisations.models import Senate
from senate.reports import signoff
from senate.reports.models import AccuracyComment, ReportDraft
from senate.reviews import lifecycle, terms
from senate.reviews.models import Request, RequestEvent
from senate.reviews.permission_names import ReviewsPermission

RATIFYING = (AgendaItem.Kind.RATIFY_REPORT, AgendaItem.Kind.APPROVE_ADVICE)
# Approved with changes, these wait for a new version and the named person's confirmation.
CONFIRMED_KINDS = (*RATIFYING, AgendaItem.Kind.APPROVE_TERMS)
ACT_FOR: dict[str, str] = {
    AgendaItem.Kind.APPROVE_TERMS: "approve_terms",
    AgendaItem.Kind.RATIFY_REPORT: "approve_advice",
    AgendaItem.Kind.APPROVE_ADVICE: "approve_advice",
}


def rule_for(senate: Senate) -> quorum.Rule:
    return quorum.Rule.of(QuorumRule.objects.filter(senate=senate).first())


@dataclass(frozen=True)
class Sitting:
    """What every item of one meeting is judged against: the members present, the size of the
    Council on the day and the Senate's quorum rule. Read once for a page that shows every item."""

    present: list[Attendance]
    council_size: int
    rule: quorum.Rule
    # Standing restrictions of the members present, by request then profile, for the items given.
    restrictions: dict[int, dict[int, Restrictions]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, meeting: Meeting, *, attendance: list[Attendance] | None = None, items: Sequence[AgendaItem] = ()
    ) -> "Sitting":
        """`attendance`: the meeting's whole attendance list with profiles, when already read;
        `items`: the items to be judged, whose requests' restrictions are read in one query."""
        present = members_attending(meeting) if attendance is None else present_among(attendance)
        size = council_members(meeting.senate, meeting.date).count()
        requests = {i.request_id for i in items if i.request_id and i.needs_decision}
        restrictions = (
            restrictions_by_request(requests, [a.profile_id for a in present if a.profile_id]) if requests else {}
        )
        return cls(present=present, council_size=size, rule=rule_for(meeting.senate), restrictions=restrictions)


def verdict(item: AgendaItem, *, sitting: Sitting | None = None) -> quorum.Verdict:
    """Quorate counting only the members who may vote: not those recused, nor those a standing
    restriction keeps from voting on it."""
    sitting = sitting or Sitting.of(item.meeting)
    return quorum.check(
        rule=sitting.rule,
        council_size=sitting.council_size,
        present=[quorum.Seat(key=a.pk, role=a.role) for a in sitting.present],
        recused=recused(item)
        | {
            a.pk
            for a in restricted_voters(
                item, present=sitting.present, found=sitting.restrictions.get(item.request_id or 0)
            )
        },
        acting_chair=item.acting_chair_id,
    )


def restricted_voters(
    item: AgendaItem, *, present: list[Attendance] | None = None, found: dict[int, Restrictions] | None = None
) -> dict[Attendance, str]:
    """Members present and not recused whom the Senate team's standing decision on their conflicts
    keeps from voting on this item, each with the reason: excluded from the review, or (ratifying a
    report or advice, which carries the recommendations) restricted from the recommendations."""
    if item.request_id is None or not item.needs_decision:
        return {}
    out = recused(item)
    attending = members_attending(item.meeting) if present is None else present
    present = [a for a in attending if a.profile_id and a.pk not in out]
    if found is None:
        request = item.request  # never None here (its id is set): checked so mypy knows
        found = restrictions_by_profile(request, [a.profile_id for a in present if a.profile_id]) if request else {}
    reasons = {}
    for attendee in present:
        standing = found.get(attendee.profile_id or 0)
        if standing is None:
            continue
        if standing.excluded:
            reasons[attendee] = "Excluded from this review because of a conflict of interest"
        elif standing.recommendations and item.kind in RATIFYING:
            reasons[attendee] = "May not agree or vote on the recommendations"
    return reasons


def versions_for(item: AgendaItem) -> list[ReportDraft]:
    """The versions of the report or letter the Council may decide on, latest first."""
    if item.kind not in RATIFYING or item.request is None:
        return []
    return list(item.request.report_drafts.order_by("-version"))


def version_refused(item: AgendaItem, version: ReportDraft | None) -> str | None:
    """The Council decides on one version, and one that carries every accepted correction."""
    if item.kind not in RATIFYING:
        return None
    if version is None or version.request_id != item.request_id:
        return "Choose the version of the report the Council is deciding on."
    written = timezone.localtime(version.created_at).date()
    if written > item.meeting.date:
        return (
            f"v{version.version} was written on {written:%-d %B %Y}, after the {item.meeting}: the Council "
            "can only have decided on a version that existed at the meeting."
        )
    comments = AccuracyComment.objects.filter(round__request=item.request_id)
    latest = comments.aggregate(n=Max("corrected_in__version"))["n"] or 0
    if version.version < latest:
        return f"v{version.version} does not carry the factual-accuracy corrections made in v{latest}."
    return None


def terms_written_after(item: AgendaItem) -> str | None:
    """Terms approved at a meeting are the version that existed then, never one written afterwards."""
    found = terms.current(item.request) if item.request else None
    if found is None:
        return None
    written = timezone.localtime(found.created_at).date()
    if written <= item.meeting.date:
        return None
    return (
        f"The terms of reference v{found.version} were written on {written:%-d %B %Y}, after the {item.meeting}: "
        "put them to a later meeting."
    )


def blockers(item: AgendaItem, *, sitting: Sitting | None = None) -> list[str]:
    """Everything that stops the item being decided now, in words the secretary can act on
    (`sitting`: the meeting's, when the page has read it already)."""
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
    undecided = any(not d.action for d in item.declarations.all())
    if undecided:
        found.append("Record the chair's action on every declaration for this item.")
    if meeting.chair is None or not meeting.chair.has_perm(ReviewsPermission.APPROVE, item.request):
        found.append("The meeting's chair must be the Senate Chair or Vice-chair to approve advice.")
    if item.kind == AgendaItem.Kind.APPROVE_TERMS and (late := terms_written_after(item)):
        found.append(late)
    if item.request and (awaiting := awaiting_changes(item.request)):
        found.append(awaiting)
    if not undecided and (no_chair := chair_blocker(item)):
        found.append(no_chair)
    return found + [f"Not quorate: {reason}" for reason in verdict(item, sitting=sitting).reasons]


def decide_item(
    item: AgendaItem,
    *,
    outcome: str,
    changes: str,
    method: str,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    version: ReportDraft | None = None,
    confirmer: User | None = None,
    by: User,
) -> Decision:
    """Record the decision and take its effect on the request, or raise MeetingRefused. A report or
    letter needs the `version` decided on; approving it with changes needs the `confirmer`, a member
    present, who will confirm that a new version makes them."""
    found = blockers(item)
    if found:
        raise MeetingRefused(" ".join(found))
    if outcome != Decision.Outcome.APPROVED and not changes.strip():
        raise MeetingRefused("List the changes the Council requires.")
    if refused := version_refused(item, version):
        raise MeetingRefused(refused)
    with_changes = outcome == Decision.Outcome.APPROVED_WITH_CHANGES and item.kind in CONFIRMED_KINDS
    present = {a.profile.user_id for a in members_attending(item.meeting) if a.profile}
    if with_changes and (confirmer is None or confirmer.pk not in present):
        raise MeetingRefused("Name the member present who will confirm that a new version makes the changes.")
    out = recused(item)
    restricted = restricted_voters(item)
    voters = len(members_attending(item.meeting)) - len(out) - len(restricted)
    if method == Decision.Method.VOTE and votes_for + votes_against + abstentions > voters:
        why = "; ".join(f"{a.name} may not vote ({reason.lower()})" for a, reason in restricted.items())
        raise MeetingRefused(f"Only {voters} members may vote on this item." + (f" {why}." if why else ""))
    if method == Decision.Method.VOTE and outcome != Decision.Outcome.REFERRED_BACK and votes_for <= votes_against:
        raise MeetingRefused("The vote did not carry: more must vote for than against to approve.")
    label = f"{item.meeting}, item {item.number}"
    chair = item_chair(item)
    assert chair is not None  # blockers() said so otherwise
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
            report_version=version if item.kind in RATIFYING else None,
            terms_version=terms.current(item.request)
            if item.kind == AgendaItem.Kind.APPROVE_TERMS and item.request
            else None,
            chaired_by=chair.user,
            chaired_as=chair.chaired_as[:200],
            confirmer=confirmer if with_changes else None,
            recorded_by=by,
        )
        _take_effect(item, decision, label, chair, by)
        if decision.confirmer_id:
            notices.changes_to_confirm(decision)
        audit.record(
            "council.item_decided",
            decision,
            by=by,
            senate=item.meeting.senate,
            summary=f"{label}: {decision.get_outcome_display()}"
            + (f" (v{version.version})" if version and decision.report_version else "")
            + f", chaired by {chair}",
        )
    return decision


def _take_effect(item: AgendaItem, decision: Decision, label: str, chair: ItemChair, by: User) -> None:
    request = item.request
    if request is None:
        return
    version = decision.report_version
    decided = decision.decided_version
    if decision.outcome == Decision.Outcome.APPROVED_WITH_CHANGES and decided is not None and decision.confirmer:
        until = "the terms of reference are approved" if decision.terms_version else "the advice is issued"
        RequestEvent.objects.create(
            request=request, by=by, action="council_approved_with_changes", from_stage=request.stage,
            to_stage=request.stage,
            reason=f"Approved v{decided.version} with changes at the {label}. Changes: {decision.changes}. "
            f"{decision.confirmer} confirms that a new version makes them before {until}.",
        )  # fmt: skip
    elif decision.approves:
        reason = f"{decision.get_outcome_display()} at the {label}, chaired by {chair}"
        if version is not None:
            reason += f". Version ratified: v{version.version}"
            signoff.sign_off(version, ratified_at=label, ratified_on=item.meeting.date, chaired_by=chair.user, by=by)
        if decision.changes:
            reason += f". Changes: {decision.changes}"
        approve_as_chair(ACT_FOR[item.kind], item, chair.user, chair.chaired_as, reason=reason, label=label)
    else:
        RequestEvent.objects.create(
            request=request,
            by=by,
            action="council_referred_back",
            from_stage=request.stage,
            to_stage=request.stage,
            reason=f"Referred back at the {label}. Changes required: {decision.changes}",
        )


def approve_as_chair(
    act: str, item: AgendaItem, chair: User | None, chaired_as: str, *, reason: str, label: str
) -> None:
    """Take the approving act on the item's request as the person who chaired the item."""
    with approval.deciding(label, chair=chair, request=item.request, chaired_as=chaired_as):
        try:
            lifecycle.perform(act, item.request, by=chair, reason=reason)  # type: ignore[arg-type]
        except lifecycle.TransitionRefused as refused:
            raise MeetingRefused(str(refused)) from refused


def awaiting_changes(request: Request) -> str | None:
    """A decision approving with changes that no one has yet confirmed, in words; or None."""
    waiting = (
        Decision.objects.filter(
            item__request=request, outcome=Decision.Outcome.APPROVED_WITH_CHANGES, item__kind__in=CONFIRMED_KINDS
        )
        .filter(confirmation__isnull=True, confirmer__isnull=False)
        .select_related("item__meeting", "confirmer", "report_version", "terms_version")
        .first()
    )
    if waiting is None:
        return None
    decided = waiting.decided_version
    return (
        f"The Council approved {'the terms of reference ' if waiting.terms_version_id else ''}"
        f"v{decided.version if decided else '?'} with changes "
        f"at the {waiting.item.meeting}: {waiting.confirmer} must confirm that a new version makes them."
    )
