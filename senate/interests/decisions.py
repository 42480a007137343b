"""Decisions on screened conflicts, dismissed suggestions, and whether a member may be invited to a
review's panel. A decision covers one or more conflicts; a later decision on a conflict supersedes an
earlier one, and both are kept. An exclusion stands until a later decision on that conflict."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit, registry
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.due import declaration_refusal
from senate.interests.facts import AdviceRequest, facts_for_request
from senate.interests.models import ConflictDecision, ConflictDismissal, ConflictPolicy, Outcome
from senate.interests.restrictions import (
    CRITERIA,
    ITEMS,
    NOTHING_RESTRICTED,
    Restrictions,
    combine,
    describe,
    tier_choices,
)
from senate.interests.screening import Conflict, ScreeningPolicy, Severity, screen, screen_many
from senate.members.models import MemberProfile


class ConflictRefused(ValueError):
    """The decision or dismissal cannot be recorded; the message says why."""


class InvitationRefused(Exception):
    """The member cannot be invited to this review's panel; the message says why."""


# An evidence item or criterion a restriction names: the record, or its id as a form gives it.
Chosen = Model | int | str


@dataclass
class ConflictState:
    conflict: Conflict
    decision: ConflictDecision | None = None
    dismissal: ConflictDismissal | None = None

    @property
    def settled(self) -> bool:
        return self.decision is not None or self.dismissal is not None


@dataclass
class MemberScreening:
    """One member against one request: the conflicts found now, and what the Senate team decided."""

    profile: MemberProfile
    states: list[ConflictState]
    decisions: list[ConflictDecision] = field(default_factory=list)
    dismissals: list[ConflictDismissal] = field(default_factory=list)

    @property
    def standing(self) -> dict[str, ConflictDecision]:
        """The latest decision on every conflict ever decided, screened now or not."""
        return latest_decisions(self.decisions)

    @property
    def exclusion(self) -> ConflictDecision | None:
        return next((d for d in self.standing.values() if d.outcome == Outcome.EXCLUDE), None)

    @property
    def restricted(self) -> Restrictions:
        return combine(self.decisions)

    @property
    def restrictions(self) -> list[str]:
        """The standing restrictions in words (none while excluded: the exclusion says it all)."""
        restricted = self.restricted
        return [] if restricted.excluded else describe(restricted)

    @property
    def open(self) -> list[ConflictState]:
        return [s for s in self.states if not s.settled]

    @property
    def summary(self) -> str:
        return summary_of(self.states, self.decisions)


def summary_of(states: list[ConflictState], decisions: list[ConflictDecision]) -> str:
    """Where a member stands on a request, in a few words, from the conflicts found and the decisions
    alone: the screening list shows it for every member without reading their profiles."""
    if any(d.outcome == Outcome.EXCLUDE for d in latest_decisions(decisions).values()):
        return "Excluded"
    if any(not s.settled for s in states):
        return "Needs a decision"
    if combine(decisions):
        return "Taking part with restrictions"
    return "Decided" if states else "No conflicts found"


def latest_decisions(decisions: list[ConflictDecision]) -> dict[str, ConflictDecision]:
    """The latest of `decisions` (one member's, oldest first) on every conflict they cover."""
    latest: dict[str, ConflictDecision] = {}
    for decision in decisions:
        latest.update(dict.fromkeys(decision.keys, decision))
    return latest


def conflicts_for(profile: MemberProfile, request: AdviceRequest) -> list[Conflict]:
    return screen(profile, facts_for_request(request), rules=ScreeningPolicy.of(conflict_policy_for(request.senate)))


def screening_for(
    profile: MemberProfile, request: AdviceRequest, *, conflicts: list[Conflict] | None = None
) -> MemberScreening:
    conflicts = conflicts if conflicts is not None else conflicts_for(profile, request)
    return screenings_for(request, [profile], {profile.pk: conflicts})[profile.pk]


