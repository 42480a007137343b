"""Vacancies the coverage view proposes: each constituency, clinical profession, life stage and
Outcomes Framework domain a body does not cover, and each term of office ending in the next six
months. A Council needs a multi-professional mix (docs/domain.md §5.2); staggered terms keep it whole."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet

from senate.core.cache import until_next_act
from senate.members import queries as members
from senate.members.coverage import Coverage, coverage_by_body, empty_coverage
from senate.members.models import (
    CLINICAL_PROFESSIONS,
    Body,
    Expertise,
    MemberProfile,
    Membership,
    MembershipRole,
    Profession,
)
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

    @property
    def form_query(self) -> str:
        """The vacancy form's fields filled in from this proposal, as a query string."""
        return urlencode(
            {"title": self.title, "body": self.body, "role": self.role, "gap": self.reason, "gap_code": self.code}
        )


def proposed_vacancies_kept(
    senate: Senate, *, today: dt.date, taken: frozenset[str] = frozenset()
) -> list[ProposedVacancy]:
    """`proposed_vacancies`, kept until the next act (core.cache): recruitment's index counts a
    national Senate's coverage and ending terms (about 20 ms of the database's time) on every look,
    and they change only when someone acts (a membership, a profile, a vacancy)."""
    kept = until_next_act(
        f"recruitment.proposed:{senate.pk}:{today.isoformat()}",
        lambda: proposed_vacancies(senate, today=today),
        rows_of=(Membership, MemberProfile, Expertise),
    )
    return _not_taken(kept, taken)


def proposed_vacancies(senate: Senate, *, today: dt.date, taken: frozenset[str] = frozenset()) -> list[ProposedVacancy]:
    """What each body is missing, then the terms ending soon. `taken` holds the `body:code` of gaps a
    vacancy is already open for, which are not proposed again."""
    vocabulary = members.vocabulary()
    current = members.current_memberships(senate, today)
    # Counted by the database for both bodies at once (members.coverage.coverage_by_body): a national
    # Assembly is a thousand people, and a query per body and figure cost most of the page.
    coverage = coverage_by_body(current, vocabulary)
    held = set(current.order_by().values_list("body", "profile__profession").distinct())
    ending = _ending(current, today)
    found: list[ProposedVacancy] = []
    for body, label in Body.choices:
        found += _uncovered(body, label, coverage.get(body) or empty_coverage(vocabulary))
        found += _professions(body, label, {profession for b, profession in held if b == body})
        found += [p for p in ending if p.body == body]
    return _not_taken(found, taken)


def _not_taken(proposed: list[ProposedVacancy], taken: frozenset[str]) -> list[ProposedVacancy]:
    return [p for p in proposed if f"{p.body}:{p.code}" not in taken]


def _uncovered(body: str, label: str, coverage: Coverage) -> list[ProposedVacancy]:
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


def _ending(current: QuerySet[Membership], today: dt.date) -> list[ProposedVacancy]:
    # Read as plain rows: a national Assembly has hundreds of terms ending, and a model instance per
    # membership (with its profile and user) cost more than the rest of the page.
    ending = (
        current.filter(term_end__lte=today + ENDING_WITHIN)
        .order_by("term_end", "pk")
        .values_list("body", "pk", "role", "term_end", "profile__user__full_name", "profile__user__email")
    )
    return [
        _term_ending(body, pk, MembershipRole(role), term_end, full_name or email)
        for body, pk, role, term_end, full_name, email in ending
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
