"""Who could sit on a request's panel: this Senate's current members and members of other Senates who
agreed to be lent; for each, the skills, screened conflicts and decisions, load, and a fit score in words.

The whole pool is read once per request and specification as plain values (`read_pool`: flat
`values_list` queries, a fixed number whatever the number of members), which is enough to score,
filter, sort and page it. Only the members a page shows (or the optimiser needs) are then made into
`Candidate`s with their profiles and the fit explained in words (`Pool.candidates`)."""

import datetime as dt
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.db.models import Count, Prefetch, Q

from senate.core.cache import stamp_of, until_next_act
from senate.interests.conflict_policy import conflict_policies_of
from senate.interests.decisions import MemberScreening, screenings_for
from senate.interests.due import WATCHED as DUE_WATCHED
from senate.interests.due import declaration_refusal, due_rows_of, refusal_for
from senate.interests.facts import facts_for_request
from senate.interests.flagged import SCREENED_FROM
from senate.interests.models import ConflictDecision, ConflictPolicy
from senate.interests.screening import Conflict, ScreeningPolicy, screen_many
from senate.members.models import MemberProfile, Membership, MembershipRole, Profession
from senate.organisations.models import Senate
from senate.panels import skills as sk
from senate.panels.availability import away_during
from senate.panels.models import PanelAbsence, PanelAvailability, PanelMember
from senate.reviews.joint import partner_senate_ids
from senate.reviews.models import Request
from senate.reviews.stages import FINISHED

ACTIVE = (PanelMember.Status.INVITED, PanelMember.Status.ACCEPTED)
DEFAULT_MAX_PANELS = 2
NO_CONFLICTS = "No conflicts found"
# Up to this many members (a page of them), screenings are made for each; beyond, only for those with
# a conflict found or a decision recorded, found by one more query.
SCREEN_EACH = 100


@dataclass
class Candidate:
    profile: MemberProfile
    home_senate: object
    region: str
    lent: bool
    skills: set[str]
    max_panels: int
    load: int
    away: bool
    screening: MemberScreening
    past_panels: int
    partner: bool = False  # a member of a joint review's partner Senate: in the pool, no loan needed
    declarations: str = ""  # why their declarations keep them off a panel, or ''
    fit: float = 0.0
    fit_words: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> str:
        """Why this member may not be invited to this panel, or '' when they may."""
        return blocked_reason(self.screening, self.declarations, self.away)

    @property
    def spare(self) -> int:
        return max(0, self.max_panels - self.load)


def blocked_reason(screening: MemberScreening | None, declarations: str, away: bool) -> str:
    """Why a member may not be invited: an exclusion for a conflict, a conflict awaiting a decision,
    their declarations, or being away during the panel's dates ('' when they may be invited)."""
    if screening is not None and screening.exclusion is not None:
        return f"Excluded for a conflict of interest: {screening.exclusion.rationale}"
    if screening is not None and screening.open:
        return "A possible conflict of interest is awaiting a decision"
    if declarations:
        return declarations
    if away:
        return "Away during the panel dates"
    return ""


def _pool_query(senate, *, on: dt.date, partners=()):
    current = Membership.objects.current(on)
    own = current.filter(Q(senate=senate) | Q(senate_id__in=list(partners))).values("profile_id")
    lendable = current.exclude(senate=senate).filter(
        Q(profile__willing_to_serve_other_senates=True) | Q(profile__panel_availability__consents_to_loan=True)
    )
    return MemberProfile.objects.filter(Q(pk__in=own) | Q(pk__in=lendable.values("profile_id")))


def pool(senate, *, on: dt.date, partners=()):
    """This Senate's current members, those of a joint review's partner Senates (`partners`, their ids),
    and members of other Senates who agreed to be lent."""
    return _with_related(_pool_query(senate, on=on, partners=partners)).order_by("user__full_name", "pk").distinct()


def _with_related(profiles):
    memberships = Prefetch("memberships", queryset=Membership.objects.select_related("senate__region"))
    return profiles.select_related("user", "region", "employer", "home_icb").prefetch_related("expertise", memberships)


