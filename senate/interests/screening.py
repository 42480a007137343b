"""Conflict screening: every possible conflict of a member with a review, with its reason and severity.
Members do not sit on reviews of their own employer or locality (docs/domain.md §4.3, §9.3). Screening is
a suggestion engine: the Senate team decides on each conflict, or dismisses it as a false positive.

The rules, each keyed so that decisions and dismissals stay attached to it from one run to the next:
- employed by, contracted to, or a board, advisory or honorary role with the requester, sponsor or
  an affected organisation (`employed:<org>` ...), from affiliations and the profile's employer;
- such a role that ended within the look-back (`past-employed:<org>` ...);
- a declared interest in one of those organisations, in a service under review, or in a place named
  (`declared:<declaration>:organisation|service|place`); through a relative or associate, it is indirect;
- living or working in an affected ICB area, when the request is contentious or the Senate's conflict policy
  say so (`area:home|work:<icb>`).

It reads plain values (a ReviewFacts) and a few flat queries whose size follows the matches, not the
members, so the whole Assembly of every Senate screens in well under a second (bench/interests)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from senate.interests import places
from senate.interests.facts import ReviewFacts
from senate.interests.models import Category, ConflictPolicy, DeclarationVersion, Kind
from senate.members.models import Affiliation, MemberProfile
from senate.organisations.models import Organisation

# Members by profile id: a list, or a subquery of them (so a long list is not sent as parameters).
ProfileIds = list[int] | QuerySet[Any, Any]


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_LABELS = {Severity.HIGH: "High", Severity.MEDIUM: "Medium", Severity.LOW: "Low"}
_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
# Roles that put someone inside an organisation's decisions weigh most.
_INSIDE = {Affiliation.Kind.EMPLOYED, Affiliation.Kind.BOARD}


@dataclass(frozen=True)
class Conflict:
    key: str
    rule: str
    severity: Severity
    reason: str
    # The organisation (or ICB area) named in the request that the conflict concerns, if one does:
    # the screening page filters by it. Not kept on a decision's record.
    organisation_id: int | None = None
    # For a declaration, what was declared: its NHS category (financial, professional, personal,
    # indirect) or "gift" for a gift or hospitality. The screening page's kinds of interest.
    declared: str = ""

    def as_record(self) -> dict[str, str]:
        return {"key": self.key, "rule": self.rule, "severity": str(self.severity), "reason": self.reason}


@dataclass(frozen=True)
class ScreeningPolicy:
    lookback_years: int = 3
    local_area_always: bool = False

    @classmethod
    def of(cls, rules: ConflictPolicy) -> "ScreeningPolicy":
        return cls(lookback_years=rules.lookback_years, local_area_always=rules.local_area_always)


@dataclass
class _Index:
    """One request's facts, as sets for constant-time checks."""

    parties: dict[int, str]
    icbs: frozenset[int]
    services: frozenset[str]
    places: dict[str, list[places.Phrase]]
    names: dict[int, str]
    on: dt.date
    since: dt.date
    local_area: str
    found: dict[int, dict[str, Conflict]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, profile_id: int, conflict: Conflict) -> None:
        self.found[profile_id].setdefault(conflict.key, conflict)


def screen(profile: MemberProfile, facts: ReviewFacts, *, rules: ScreeningPolicy | None = None) -> list[Conflict]:
    """Every possible conflict of one member with the review described by `facts`."""
    return screen_many([profile], facts, rules=rules).get(profile.pk, [])


def screen_many(
    profiles: QuerySet[MemberProfile] | Iterable[MemberProfile],
    facts: ReviewFacts,
    *,
    rules: ScreeningPolicy | None = None,
    names: dict[int, str] | None = None,
) -> dict[int, list[Conflict]]:
    """Conflicts by profile id, most severe first; members with none are absent. `names`: the names
    of the organisations and ICB areas the request names, when the caller has read them already."""
    index = _index(facts, rules or ScreeningPolicy(), names)
    ids: ProfileIds = profiles.values("pk") if isinstance(profiles, QuerySet) else [p.pk for p in profiles]
    _affiliations(ids, index)
    _profiles(ids, index)
    _declarations(ids, index)
    return {
        pid: sorted(found.values(), key=lambda c: (_ORDER[c.severity], c.reason)) for pid, found in index.found.items()
    }