def screenings_for(
    request: AdviceRequest, profiles: list[MemberProfile], conflicts: dict[int, list[Conflict]]
) -> dict[int, MemberScreening]:
    """Many members' screenings for one request, in two queries whatever the number of members
    (`settled_for`)."""
    decisions, dismissals = settled_for(request, profiles)
    found = {p.pk: MemberScreening(p, []) for p in profiles}
    for decision in decisions:
        found[decision.profile_id].decisions.append(decision)
    for dismissal in dismissals:
        found[dismissal.profile_id].dismissals.append(dismissal)
    for pk, screening in found.items():
        standing, dismissed = screening.standing, {d.key: d for d in screening.dismissals}
        screening.states = [ConflictState(c, standing.get(c.key), dismissed.get(c.key)) for c in conflicts.get(pk, [])]
    return found


def settled_for(
    request: AdviceRequest, profiles: Iterable[MemberProfile] | QuerySet[Any, Any]
) -> tuple[list[ConflictDecision], list[ConflictDismissal]]:
    """The request's decisions (oldest first) and dismissals for these members: profiles, or a query
    of their ids (asked as a subquery, so a long list is not sent as parameters)."""
    decisions = ConflictDecision.objects.filter(request_id=request.pk, profile__in=profiles).select_related("by")
    dismissals = ConflictDismissal.objects.filter(request_id=request.pk, profile__in=profiles).select_related("by")
    return list(decisions), list(dismissals)


def decide_conflicts(
    profile: MemberProfile,
    request: AdviceRequest,
    *,
    keys: list[str],
    outcome: str,
    rationale: str,
    no_tiers: list[str] | tuple[str, ...] = (),
    no_items: list[Any] | tuple[Any, ...] = (),
    no_criteria: list[Any] | tuple[Any, ...] = (),
    no_recommendations: bool = False,
    note: str = "",
    by: User,
) -> ConflictDecision:
    """Record the Senate team's decision on the chosen conflicts of a member for a request. A
    restriction names what the member may not do: evidence tiers or items they may not open, criteria
    on which they may not take part in the panel's judgement, or the recommendations; a note may
    add anything more in words. Other outcomes carry no restriction. "No action needed" is refused
    for a high-severity conflict (`outcomes_allowed`)."""
    chosen = _chosen(profile, request, keys)
    _check_decision(outcome, rationale)
    terms = _terms(request, outcome, no_tiers, no_items, no_criteria, no_recommendations, note)
    if refusal := outcome_refusal(outcome, chosen):
        raise ConflictRefused(refusal)
    with transaction.atomic():
        decision = _record(profile, request, chosen, outcome=outcome, rationale=rationale, terms=terms, by=by)
    return decision


def decide_for_members(
    profiles: list[MemberProfile],
    request: AdviceRequest,
    *,
    outcome: str,
    rationale: str,
    no_tiers: list[str] | tuple[str, ...] = (),
    no_items: list[Any] | tuple[Any, ...] = (),
    no_criteria: list[Any] | tuple[Any, ...] = (),
    no_recommendations: bool = False,
    note: str = "",
    by: User,
) -> list[ConflictDecision]:
    """One decision, with one reason, for a group of members chosen on the screening page: each member
    gets their own decision, covering every conflict screening finds for them now that has not been
    dismissed, and their own audit event. All or nothing: if the decision is not allowed for any
    member's conflicts, or a member has none left to decide, nothing is recorded and the refusal names
    them."""
    if not profiles:
        raise ConflictRefused("Select the members this decision is for")
    _check_decision(outcome, rationale)
    terms = _terms(request, outcome, no_tiers, no_items, no_criteria, no_recommendations, note)
    found = screen_many(
        profiles, facts_for_request(request), rules=ScreeningPolicy.of(conflict_policy_for(request.senate))
    )
    screenings = screenings_for(request, profiles, found)
    made, refused, nothing = [], [], []
    with transaction.atomic():
        for profile in profiles:
            chosen = [s.conflict for s in screenings[profile.pk].states if s.dismissal is None]
            if not chosen:
                nothing.append(str(profile))
            elif outcome_refusal(outcome, chosen):
                refused.append(str(profile))
            else:
                made.append(_record(profile, request, chosen, outcome=outcome, rationale=rationale, terms=terms, by=by))
        if refused:  # raised inside the transaction, so the decisions made so far are undone
            raise ConflictRefused(f"{Outcome(outcome).label} is not allowed for {_names(refused)}: {HIGH_NEEDS_ACTION}")
        if nothing:
            raise ConflictRefused(f"There are no conflicts left to decide for {_names(nothing)}. Unselect them")
    return made


