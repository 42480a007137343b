"""The panel's declarations, page-shaped: for the appendix of a review's report and for the
declarations at the start of each panel meeting (docs/domain.md §4.3, §9.3)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from senate.core import registry
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.due import declaration_refusals
from senate.interests.facts import AdviceRequest, facts_for_request
from senate.interests.models import Attestation, ConflictDecision, ConflictDismissal, Outcome
from senate.interests.restrictions import describe_decisions
from senate.interests.screening import ScreeningPolicy, screen_many
from senate.members.models import MemberProfile, Membership
from senate.organisations.models import Senate

# When each person first opened a request's evidence, as the evidence app (after this one) answers:
# fn(request, user_ids) -> {user_id: datetime}.
FIRST_OPENED = registry.point("interests.first_opened", "when each person first opened a request's evidence")


@dataclass(frozen=True)
class PanelDeclaration:
    member: str
    role: str
    interests: list[str]
    decisions: list[str]
    declared_for_review: str

    @property
    def nothing_to_declare(self) -> bool:
        return not (self.interests or self.declared_for_review)


def declarations_for_panel(
    request: AdviceRequest, profiles: Iterable[MemberProfile], *, on: dt.date
) -> list[PanelDeclaration]:
    """One row per panel member: their role, the declared interests and connections relevant to this
    review (less those dismissed as false positives), the decisions taken, and what they declared
    for this review when they attested."""
    members = list(profiles)
    found = screen_many(
        members, facts_for_request(request, on=on), rules=ScreeningPolicy.of(conflict_policy_for(request.senate))
    )
    dismissed = set(ConflictDismissal.objects.filter(request_id=request.pk).values_list("profile_id", "key"))
    decisions = _decisions(request, members)
    specific = _specific(request, members)
    roles = _roles(request.senate, members, on)
    return [
        PanelDeclaration(
            member=str(p),
            role=roles.get(p.pk) or p.job_title,
            interests=[c.reason for c in found.get(p.pk, []) if (p.pk, c.key) not in dismissed],
            decisions=decisions.get(p.pk, []),
            declared_for_review=specific.get(p.pk, ""),
        )
        for p in members
    ]


@dataclass(frozen=True)
class DeclarationRecord:
    """What the record shows of one panel member's declarations for a review."""

    member: str
    confirmed_at: dt.datetime | None  # their first attestation for this review
    opened_before: bool  # a logged opening of this review's evidence before they confirmed
    register: str  # '' when their declarations on the register are current, else why not


def declaration_records(
    request: AdviceRequest, profiles: Iterable[MemberProfile], *, on: dt.date
) -> list[DeclarationRecord]:
    """For the report: when each member confirmed their declarations for this review, whether the
    access log shows them opening its evidence before that, and where their register stands."""
    members = list(profiles)
    first: dict[int, dt.datetime] = {}
    for profile_id, at in (
        Attestation.objects.filter(request_id=request.pk, profile__in=members)
        .order_by("at")
        .values_list("profile_id", "at")
    ):
        first.setdefault(profile_id, at)
    opened: dict[int, dt.datetime] = registry.one(FIRST_OPENED)(request, [p.user_id for p in members])
    register = declaration_refusals(members, today=on)
    return [
        DeclarationRecord(
            member=str(p),
            confirmed_at=first.get(p.pk),
            opened_before=p.user_id in opened and (p.pk not in first or opened[p.user_id] < first[p.pk]),
            register=register[p.pk],
        )
        for p in members
    ]


def declaration_statement(records: list[DeclarationRecord]) -> list[str]:
    """The report's sentences about the panel's declarations, computed from the record: it says every
    member declared before seeing the evidence only when the record shows it."""
    if not records:
        return []
    confirmed = [r for r in records if r.confirmed_at is not None and not r.opened_before]
    if len(confirmed) == len(records) and not any(r.register for r in records):
        return [
            "Every member of the panel confirmed their declarations of interest for this review before "
            "opening its evidence, and each member's declarations on the Senate's register are up to date."
        ]
    lines = [
        f"{len(confirmed)} of the {len(records)} members of the panel confirmed their declarations of interest "
        "for this review before opening its evidence."
    ]
    if unconfirmed := [r.member for r in records if r.confirmed_at is None]:
        lines.append(f"Not confirmed for this review: {', '.join(unconfirmed)}.")
    if early := [r.member for r in records if r.opened_before]:
        lines.append(f"Opened the evidence before confirming: {', '.join(early)}.")
    lines += [f"{r.register}." for r in records if r.register]
    return lines


def _decisions(request: AdviceRequest, members: list[MemberProfile]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    rows = list(ConflictDecision.objects.filter(request_id=request.pk, profile__in=members).order_by("at", "id"))
    described = describe_decisions(d for d in rows if d.outcome == Outcome.RESTRICT)
    for d in rows:
        terms = described.get(d.pk, [])
        action = Outcome(d.outcome).label + (f" ({'; '.join(terms)})" if terms else "")
        found[d.profile_id].append(f"{action}: {d.rationale}")
    return found


def _specific(request: AdviceRequest, members: list[MemberProfile]) -> dict[int, str]:
    found: dict[int, str] = {}
    for profile_id, text in (
        Attestation.objects.filter(request_id=request.pk, profile__in=members)
        .order_by("at", "id")
        .values_list("profile_id", "specific")
    ):
        found[profile_id] = text
    return found


def _roles(senate: Senate, members: list[MemberProfile], on: dt.date) -> dict[int, str]:
    found: dict[int, str] = {}
    for m in Membership.objects.current(on).filter(senate=senate, profile__in=members).order_by("body"):
        found.setdefault(m.profile_id, f"{m.get_body_display()}: {m.get_role_display()}")
    return found