def _index(facts: ReviewFacts, rules: ScreeningPolicy, names: dict[int, str] | None = None) -> _Index:
    on = facts.on or timezone.localdate()
    parties = {org: "an affected organisation" for org in facts.affected_organisation_ids}
    if facts.sponsor_organisation_id:
        parties[facts.sponsor_organisation_id] = "the sponsoring commissioner"
    if facts.requesting_organisation_id:
        parties[facts.requesting_organisation_id] = "the requesting organisation"
    named = set(parties) | set(facts.affected_icb_ids)
    if names is None and facts.names is not None and named <= set(facts.names):
        names = facts.names
    local = "the request is contentious" if facts.contentious else ""
    if not local and rules.local_area_always:
        local = "the Senate counts local connections"
    return _Index(
        parties=parties,
        icbs=frozenset(facts.affected_icb_ids),
        services=frozenset(facts.service_codes),
        places=places.phrases(facts.places),
        names=names if names is not None else dict(Organisation.objects.filter(pk__in=named).values_list("pk", "name")),
        on=on,
        since=_years_before(on, rules.lookback_years),
        local_area=local,
    )


def _affiliations(ids: ProfileIds, index: _Index) -> None:
    wanted = Q(organisation_id__in=list(index.parties))
    if index.local_area:
        wanted |= Q(organisation_id__in=list(index.icbs)) | Q(organisation__icb_id__in=list(index.icbs))
    rows = Affiliation.objects.filter(wanted, profile_id__in=ids).values_list(
        "profile_id", "organisation_id", "organisation__icb_id", "organisation__name", "kind", "end"
    )
    for profile_id, org, icb, name, kind, end in rows:
        label = Affiliation.Kind(kind).label
        if end is not None and end < index.on:
            if org in index.parties and end >= index.since:
                severity = Severity.MEDIUM if kind in _INSIDE else Severity.LOW
                reason = (
                    f"Was {label.lower()} {name}, {index.parties[org]}, until {end:%-d %B %Y} (within the look-back)"
                )
                index.add(profile_id, Conflict(f"past-{kind}:{org}", "past_role", severity, reason, org))
            continue
        if org in index.parties:
            severity = Severity.HIGH if kind in _INSIDE else Severity.MEDIUM
            reason = f"{label} {name}, {index.parties[org]}"
            index.add(profile_id, Conflict(f"{kind}:{org}", "role", severity, reason, org))
        _works_in_area(index, profile_id, org if org in index.icbs else icb, name)


def _profiles(ids: ProfileIds, index: _Index) -> None:
    icbs = list(index.icbs)
    wanted = Q(employer_id__in=list(index.parties))
    if index.local_area:
        wanted |= Q(employer_id__in=icbs) | Q(employer__icb_id__in=icbs) | Q(home_icb_id__in=icbs)
    rows = MemberProfile.objects.filter(wanted, pk__in=ids).values_list(
        "pk", "employer_id", "employer__icb_id", "employer__name", "home_icb_id"
    )
    for profile_id, employer, icb, name, home in rows:
        if employer in index.parties:
            reason = f"Employed by {name}, {index.parties[employer]}"
            index.add(profile_id, Conflict(f"employed:{employer}", "role", Severity.HIGH, reason, employer))
        if employer:
            _works_in_area(index, profile_id, employer if employer in index.icbs else icb, name)
        if index.local_area and home in index.icbs:
            reason = f"Lives or mainly works in the {index.names.get(home, 'affected')} area, and {index.local_area}"
            index.add(profile_id, Conflict(f"area:home:{home}", "local_area", Severity.MEDIUM, reason, home))


def _works_in_area(index: _Index, profile_id: int, icb: int | None, where: str) -> None:
    if index.local_area and icb in index.icbs:
        reason = f"Works in the {index.names.get(icb, 'affected')} area ({where}), and {index.local_area}"
        index.add(profile_id, Conflict(f"area:work:{icb}", "local_area", Severity.MEDIUM, reason, icb))