def seats(request, profiles, *, areas: list[str], leaving_out=()) -> tuple[dict[int, int], dict[int, int]]:
    """Per profile, in one query: the load (active seats on unfinished requests, not counting
    `leaving_out` requests) and the past panels (accepted seats on other requests sharing a service
    area, `areas` their codes). `profiles`: ids or a subquery, or None for everyone with such a seat
    (a few hundred rows at national scale, cheaper than filtering on the pool)."""
    load = Q(status__in=ACTIVE) & ~Q(request__stage__in=FINISHED) & ~Q(request__in=list(leaving_out))
    similar = Q(pk__in=[])
    if areas:
        sharing = Request.service_areas.through.objects.filter(expertise__code__in=areas).values("request_id")
        similar = Q(status=PanelMember.Status.ACCEPTED, request__in=sharing) & ~Q(request=request)
    seated = PanelMember.objects.filter(load | similar)
    rows = (
        (seated if profiles is None else seated.filter(profile__in=profiles))
        .order_by()
        .values("profile_id")
        .annotate(load=Count("pk", filter=load), past=Count("request", filter=similar, distinct=True))
        .values_list("profile_id", "load", "past")
    )
    loads, past = {}, {}
    for pk, n, similar_panels in rows:
        loads[pk], past[pk] = n, similar_panels
    return loads, past


