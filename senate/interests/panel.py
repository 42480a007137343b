"""The panel's declarations, page-shaped: for the appendix of a review's report and for the
declarations at the start of each panel meeting (docs/domain.md §4.3, §9.3)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from senate.core import registry
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.due import declaration_refusals, in_force, memberships_of
from senate.interests.facts import AdviceRequest, facts_for_request
from senate.interests.models import Attestation, ConflictDecision, ConflictDismissal, ConflictPolicy, Outcome
from senate.interests.restrictions import describe_decisions
from senate.interests.screening import ScreeningPolicy, screen_many
from senate.members.models import MemberProfile, Membership

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


@dataclass(frozen=True)
class DeclarationRecord:
    """What the record shows of one panel member's declarations for a review."""

    member: str
    confirmed_at: dt.datetime | None  # their first attestation for this review
    opened_before: bool  # a logged opening of this review's evidence before they confirmed
    register: str  # '' when their declarations on the register are current, else why not


@dataclass(frozen=True)
class PanelDeclarations:
    """The panel's declarations for a review: a row per member for the table, and what the record
    shows of each (for the statement above it)."""

    rows: list[PanelDeclaration]
    records: list[DeclarationRecord]

    @property
    def statement(self) -> list[str]:
        return declaration_statement(self.records)


def panel_declarations(request: AdviceRequest, profiles: Iterable[MemberProfile], *, on: dt.date) -> PanelDeclarations:
    """Everything the report says of the panel's declarations, reading the Senate's conflict policy,
    the members' attestations for this review and their memberships once for both the table and
    the statement (each was read twice when they were two functions), in a fixed number of queries
    whatever the size of the panel."""
    members = list(profiles)
    policy = conflict_policy_for(request.senate)
    attested = list(
        Attestation.objects.filter(request_id=request.pk, profile__in=members)
        .order_by("at", "id")
        .values_list("profile_id", "at", "specific")
    )
    memberships = memberships_of(p.pk for p in members)
    rows = _rows(request, members, on, policy=policy, attested=attested, memberships=memberships)
    register = declaration_refusals(members, today=on, memberships=memberships, policies={policy.senate_id: policy})
    return PanelDeclarations(rows, _records(request, members, attested, register))


def declarations_for_panel(
    request: AdviceRequest, profiles: Iterable[MemberProfile], *, on: dt.date
) -> list[PanelDeclaration]:
    """One row per panel member: their role, the declared interests and connections relevant to this
    review (less those dismissed as false positives), the decisions taken, and what they declared
    for this review when they attested."""
    return panel_declarations(request, profiles, on=on).rows


def declaration_records(
    request: AdviceRequest, profiles: Iterable[MemberProfile], *, on: dt.date
) -> list[DeclarationRecord]:
    """For the report: when each member confirmed their declarations for this review, whether the
    access log shows them opening its evidence before that, and where their register stands."""
    return panel_declarations(request, profiles, on=on).records


def _rows(
    request: AdviceRequest,
    members: list[MemberProfile],
    on: dt.date,
    *,
    policy: ConflictPolicy,
    attested: list[tuple[int, dt.datetime, str]],
    memberships: list[Membership],
) -> list[PanelDeclaration]:
    found = screen_many(members, facts_for_request(request, on=on), rules=ScreeningPolicy.of(policy))
    dismissed = set(ConflictDismissal.objects.filter(request_id=request.pk).values_list("profile_id", "key"))
    decisions = _decisions(request, members)
    specific = {profile_id: text for profile_id, _at, text in attested}  # the latest attestation's words
    roles = _roles(request.senate_id, memberships, on)
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


def _records(
    request: AdviceRequest,
    members: list[MemberProfile],
    attested: list[tuple[int, dt.datetime, str]],
    register: dict[int, str],
) -> list[DeclarationRecord]:
    first: dict[int, dt.datetime] = {}
    for profile_id, at, _text in attested:
        first.setdefault(profile_id, at)
    opened: dict[int, dt.datetime] = registry.one(FIRST_OPENED)(request, [p.user_id for p in members])
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


def _roles(senate_id: int, memberships: list[Membership], on: dt.date) -> dict[int, str]:
    """Each member's current role in this Senate; one in both bodies is named by the first in the
    order of the bodies' codes (Assembly, then Council), as the database sorted them before."""
    found: dict[int, str] = {}
    current = [m for m in memberships if m.senate_id == senate_id and in_force(m, on)]
    for m in sorted(current, key=lambda m: m.body):
        found.setdefault(m.profile_id, f"{m.get_body_display()}: {m.get_role_display()}")
    return found