HIGH_NEEDS_ACTION = (
    "a high-severity conflict (employed by or on the board of an organisation in the request, or a financial "
    "interest in one) needs an exclusion or a restriction. Dismiss the suggestion on the member's page if it is wrong"
)


def outcomes_allowed(conflicts: list[Conflict]) -> list[str]:
    """The decisions the Senate team may record on these conflicts. Members do not sit, unrestricted, on
    reviews of their own employer (docs/domain.md §4.3, §9.3), so a high-severity conflict cannot be
    settled with "no action needed"; a wrong suggestion is dismissed instead, with its reason."""
    if any(c.severity == Severity.HIGH for c in conflicts):
        return [Outcome.EXCLUDE, Outcome.RESTRICT]
    return list(Outcome.values)


def outcome_refusal(outcome: str, conflicts: list[Conflict]) -> str:
    """Why `outcome` may not be recorded on these conflicts; empty if it may."""
    if outcome in outcomes_allowed(conflicts):
        return ""
    return f"{Outcome(outcome).label} is not allowed: {HIGH_NEEDS_ACTION}"


def dismiss_conflict(
    profile: MemberProfile, request: AdviceRequest, *, key: str, reason: str, by: User
) -> ConflictDismissal:
    """Dismiss a suggested conflict as a false positive, for this request only, with the reason."""
    (conflict,) = _chosen(profile, request, [key])
    if not reason.strip():
        raise ConflictRefused("Enter why this is not a conflict")
    if ConflictDismissal.objects.filter(request_id=request.pk, profile=profile, key=key).exists():
        raise ConflictRefused("This suggestion has already been dismissed")
    with transaction.atomic():
        dismissal = ConflictDismissal.objects.create(
            request_id=request.pk,
            profile=profile,
            key=key,
            suggestion=conflict.reason[:400],
            reason=reason.strip(),
            by=by,
        )
        audit.record(
            "interests.conflict_dismissed",
            dismissal,
            by=by,
            senate=request.senate,
            summary=f"Suggested conflict dismissed: {profile} for {request}",
            data={"request": request.pk, "profile": profile.pk, "key": key},
        )
    return dismissal


def can_be_invited(
    profile: MemberProfile,
    request: AdviceRequest,
    *,
    on: dt.date | None = None,
    screening: MemberScreening | None = None,
    policies: dict[int, ConflictPolicy] | None = None,
) -> tuple[bool, str]:
    """Whether the member may be invited to this request's panel, and why not. Excluded members may
    not; nor may members with a possible conflict that nobody has decided on yet, nor members who have
    never declared their interests or whose declaration is overdue (docs/domain.md §9.3). `screening`:
    the member's screening for this request, when the caller has just read it (not screened twice);
    `policies`: conflict policies the caller has read, by Senate id (`due.declaration_refusal`)."""
    if refusal := declaration_refusal(profile, today=on or timezone.localdate(), policies=policies):
        return False, refusal
    screening = screening if screening is not None else screening_for(profile, request)
    if screening.exclusion is not None:
        return (
            False,
            f"{profile} is excluded from this review because of a conflict of interest: {screening.exclusion.rationale}",
        )
    if screening.open:
        count = len(screening.open)
        return (
            False,
            f"{profile} has {count} possible conflict{'s' if count > 1 else ''} of interest awaiting a decision",
        )
    if screening.restrictions:
        return True, f"{profile} may take part with restrictions: {'; '.join(screening.restrictions)}"
    return True, f"{profile} has no undecided conflicts of interest with this review"