@dataclass
class Pool:
    """Every member of a request's pool as plain values, one list per column in the pool's order (by
    name): what scoring, filtering, sorting and paging need, and no model instances."""

    request: Any
    on: dt.date
    spec: Any
    partners: set[int]
    areas: dict[str, str]
    ids: list[int]
    names: list[str]
    titles: list[str]
    home: list[int]
    lent: list[bool]
    partner: list[bool]
    skills: Sequence[frozenset[str]]
    max_panels: list[int]
    load: list[int]
    past: list[int]
    away: list[bool]
    declarations: list[str | None]
    """Why each member's declarations keep them off a panel, '' when they do not, None until read
    (`read_declarations`): the costliest reading, so a page reads it for its rows only unless it
    filters on it."""
    screenings: dict[int, MemberScreening]
    """Only members with a conflict found or a decision recorded: everyone else has no conflicts.
    Holds the members screened so far (`screened`): screening reads every declaration of those it
    screens, so a page screens its rows only unless it filters on who may be invited."""
    fit: list[float] = field(default_factory=list)
    best: list[int] = field(default_factory=list)
    """Row numbers, best fit first (`best_first`)."""
    screened: set[int] = field(default_factory=set)
    senates: dict[int, Senate] = field(default_factory=dict)
    """The Senates the members read so far sit for here, with their regions, by id."""
    kept_as: str = ""
    """The key the whole pool's columns are kept under until the next act ('' when read afresh)."""
    stamp: str = ""
    """The newest act and rows the pool and its page's rows are kept by (`stamp_of`), read once for both."""
    rules: dict[int, ConflictPolicy] = field(default_factory=dict)
    """The conflicts-of-interest rules of this Senate (for screening) and of the members' own (for
    their declarations), by Senate id, as read so far."""

    def read_rules(self, pks: set[int]) -> dict[int, ConflictPolicy]:
        """The rules of these Senates (those not read yet)."""
        senates = self.read_senates(pks)  # each Senate the rules are asked of is needed with them
        missing = pks - set(self.rules)
        if missing:
            self.rules.update(conflict_policies_of([senates[pk] for pk in missing]))
        return self.rules

    def read_senates(self, pks: set[int]) -> dict[int, Senate]:
        """These Senates (those not read yet), with their regions."""
        missing = pks - set(self.senates)
        if missing:
            # With their conflicts-of-interest rules, which are asked of the same Senates next.
            read = Senate.objects.filter(pk__in=missing).select_related("region", "conflict_policy")
            for senate in read:
                self.senates[senate.pk] = senate
                try:
                    self.rules.setdefault(senate.pk, senate.conflict_policy)
                except ConflictPolicy.DoesNotExist:
                    pass  # made with the NHS defaults when asked for (`read_rules`)
        return self.senates

    def read_screenings(self, rows: list[int]) -> None:
        """Screen the members of these rows for conflicts with the request (those not screened yet)."""
        ids = [self.ids[i] for i in rows if self.ids[i] not in self.screened]
        if not ids:
            return
        rules = self.read_rules({self.request.senate_id})[self.request.senate_id]
        found = _screen(self.request, MemberProfile.objects.filter(pk__in=ids), on=self.on, rules=rules)
        self.screenings.update(_screenings(self.request, found, set(ids)))
        self.screened.update(ids)

    def read_declarations(self, rows: list[int]) -> None:
        """Fill in the declarations of these rows (those not read yet)."""
        missing = [i for i in rows if self.declarations[i] is None]
        if not missing:
            return
        homes = {self.ids[i]: self.home[i] for i in missing}
        rules = self.read_rules(set(homes.values()))
        refusals = _declaration_refusals(self.senates, rules, homes, on=self.on)
        for i in missing:
            self.declarations[i] = refusals.get(self.ids[i], "")

    def _read_kept(self, rows: list[int]) -> None:
        """Screen these rows and read their declarations, or take what was read for the same rows
        since the last act: a page of candidates is looked at again and again while a panel forms."""
        ids = [self.ids[i] for i in rows]

        def read() -> tuple[dict[int, MemberScreening], list[str | None]]:
            self.read_screenings(rows)
            self.read_declarations(rows)
            return {pk: self.screenings[pk] for pk in ids if pk in self.screenings}, [
                self.declarations[i] for i in rows
            ]

        key = f"{self.kept_as}:rows:{hashlib.sha256(repr(ids).encode()).hexdigest()[:32]}"
        screenings, declared = until_next_act(key, read, stamp=self.stamp)
        self.screenings.update(screenings)
        self.screened.update(ids)
        for i, declarations in zip(rows, declared, strict=True):
            self.declarations[i] = declarations

    def blocked(self, i: int) -> str:
        """Why the member of row `i` may not be invited ('' when they may); screens them and reads their
        declarations."""
        self.read_screenings([i])
        self.read_declarations([i])
        return blocked_reason(self.screenings.get(self.ids[i]), self.declarations[i] or "", self.away[i])

    def __len__(self) -> int:
        return len(self.ids)

    def best_first(self) -> list[int]:
        """Row numbers, best fit first, then by name (as `candidates_for` orders them): worked out with
        the columns and kept with them."""
        if len(self.best) != len(self.ids):
            self.best = sorted(range(len(self.ids)), key=lambda i: (-self.fit[i], self.names[i]))
        return list(self.best)

    def candidates(self, rows: list[int], profiles: dict[int, MemberProfile] | None = None) -> list[Candidate]:
        """These rows as Candidates, with their profiles (read now unless given) and the fit in words.
        Their skills are those the pool read (every skill unless `read_pool` was told which)."""
        self.read_rules({self.home[i] for i in rows} | {self.request.senate_id})  # with their Senates
        if self.kept_as and profiles is None:
            self._read_kept(rows)
        else:
            self.read_screenings(rows)
            self.read_declarations(rows)
        if profiles is None:
            wanted = [self.ids[i] for i in rows]
            read = MemberProfile.objects.filter(pk__in=wanted).select_related("user", "region", "employer", "home_icb")
            profiles = {p.pk: p for p in read}
        senates = self.read_senates({self.home[i] for i in rows})
        found = []
        for i in rows:
            p = profiles[self.ids[i]]
            home = senates[self.home[i]]
            screening = self.screenings.get(p.pk)
            if screening is None:
                screening = MemberScreening(p, [])
            screening.profile = p
            c = Candidate(
                profile=p,
                home_senate=home,
                region=(p.region.slug if p.region else home.region.slug),
                lent=self.lent[i],
                partner=self.partner[i],
                skills=set(self.skills[i]),
                max_panels=self.max_panels[i],
                load=self.load[i],
                away=self.away[i],
                screening=screening,
                past_panels=self.past[i],
                declarations=self.declarations[i] or "",
            )
            c.fit, c.fit_words = fit(c, self.areas)
            found.append(c)
        return found