def _declarations(ids: ProfileIds, index: _Index) -> None:
    versions = (
        DeclarationVersion.objects.in_force()
        .filter(declaration__profile_id__in=ids)
        .exclude(declaration__kind=Kind.NIL)
        .exclude(ended_on__lt=index.since)
    )
    relevant = Q(organisation_id__in=list(index.parties))
    if index.services:
        relevant |= Q(pk__in=_with_services(index))
    if index.places:
        relevant |= ~Q(places="") | ~Q(organisation_name="")
    rows = versions.filter(relevant).values_list(
        "pk",
        "declaration_id",
        "declaration__profile_id",
        "declaration__kind",
        "category",
        "organisation_id",
        "organisation_name",
        "places",
        "relationship",
        "ended_on",
        "nature",
    )
    services = _services_of([row[0] for row in rows], index)
    for row in rows:
        _declared(index, row, services.get(row[0], []))


def _with_services(index: _Index) -> Any:
    through = DeclarationVersion.services.through
    return through.objects.filter(expertise__code__in=list(index.services)).values("declarationversion_id")


def _services_of(version_ids: list[int], index: _Index) -> dict[int, list[str]]:
    if not index.services:
        return {}
    found: dict[int, list[str]] = defaultdict(list)
    rows = DeclarationVersion.services.through.objects.filter(
        declarationversion_id__in=version_ids, expertise__code__in=list(index.services)
    ).values_list("declarationversion_id", "expertise__name")
    for version_id, name in rows:
        found[version_id].append(name)
    return found


def _declared(index: _Index, row: tuple[Any, ...], services: list[str]) -> None:
    _pk, declaration, profile_id, kind, category, org, org_name, where, relationship, ended, nature = row
    ended = ended if ended is not None and ended < index.on else None
    what, link = _what(kind, category, relationship)
    if ended:
        what = f"{what} (ended {ended:%-d %B %Y})"
    rule = "indirect" if category == Category.INDIRECT else "declared"
    declared = "gift" if kind in (Kind.GIFT, Kind.HOSPITALITY) else category
    severity = _declared_severity(kind, category, ended)
    detail = f": {nature[:120]}" if nature else ""
    if org in index.parties:
        reason = f"{what} {link} {index.names.get(org, 'an organisation')}, {index.parties[org]}{detail}"
        index.add(profile_id, Conflict(f"declared:{declaration}:organisation", rule, severity, reason, org, declared))
    if services:
        reason = f"{what} {link} {', '.join(sorted(services))}, a service under review{detail}"
        index.add(
            profile_id, Conflict(f"declared:{declaration}:service", rule, _lower(severity), reason, None, declared)
        )
    place = places.first_match(index.places, (where, org_name)) if index.places else ""
    if place:
        reason = f"{what} {link} {where or org_name}, which names {place}, a place affected{detail}"
        index.add(profile_id, Conflict(f"declared:{declaration}:place", rule, _lower(severity), reason, None, declared))


def _what(kind: str, category: str, relationship: str) -> tuple[str, str]:
    """How a declaration reads in a reason, and the word that links it to what it concerns."""
    if kind == Kind.GIFT:
        return "Declared a gift", "from"
    if kind == Kind.HOSPITALITY:
        return "Declared hospitality", "from"
    if category == Category.INDIRECT:
        return f"Declared an indirect interest through {relationship or 'a relative or associate'}", "in"
    label = Category(category).label if category else "Interest"
    return f"Declared a {label[0].lower()}{label[1:]}", "in"


def _declared_severity(kind: str, category: str, ended: dt.date | None) -> Severity:
    if ended is not None:
        return Severity.LOW
    if kind == Kind.INTEREST and category == Category.FINANCIAL:
        return Severity.HIGH
    return Severity.MEDIUM


def _lower(severity: Severity) -> Severity:
    """An interest in a service or a place is one step removed from one in an organisation."""
    return Severity.MEDIUM if severity == Severity.HIGH else severity


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