def ensure_can_be_invited(profile: MemberProfile, request: AdviceRequest, *, on: dt.date | None = None) -> None:
    """For the panels app: raise InvitationRefused with the reason if the member may not be invited
    on the day `on` (today unless given: the demo invites as of its own day)."""
    allowed, reason = can_be_invited(profile, request, on=on)
    if not allowed:
        raise InvitationRefused(reason)


def _record(
    profile: MemberProfile,
    request: AdviceRequest,
    chosen: list[Conflict],
    *,
    outcome: str,
    rationale: str,
    terms: dict[str, Any],
    by: User,
) -> ConflictDecision:
    decision = ConflictDecision.objects.create(
        request_id=request.pk,
        profile=profile,
        outcome=outcome,
        rationale=rationale.strip(),
        conflicts=[c.as_record() for c in chosen],
        by=by,
        **terms,
    )
    audit.record(
        "interests.conflict_decided",
        decision,
        by=by,
        senate=request.senate,
        summary=f"{Outcome(outcome).label}: {profile} for {request}",
        data={"request": request.pk, "profile": profile.pk, "keys": [c.key for c in chosen]}
        | {k: v for k, v in terms.items() if k != "note"},
    )
    return decision


def _terms(
    request: AdviceRequest,
    outcome: str,
    tiers: Iterable[object],
    items: Iterable[Chosen],
    criteria: Iterable[Chosen],
    recommendations: bool,
    note: str,
) -> dict[str, Any]:
    """A restriction's checked terms; other outcomes carry none."""
    if outcome == Outcome.RESTRICT:
        return _restriction(request, tiers, items, criteria, recommendations, note)
    return {"no_tiers": [], "no_items": [], "no_criteria": [], "no_recommendations": False, "note": ""}


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _chosen(profile: MemberProfile, request: AdviceRequest, keys: list[str]) -> list[Conflict]:
    if not keys:
        raise ConflictRefused("Select the conflicts this decision covers")
    found = {c.key: c for c in conflicts_for(profile, request)}
    if any(key not in found for key in keys):
        raise ConflictRefused("The conflicts have changed since the page was shown. Check them and try again")
    return [found[key] for key in keys]


def _check_decision(outcome: str, rationale: str) -> None:
    if outcome not in Outcome.values:
        raise ConflictRefused("Select a decision")
    if not rationale.strip():
        raise ConflictRefused("Enter the reason for this decision")


def _restriction(
    request: AdviceRequest,
    tiers: Iterable[object],
    items: Iterable[Chosen],
    criteria: Iterable[Chosen],
    recommendations: bool,
    note: str,
) -> dict[str, Any]:
    """The terms of a restriction, checked: tiers the evidence app knows, items of this request,
    criteria of this Senate's framework, and at least one of them."""
    tier_values = sorted({str(t) for t in tiers})
    if any(t not in dict(tier_choices()) for t in tier_values):
        raise ConflictRefused("Select evidence tiers from the list")
    item_ids = sorted({_pk(i) for i in items})
    if item_ids and registry.one(ITEMS).count_valid(request, item_ids) != len(item_ids):
        raise ConflictRefused("Choose evidence items of this review")
    criterion_ids = sorted({_pk(c) for c in criteria})
    if criterion_ids and registry.one(CRITERIA).count_valid(request, criterion_ids) != len(criterion_ids):
        raise ConflictRefused("Choose criteria from this Senate's framework")
    if not (tier_values or item_ids or criterion_ids or recommendations):
        raise ConflictRefused(NOTHING_RESTRICTED)
    return {
        "no_tiers": tier_values,
        "no_items": item_ids,
        "no_criteria": criterion_ids,
        "no_recommendations": bool(recommendations),
        "note": note.strip(),
    }


def _pk(thing: Chosen) -> int:
    return int(thing.pk if isinstance(thing, Model) else thing)