def read_pool(
    request,
    *,
    on: dt.date,
    spec=None,
    ids=None,
    leaving_out=None,
    skills=None,
    declarations: bool = True,
    screen: bool = True,
) -> Pool:
    """The request's pool (or the members `ids`) as plain values, in a fixed number of queries.
    `skills`: the expertise codes to read beyond the request's service areas (None: every code).
    `declarations`, `screen`: read every member's declarations, and screen every member for conflicts,
    now (else only for the rows made into Candidates, or asked whether they are blocked)."""
    senate = request.senate
    here = senate.pk
    areas = {area.code: area.name for area in request.service_areas.all()}  # as the request's loader read them
    result = Pool(
        request=request, on=on, spec=spec, partners=set(), areas=areas, screenings={}, declarations=[],
        ids=[], names=[], titles=[], home=[], lent=[], partner=[], skills=[], max_panels=[], load=[], past=[], away=[],
    )  # fmt: skip

    def work_out() -> dict[str, Any]:
        result.partners = set(partner_senate_ids(request))  # kept with the columns (accepting is an act)
        return _columns(result, ids=ids, leaving_out=leaving_out, skills=skills)

    if ids is None and leaving_out is None:
        # The whole pool, as a page shows it: the same for every page view until someone acts (every
        # change of a membership, profile, availability, seat or absence is an audited act, ADR 0004).
        result.kept_as = _pool_key(request, on=on, spec=spec, skills=skills)
        result.stamp = stamp_of(POOL_ROWS + ROWS_READ_FROM)  # once for the pool and the page's rows
        columns = until_next_act(result.kept_as, work_out, stamp=result.stamp)
    else:
        columns = work_out()
    for name, column in columns.items():
        setattr(result, name, column)
    result.declarations = [None] * len(result.ids)
    if screen:
        pool_ids = set(result.ids)
        rules = result.read_rules({here})[here]
        everyone = (
            MemberProfile.objects.filter(pk__in=list(ids))
            if ids is not None
            else _pool_query(senate, on=on, partners=result.partners)
        )
        result.screenings = _screenings(request, _screen(request, everyone, on=on, rules=rules), pool_ids)
        result.screened = pool_ids
    if declarations:
        result.read_declarations(list(range(len(result.ids))))
    return result


COLUMNS = (
    "partners", "ids", "names", "titles", "home", "lent", "partner", "skills", "max_panels", "load", "past", "away", "fit", "best",
)  # fmt: skip
# The tables the pool's columns are read from, whose new rows make a new reading (`until_next_act`).
POOL_ROWS = (MemberProfile, Membership, MemberProfile.expertise.through, PanelMember, PanelAbsence, PanelAvailability)
# And those a page's rows' screening and declarations are read from (the interests app's readings).
ROWS_READ_FROM = (*SCREENED_FROM, *DUE_WATCHED, ConflictDecision)


def _pool_key(request, *, on: dt.date, spec, skills) -> str:
    asked = "*" if skills is None else ",".join(sorted(skills))
    dates = f"{spec.pk}:{spec.starts_on}:{spec.ends_on}" if spec is not None else "-"
    return f"panels.pool:{request.pk}:{request.stage}:{on.isoformat()}:{dates}:{asked}"


