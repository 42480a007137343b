"""Vacancies the coverage view proposes: each constituency, clinical profession, life stage and
Outcomes Framework domain a body does not cover, and each term of office ending in the next six
months. A Council needs a multi-professional mix (docs/domain.md §5.2); staggered terms keep it whole."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from senate.members import queries as members
from senate.members.coverage import coverage_in
from senate.members.models import CLINICAL_PROFESSIONS, Body, MemberProfile, MembershipRole, Profession
from senate.organisations.models import Senate

ENDING_WITHIN = dt.timedelta(days=183)
# Constituencies are people of a kind; these fill them.
ROLE_FOR = {"ppv": MembershipRole.PPV}


@dataclass(frozen=True)
class ProposedVacancy:
    body: str
    code: str
    title: str
    reason: str
    role: str = MembershipRole.RECRUITED

    @property
    def body_label(self) -> str:
        return Body(self.body).label


def proposed_vacancies(senate: Senate, *, today: dt.date, taken: frozenset[str] = frozenset()) -> list[ProposedVacancy]:
    """What each body is missing, then the terms ending soon. `taken` holds the `body:code` of gaps a
    vacancy is already open for, which are not proposed again."""
    found: list[ProposedVacancy] = []
    vocabulary = members.vocabulary()
    for body, label in Body.choices:
        # Counted by the database (members.coverage.coverage_in): a national-scale Assembly is thousands.
        profiles = members.coverage_members(senate, body, today)
        found += _uncovered(body, label, profiles, vocabulary)
        # Without the profiles' ordering (by name) the database returns each profession once, not each member.
        found += _professions(body, label, set(profiles.order_by().values_list("profession", flat=True).distinct()))
        found += _ending(senate, body, today)
    return [p for p in found if f"{p.body}:{p.code}" not in taken]


def _uncovered(
    body: str, label: str, profiles: QuerySet[MemberProfile], vocabulary: list[tuple[str, str, str]]
) -> list[ProposedVacancy]:
    coverage = coverage_in(profiles, vocabulary)
    kinds = [("constituency", coverage.constituencies), ("", coverage.life_stages), ("", coverage.outcomes_domains)]
    return [
        ProposedVacancy(
            body=body,
            code=f"{kind or 'area'}:{line.code}",
            title=f"{label} member: {line.label}",
            reason=f"No current {label} member covers {line.label.lower()}",
            role=ROLE_FOR.get(line.code, MembershipRole.RECRUITED),
        )
        for kind, lines in kinds
        for line in lines
        if not line.covered
    ]


def _professions(body: str, label: str, held: set[str]) -> list[ProposedVacancy]:
    return [
        ProposedVacancy(
            body=body,
            code=f"profession:{code}",
            title=f"{label} member: {Profession(code).label.lower()}",
            reason=f"No current {label} member is {_a(Profession(code).label.lower())}",
            role=MembershipRole.CLINICAL if body == Body.COUNCIL else MembershipRole.RECRUITED,
        )
        for code in sorted(CLINICAL_PROFESSIONS)
        if code not in held
    ]


def _ending(senate: Senate, body: str, today: dt.date) -> list[ProposedVacancy]:
    # Read as plain rows: a national Assembly has hundreds of terms ending, and a model instance per
    # membership (with its profile and user) cost more than the rest of the page.
    ending = (
        members.current_memberships(senate, today)
        .filter(body=body, term_end__lte=today + ENDING_WITHIN)
        .order_by("term_end", "pk")
        .values_list("pk", "role", "term_end", "profile__user__full_name", "profile__user__email")
    )
    return [
        _term_ending(body, pk, MembershipRole(role), term_end, full_name or email)
        for pk, role, term_end, full_name, email in ending
    ]


def _term_ending(body: str, pk: int, role: MembershipRole, term_end: dt.date, member: str) -> ProposedVacancy:
    return ProposedVacancy(
        body=body,
        code=f"term:{pk}",
        title=f"{Body(body).label} {role.label.lower()}, after {member}",
        reason=f"{member}'s term ends on {term_end:%-d %B %Y}",
        role=role if role in (MembershipRole.PPV, MembershipRole.CLINICAL) else MembershipRole.RECRUITED,
    )


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
