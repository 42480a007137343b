"""Coverage of the Council and the Assembly: which constituencies, life stages and Outcomes
Framework domains are represented, and which are not. The national framework asks for a
multi-professional mix including commissioners, clinicians across settings, public health, social
care and patients and the public (docs/domain.md §5.2)."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from senate.members.models import CLINICAL_PROFESSIONS, MemberProfile, Membership, Profession
from senate.organisations.models import OrganisationType


def _expertise(p: MemberProfile) -> list[tuple[str, str]]:
    """(kind, code) of each area of expertise, read once per person from the prefetched list."""
    found = getattr(p, "_coverage_expertise", None)
    if found is None:
        found = [(e.kind, e.code) for e in p.expertise.all()]
        p._coverage_expertise = found  # type: ignore[attr-defined]
    return found


def _settings(p: MemberProfile) -> set[str]:
    return {code for kind, code in _expertise(p) if kind == "setting"}


def _clinician_in(setting: str) -> Callable[[MemberProfile], bool]:
    return lambda p: p.profession in CLINICAL_PROFESSIONS and setting in _settings(p)


def _employer_type(p: MemberProfile) -> str | None:
    return p.employer.type if p.employer else None


# (code, label, test)
CONSTITUENCIES: list[tuple[str, str, Callable[[MemberProfile], bool]]] = [
    ("icb", "Integrated care boards", lambda p: _employer_type(p) == OrganisationType.ICB),
    ("community", "Clinicians from community care", _clinician_in("community")),
    ("primary", "Clinicians from primary care", _clinician_in("primary")),
    ("secondary", "Clinicians from secondary care", _clinician_in("secondary")),
    ("tertiary", "Clinicians from tertiary care", _clinician_in("tertiary")),
    ("public_health", "Public health", lambda p: p.profession == Profession.PUBLIC_HEALTH),
    ("social_care", "Social care", lambda p: p.profession == Profession.SOCIAL_CARE),
    ("ppv", "Patients and the public", lambda p: p.profession == Profession.PPV),
    (
        "network_clinical_director",
        "Clinical network clinical directors",
        lambda p: _employer_type(p) == OrganisationType.CLINICAL_NETWORK,
    ),
    ("senior_manager", "A senior manager", lambda p: p.profession == Profession.MANAGER),
]


def _clinician_in_q(setting: str) -> Q:
    holds = MemberProfile.expertise.through.objects.filter(
        memberprofile_id=OuterRef("pk"), expertise__kind="setting", expertise__code=setting
    )
    return Q(profession__in=CLINICAL_PROFESSIONS) & Q(Exists(holds))


# The same constituencies as conditions the database counts by (`coverage_in`); a test holds each to
# the matching test of CONSTITUENCIES.
CONSTITUENCY_FILTERS: dict[str, Q] = {
    "icb": Q(employer__type=OrganisationType.ICB),
    "community": _clinician_in_q("community"),
    "primary": _clinician_in_q("primary"),
    "secondary": _clinician_in_q("secondary"),
    "tertiary": _clinician_in_q("tertiary"),
    "public_health": Q(profession=Profession.PUBLIC_HEALTH),
    "social_care": Q(profession=Profession.SOCIAL_CARE),
    "ppv": Q(profession=Profession.PPV),
    "network_clinical_director": Q(employer__type=OrganisationType.CLINICAL_NETWORK),
    "senior_manager": Q(profession=Profession.MANAGER),
}


@dataclass
class CoverageLine:
    code: str
    label: str
    count: int
    names: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return self.count > 0


@dataclass
class Coverage:
    members: int
    constituencies: list[CoverageLine]
    life_stages: list[CoverageLine]
    outcomes_domains: list[CoverageLine]

    @property
    def gaps(self) -> list[CoverageLine]:
        return [
            line
            for group in (self.constituencies, self.life_stages, self.outcomes_domains)
            for line in group
            if not line.covered
        ]


def coverage_of(profiles: Iterable[MemberProfile], vocabulary: Iterable[tuple[str, str, str]]) -> Coverage:
    """`profiles` must have `expertise` and `employer` prefetched; `vocabulary` is (kind, code, name)."""
    people = list(profiles)
    constituencies = [_line(code, label, [p for p in people if test(p)]) for code, label, test in CONSTITUENCIES]
    by_kind: dict[str, list[CoverageLine]] = {"life_stage": [], "outcomes_domain": []}
    holding: dict[str, list[MemberProfile]] = {}
    for p in people:
        for code in {code for _, code in _expertise(p)}:
            holding.setdefault(code, []).append(p)
    for kind, code, name in vocabulary:
        if kind in by_kind:
            by_kind[kind].append(_line(code, name, holding.get(code, [])))
    return Coverage(len(people), constituencies, by_kind["life_stage"], by_kind["outcomes_domain"])


def coverage_in(profiles: QuerySet[MemberProfile], vocabulary: Iterable[tuple[str, str, str]]) -> Coverage:
    """The same figures as `coverage_of`, counted by the database in two queries however many members
    `profiles` holds (the lines carry counts, not names)."""
    counts = profiles.order_by().aggregate(
        members=Count("pk"), **{code: Count("pk", filter=CONSTITUENCY_FILTERS[code]) for code, _l, _t in CONSTITUENCIES}
    )
    lines = [(kind, code, name) for kind, code, name in vocabulary if kind in ("life_stage", "outcomes_domain")]
    held = (
        MemberProfile.expertise.through.objects.filter(
            memberprofile_id__in=profiles.order_by().values("pk"), expertise__code__in={code for _k, code, _n in lines}
        )
        .values("expertise__code")
        .annotate(holders=Count("memberprofile_id", distinct=True))
    )
    holding: dict[str, int] = {row["expertise__code"]: row["holders"] for row in held}
    constituencies = [CoverageLine(code, label, counts[code]) for code, label, _test in CONSTITUENCIES]
    by_kind: dict[str, list[CoverageLine]] = {"life_stage": [], "outcomes_domain": []}
    for kind, code, name in lines:
        by_kind[kind].append(CoverageLine(code, name, holding.get(code, 0)))
    return Coverage(counts["members"], constituencies, by_kind["life_stage"], by_kind["outcomes_domain"])


def _line(code: str, label: str, holders: list[MemberProfile]) -> CoverageLine:
    return CoverageLine(code, label, len(holders), sorted(str(p) for p in holders)[:5])


# The tests of CONSTITUENCIES as conditions on a membership's profile, so the figures can be counted in
# the database (`coverage_counts`); `test_coverage.py` holds the two to the same answers. A clinician in
# a setting is counted from the areas of expertise (the second query), not here.
SETTINGS = ("community", "primary", "secondary", "tertiary")
COUNTED_KINDS = ("setting", "life_stage", "outcomes_domain")  # the areas coverage asks about (not specialties)
CONSTITUENCY_CONDITIONS: dict[str, Q] = {
    "icb": Q(profile__employer__type=OrganisationType.ICB),
    "public_health": Q(profile__profession=Profession.PUBLIC_HEALTH),
    "social_care": Q(profile__profession=Profession.SOCIAL_CARE),
    "ppv": Q(profile__profession=Profession.PPV),
    "network_clinical_director": Q(profile__employer__type=OrganisationType.CLINICAL_NETWORK),
    "senior_manager": Q(profile__profession=Profession.MANAGER),
}


def coverage_counts(
    memberships: QuerySet[Membership], vocabulary: Iterable[tuple[str, str, str]]
) -> dict[int, Coverage]:
    """Per Senate (by id): the coverage of the people holding `memberships` (the current memberships of
    one body), as `coverage_of` counts it but counted in the database and without names: two queries
    however many members and Senates. A Senate with none of the memberships is left out."""
    return _counted(memberships, vocabulary, by="senate")


def coverage_by_body(
    memberships: QuerySet[Membership], vocabulary: Iterable[tuple[str, str, str]]
) -> dict[str, Coverage]:
    """Per body (Council, Assembly): the coverage of the people holding `memberships` (one Senate's
    current memberships), counted as `coverage_counts` counts it: two queries for both bodies. A body
    with none of the memberships is left out."""
    return _counted(memberships, vocabulary, by="body")


def _counted(
    memberships: QuerySet[Membership], vocabulary: Iterable[tuple[str, str, str]], *, by: str
) -> dict[Any, Coverage]:
    vocabulary = list(vocabulary)
    memberships = memberships.order_by()
    constituencies = memberships.values(by).annotate(
        members=Count("profile", distinct=True),
        **{f"c_{code}": Count("profile", filter=cond, distinct=True) for code, cond in CONSTITUENCY_CONDITIONS.items()},
    )
    holding: Counter[tuple[Any, str]] = Counter()
    clinicians: Counter[tuple[Any, str]] = Counter()
    for group, kind, code, n, clinical in (
        memberships.filter(profile__expertise__kind__in=COUNTED_KINDS)
        .values(by, "profile__expertise__kind", "profile__expertise__code")
        # Not distinct: a sort of every (member, area) pair; a person holds one current membership of a
        # body in a Senate, and only whether an area is covered reaches the dashboards.
        .annotate(n=Count("profile"), clinical=Count("profile", filter=Q(profile__profession__in=CLINICAL_PROFESSIONS)))
        .values_list(by, "profile__expertise__kind", "profile__expertise__code", "n", "clinical")
    ):
        holding[(group, code)] += n
        if kind == "setting":
            clinicians[(group, code)] += clinical
    found: dict[Any, Coverage] = {}
    for row in cast(Iterable[dict[str, Any]], constituencies):
        group = row[by]
        lines = [
            CoverageLine(code, label, clinicians[(group, code)] if code in SETTINGS else row[f"c_{code}"])
            for code, label, _ in CONSTITUENCIES
        ]
        by_kind: dict[str, list[CoverageLine]] = {"life_stage": [], "outcomes_domain": []}
        for kind, code, name in vocabulary:
            if kind in by_kind:
                by_kind[kind].append(CoverageLine(code, name, holding[(group, code)]))
        found[group] = Coverage(row["members"], lines, by_kind["life_stage"], by_kind["outcomes_domain"])
    return found


def empty_coverage(vocabulary: Iterable[tuple[str, str, str]]) -> Coverage:
    """The coverage of a body with no current members: every area a gap."""
    return coverage_of([], vocabulary)