def _columns(result: Pool, *, ids, leaving_out, skills) -> dict[str, list]:
    """The pool's columns (`COLUMNS`) as plain values: what scoring, filtering, sorting and paging need."""
    request, on, spec, partners, areas = result.request, result.on, result.spec, result.partners, result.areas
    senate = request.senate
    here = senate.pk
    rows, held_by = _people(senate, on=on, partners=partners, ids=ids)
    codes = None if skills is None else set(areas) | set(skills)
    scope = (
        list(ids)
        if ids is not None
        else (_pool_query(senate, on=on, partners=partners).values("pk") if codes is None else None)
    )
    held = _expertise(scope, codes)
    load, past = seats(
        request,
        list(ids) if ids is not None else None,
        areas=list(areas),
        leaving_out=leaving_out if leaving_out is not None else [request],
    )
    absences: dict[int, list[PanelAbsence]] = {}
    if spec is not None and spec.starts_on:
        away = PanelAbsence.objects.filter(away_until__gte=spec.starts_on).order_by("away_from", "pk")
        for absence in away if ids is None else away.filter(profile_id__in=list(ids)):
            absences.setdefault(absence.profile_id, []).append(absence)
    # Every Senate the members sit for, in one query (the page's rows need theirs anyway), in their
    # order (by name): a member of other Senates only sits for the first here.
    rank = {pk: n for n, pk in enumerate(result.read_senates({here} | {m[0] for ms in held_by.values() for m in ms}))}
    # Once per member of a pool of thousands: column by column, kept to lookups, with the skills a
    # profession gives and the scores shared by all members alike (`fit_score` remembers them).
    pks, full_names, emails, titles, professions, most = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([],) * 6
    )
    given = {
        profession: {sk.PROFESSION + profession} | ({sk.PPV} if profession == Profession.PPV else set())
        for profession in set(professions)
    }
    result.ids, result.titles = pks, titles
    result.names = [full_name or email for full_name, email in zip(full_names, emails, strict=True)]
    result.home = [_sits_for(held_by.get(pk), here, partners, rank) for pk in pks]
    result.lent = [home != here and home not in partners for home in result.home]
    result.partner = [home in partners for home in result.home]
    result.skills = SharedSets.of(
        [
            _skills(held.get(pk), given[profession], held_by.get(pk), here)
            for pk, profession in zip(pks, professions, strict=True)
        ]
    )
    result.max_panels = [DEFAULT_MAX_PANELS if n is None else n for n in most]
    result.load = [load.get(pk, 0) for pk in pks]
    result.past = [past.get(pk, 0) for pk in pks]
    result.away = [
        spec is not None and pk in absences and away_during(absences[pk], spec.starts_on, spec.ends_on) for pk in pks
    ]
    asked, codes_asked = len(areas), set(areas)
    result.fit = [
        fit_score(len(codes_asked & skills_held), asked, sat, max(0, n - seated), n)
        for skills_held, sat, seated, n in zip(result.skills, result.past, result.load, result.max_panels, strict=True)
    ]
    result.best_first()
    return {name: getattr(result, name) for name in COLUMNS}


class SharedSets(Sequence[frozenset[str]]):
    """Each member's skills, as an index into the few distinct sets the pool holds (thousands of
    members share a few hundred): kept this way, the pool's copy is read back ten times faster."""

    def __init__(self, distinct: list[frozenset[str]], picks: list[int]) -> None:
        self.distinct, self.picks = distinct, picks

    @classmethod
    def of(cls, sets: Sequence[frozenset[str] | set[str]]) -> "SharedSets":
        seen: dict[frozenset[str], int] = {}
        index = [seen.setdefault(frozenset(found), len(seen)) for found in sets]
        return cls(list(seen), index)

    @overload
    def __getitem__(self, i: int) -> frozenset[str]: ...
    @overload
    def __getitem__(self, i: slice) -> list[frozenset[str]]: ...
    def __getitem__(self, i: int | slice) -> frozenset[str] | list[frozenset[str]]:
        if isinstance(i, slice):
            return [self.distinct[n] for n in self.picks[i]]
        return self.distinct[self.picks[i]]

    def __len__(self) -> int:
        return len(self.picks)


