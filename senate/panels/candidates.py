"""Who could sit on a request's panel: this Senate's current members and members of other Senates who
agreed to be lent; for each, the skills, screened conflicts and decisions, load, and a fit score in words."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from senate.interests.decisions import MemberScreening, screenings_for
from senate.interests.due import declaration_refusal, due_rows_now, refusal_for
from senate.interests.facts import facts_for_request
from senate.interests.local_rules import rules_for
from senate.interests.screening import ScreeningRules, screen_many
from senate.members.models import MemberProfile, Membership
from senate.panels import skills as sk
from senate.panels.availability import away_during
from senate.panels.models import PanelAbsence, PanelAvailability, PanelMember
from senate.reviews.joint import partner_senate_ids
from senate.reviews.stages import FINISHED

ACTIVE = (PanelMember.Status.INVITED, PanelMember.Status.ACCEPTED)
DEFAULT_MAX_PANELS = 2


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
        if self.screening.exclusion is not None:
            return f"Excluded for a conflict of interest: {self.screening.exclusion.rationale}"
        if self.screening.open:
            return "A possible conflict of interest is awaiting a decision"
        if self.declarations:
            return self.declarations
        if self.away:
            return "Away during the panel dates"
        return ""

    @property
    def spare(self) -> int:
        return max(0, self.max_panels - self.load)


def pool(senate, *, on: dt.date, partners=()):
    """This Senate's current members, those of a joint review's partner Senates (`partners`, their ids),
    and members of other Senates who agreed to be lent."""
    current = Membership.objects.current(on)
    own = current.filter(Q(senate=senate) | Q(senate_id__in=list(partners))).values("profile_id")
    lendable = current.exclude(senate=senate).filter(
        Q(profile__willing_to_serve_other_senates=True) | Q(profile__panel_availability__consents_to_loan=True)
    )
    memberships = Prefetch("memberships", queryset=Membership.objects.select_related("senate__region"))
    return (
        MemberProfile.objects.filter(Q(pk__in=own) | Q(pk__in=lendable.values("profile_id")))
        .select_related("user", "region", "employer", "home_icb")
        .prefetch_related("expertise", memberships)
        .order_by("user__full_name", "pk")
        .distinct()
    )


def loads(profiles, *, leaving_out=()) -> dict[int, int]:
    """Active panel seats per profile on unfinished requests, not counting `leaving_out` requests."""
    rows = (
        PanelMember.objects.filter(profile__in=profiles, status__in=ACTIVE)
        .exclude(request__stage__in=FINISHED)
        .exclude(request__in=list(leaving_out))
        .values_list("profile_id", flat=True)
    )
    found: dict[int, int] = {}
    for pk in rows:
        found[pk] = found.get(pk, 0) + 1
    return found


def candidates_for(request, *, on: dt.date, spec=None, profiles=None, leaving_out=None) -> list[Candidate]:
    """Every member of the pool for this request, screened and scored, best fit first."""
    senate = request.senate
    partners = partner_senate_ids(request)
    profiles = list(profiles if profiles is not None else pool(senate, on=on, partners=partners))
    found = screen_many(profiles, facts_for_request(request, on=on), rules=ScreeningRules.of(rules_for(senate)))
    screenings = screenings_for(request, profiles, found)
    load = loads(profiles, leaving_out=leaving_out if leaving_out is not None else [request])
    availability = {a.profile_id: a for a in PanelAvailability.objects.filter(profile__in=profiles)}
    absences: dict[int, list[PanelAbsence]] = {}
    if spec is not None and spec.starts_on:
        for absence in PanelAbsence.objects.filter(profile__in=profiles, away_until__gte=spec.starts_on):
            absences.setdefault(absence.profile_id, []).append(absence)
    past = _past_panels(request, profiles)
    refusals = declaration_refusals(senate, profiles, on=on, partners=partners)
    areas = {e.code: e.name for e in request.service_areas.all()}
    result = []
    for p in profiles:
        home = _home(p, senate, on, partners)
        settings_ = availability.get(p.pk)
        c = Candidate(
            profile=p,
            home_senate=home,
            region=(p.region.slug if p.region else home.region.slug),
            lent=home.pk != senate.pk and home.pk not in partners,
            partner=home.pk in partners,
            skills=sk.skills_of(p, council_of=senate.pk, on=on),
            max_panels=settings_.max_panels if settings_ else DEFAULT_MAX_PANELS,
            load=load.get(p.pk, 0),
            away=away_during(absences.get(p.pk, []), spec.starts_on, spec.ends_on) if spec is not None else False,
            screening=screenings[p.pk],
            past_panels=past.get(p.pk, 0),
            declarations=refusals.get(p.pk, ""),
        )
        c.fit, c.fit_words = fit(c, areas)
        result.append(c)
    return sorted(result, key=lambda c: (-c.fit, str(c.profile)))


def fit(c: Candidate, areas: dict[str, str]) -> tuple[float, list[str]]:
    """A fit score in [0, 1] and why: expertise overlap (60%), similar past panels (25%), free capacity (15%)."""
    held = [name for code, name in areas.items() if code in c.skills]
    overlap = len(held) / len(areas) if areas else 0.0
    experience = min(1.0, c.past_panels / 2)
    free = c.spare / c.max_panels if c.max_panels else 0.0
    score = round(0.6 * overlap + 0.25 * experience + 0.15 * free, 3)
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
    return min(1.0, max(0.0, score)), words


def declaration_refusals(senate, profiles, *, on: dt.date, partners=()) -> dict[int, str]:
    """Why each member's declarations keep them off a panel (never declared, or overdue), by profile.
    Each member is asked of their own Senate (a lent member declares to theirs), from its
    declarations-due table: one reading per Senate, however many members."""
    by_home: dict = {}
    for p in profiles:
        by_home.setdefault(_home(p, senate, on, partners), []).append(p)
    found = {}
    for home, members in by_home.items():
        standing = {row.profile.pk: row for row in due_rows_now(home, today=on)}
        for p in members:
            why = refusal_for(standing[p.pk], today=on) if p.pk in standing else declaration_refusal(p, today=on)
            if why:
                found[p.pk] = why
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


def _past_panels(request, profiles) -> dict[int, int]:
    areas = list(request.service_areas.values_list("pk", flat=True))
    if not areas:
        return {}
    rows = (
        PanelMember.objects.filter(
            profile__in=profiles, status=PanelMember.Status.ACCEPTED, request__service_areas__in=areas
        )
        .exclude(request=request)
        .values_list("profile_id", "request_id")
        .distinct()
    )
    found: dict[int, int] = {}
    for pk, _r in rows:
        found[pk] = found.get(pk, 0) + 1
    return found
