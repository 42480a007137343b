"""The panel's declarations, page-shaped: for the appendix of a review's report and for the
declarations at the start of each panel meeting (domain.md §4.3, §9.3)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from senate.interests.facts import facts_for_request
from senate.interests.local_rules import rules_for
from senate.interests.models import Attestation, ConflictDecision, ConflictDismissal, Outcome
from senate.interests.screening import ScreeningRules, screen_many
from senate.members.models import MemberProfile, Membership


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


def declarations_for_panel(request: Any, profiles: Iterable[MemberProfile], *, on: dt.date) -> list[PanelDeclaration]:
    """One row per panel member: their role, the declared interests and connections relevant to this
    review (less those dismissed as false positives), the decisions taken, and what they declared
    for this review when they attested."""
    members = list(profiles)
    found = screen_many(members, facts_for_request(request, on=on), rules=ScreeningRules.of(rules_for(request.senate)))
    dismissed = set(ConflictDismissal.objects.filter(request=request).values_list("profile_id", "key"))
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


def _decisions(request: Any, members: list[MemberProfile]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    rows = ConflictDecision.objects.filter(request=request, profile__in=members).order_by("at", "id")
    for d in rows:
        action = Outcome(d.outcome).label + (f" ({d.restriction})" if d.restriction else "")
        found[d.profile_id].append(f"{action}: {d.rationale}")
    return found


def _specific(request: Any, members: list[MemberProfile]) -> dict[int, str]:
    found: dict[int, str] = {}
    for profile_id, text in (
        Attestation.objects.filter(request=request, profile__in=members)
        .order_by("at", "id")
        .values_list("profile_id", "specific")
    ):
        found[profile_id] = text
    return found


def _roles(senate: Any, members: list[MemberProfile], on: dt.date) -> dict[int, str]:
    found: dict[int, str] = {}
    for m in Membership.objects.current(on).filter(senate=senate, profile__in=members).order_by("body"):
        found.setdefault(m.profile_id, f"{m.get_body_display()}: {m.get_role_display()}")
    return found