def _skills(expertise: set[str] | None, given: set[str], memberships, here: int) -> set[str]:
    """A member's skills, as `skills.skills_of`: the expertise codes read, those their profession gives,
    and those their current memberships (Senate id, role, body, term end) give: patient and public
    voice, this Senate's Council."""
    found = expertise | given if expertise is not None else set(given)
    for senate_id, role, body, _ in memberships or ():
        if role == MembershipRole.PPV:
            found.add(sk.PPV)
        if senate_id == here and body == "council":
            found.add(sk.COUNCIL)
    return found


def _sits_for(memberships, here: int, partners: set[int], rank: dict[int, int]) -> int:
    """The Senate a member sits for here, from their current memberships (Senate id, role, body, term
    end): this one, else a partner, else the first in the memberships' order (Senate, body, term end);
    this one when they have none (as `_home`)."""
    if not memberships:
        return here
    if len(memberships) == 1:  # most members
        return memberships[0][0]
    senates = [m[0] for m in memberships]
    if here in senates:
        return here
    for s in senates:
        if s in partners:
            return s
    return min(memberships, key=lambda m: (rank[m[0]], m[2], m[3]))[0]


def candidates_for(request, *, on: dt.date, spec=None, profiles=None, leaving_out=None) -> list[Candidate]:
    """Every member of the pool for this request (or the `profiles` given), screened and scored, best
    fit first."""
    given = list(profiles) if profiles is not None else None
    read = read_pool(
        request, on=on, spec=spec, ids=None if given is None else [p.pk for p in given], leaving_out=leaving_out
    )
    return read.candidates(read.best_first(), profiles=None if given is None else {p.pk: p for p in given})


@functools.lru_cache(maxsize=4096)
def fit_score(held: int, asked: int, past_panels: int, spare: int, max_panels: int) -> float:
    """The fit in [0, 1]: expertise overlap (60%), similar past panels (25%), free capacity (15%)."""
    overlap = held / asked if asked else 0.0
    experience = min(1.0, past_panels / 2)
    free = spare / max_panels if max_panels else 0.0
    return min(1.0, max(0.0, round(0.6 * overlap + 0.25 * experience + 0.15 * free, 3)))


def fit(c: Candidate, areas: dict[str, str]) -> tuple[float, list[str]]:
    """A fit score in [0, 1] and why: expertise overlap (60%), similar past panels (25%), free capacity (15%)."""
    held = [name for code, name in areas.items() if code in c.skills]
    score = fit_score(len(held), len(areas), c.past_panels, c.spare, c.max_panels)
    words = []
    if areas:
        words.append(
            f"Holds {len(held)} of the {len(areas)} service areas asked for" + (f" ({', '.join(held)})" if held else "")
        )
    else:
        words.append("The request names no service areas, so expertise does not add to the score")
    words.append(
        f"Sat on {c.past_panels} past panel{'s' if c.past_panels != 1 else ''} on similar services"
        if c.past_panels
        else "No past panels on similar services"
    )
    words.append(
        f"Free for {c.spare} more panel{'s' if c.spare != 1 else ''} (on {c.load} of {c.max_panels} now)"
        if c.max_panels
        else "Not available for panels"
    )
    return score, words


def _people(senate, *, on: dt.date, partners, ids) -> tuple[list[tuple], dict[int, list[tuple]]]:
    """The pool's members (or the members `ids`) as rows (pk, name, email, job title, profession, most
    panels), by pk, and their current memberships (Senate id, role, body, term end). The pool is read
    in one query over the current memberships, so no later query re-runs it: a member belongs when
    they sit for this Senate or a partner, or agreed to be lent (as `_pool_query`)."""
    current = Membership.objects.current(on).order_by()  # unsorted: sorting by Senate name costs more
    membership = ("senate_id", "role", "body", "term_end")
    person = (
        "profile__user__full_name",
        "profile__user__email",
        "profile__job_title",
        "profile__profession",
        "profile__panel_availability__max_panels",
    )
    held: dict[int, list[tuple]] = {}
    if ids is None:
        own = current.filter(Q(senate=senate) | Q(senate_id__in=list(partners))).values("profile_id")
        lendable = Q(profile__willing_to_serve_other_senates=True) | Q(
            profile__panel_availability__consents_to_loan=True
        )
        people: dict[int, tuple] = {}
        for row in current.filter(Q(profile_id__in=own) | lendable).values_list("profile_id", *membership, *person):
            pk = row[0]
            if pk not in people:
                people[pk] = (pk, *row[5:])
                held[pk] = [row[1:5]]
            else:
                held[pk].append(row[1:5])
        return [people[pk] for pk in sorted(people)], held
    rows = (
        MemberProfile.objects.filter(pk__in=list(ids))
        .order_by("pk")
        .values_list("pk", *(name.removeprefix("profile__") for name in person))
    )
    for pk, *m in current.filter(profile_id__in=list(ids)).values_list("profile_id", *membership):
        held.setdefault(pk, []).append(tuple(m))
    return list(rows), held


def _expertise(profiles, codes: set[str] | None) -> dict[int, set[str]]:
    """By profile: the expertise codes held (only `codes`, unless None), of `profiles` (ids or a
    subquery; None: everyone, fine when few codes are asked)."""
    found: dict[int, set[str]] = {}
    through = MemberProfile.expertise.through.objects.all()
    if profiles is not None:
        through = through.filter(memberprofile_id__in=profiles)
    if codes is not None:
        through = through.filter(expertise__code__in=list(codes))
    for pk, code in through.values_list("memberprofile_id", "expertise__code"):
        found.setdefault(pk, set()).add(code)
    return found


def _screen(request, profiles, *, on: dt.date, rules: ConflictPolicy) -> dict[int, list[Conflict]]:
    return screen_many(profiles, facts_for_request(request, on=on), rules=ScreeningPolicy.of(rules))


def _screenings(request, conflicts: dict[int, list[Conflict]], pool_ids: set[int]) -> dict[int, MemberScreening]:
    """The screenings of the members with a conflict found or a decision recorded on this request;
    the queries follow them, not the pool."""
    if len(pool_ids) <= SCREEN_EACH:
        concerned = sorted(pool_ids)
    else:
        decided = set(ConflictDecision.objects.filter(request=request).values_list("profile_id", flat=True))
        concerned = sorted((set(conflicts) | decided) & pool_ids)
    if not concerned:
        return {}
    # Stand-ins carrying only the id: the profiles are read for the rows a page shows.
    return screenings_for(request, [MemberProfile(pk=pk) for pk in concerned], conflicts)


def _declaration_refusals(
    senates: dict[int, Senate], rules: dict[int, ConflictPolicy], homes: dict[int, int], *, on: dt.date
) -> dict[int, str]:
    """Why each member's declarations keep them off a panel (never declared, or overdue), by profile.
    Each member (`homes`: profile id -> the Senate they sit for here) is asked of that Senate (a lent
    member declares to theirs), as its declarations-due table reads them: a fixed number of queries,
    however many members and Senates."""
    ids = list(homes)
    by_home: dict[int, list[int]] = {}
    for pk, home in homes.items():
        by_home.setdefault(home, []).append(pk)
    standing = due_rows_of({senates[home]: members for home, members in by_home.items()}, today=on, rules=rules)
    missing = [pk for pk in ids if pk not in standing]
    others = {p.pk: p for p in MemberProfile.objects.filter(pk__in=missing).select_related("user")} if missing else {}
    found = {}
    for pk in ids:
        why = refusal_for(standing[pk], today=on) if pk in standing else declaration_refusal(others[pk], today=on)
        if why:
            found[pk] = why
    return found


def _home(profile, senate, on, partners=()):
    """The Senate a member sits for here: this one if they belong to it, else a joint review's partner."""
    current = [m for m in profile.memberships.all() if sk.is_current(m, on)]
    for m in current:
        if m.senate_id == senate.pk:
            return m.senate
    for m in current:
        if m.senate_id in partners:
            return m.senate
    return current[0].senate if current else senate
