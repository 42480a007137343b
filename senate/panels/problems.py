"""The optimiser's problem built from the database, for one or several requests of a Senate.

The pool is the Senate's current members plus members lent for that request (an approved loan).
Consenting members of other Senates without a loan are left out of the solve and make a wider problem
from which the out-of-region suggestions are drawn (they need a loan before they can sit)."""

import datetime as dt
from dataclasses import dataclass, replace

from senate.analytics.panel_assignment import Member, Problem, Requirement, Review
from senate.panels import skills as sk
from senate.panels.candidates import Candidate, candidates_for, pool
from senate.panels.models import Loan, PanelChoice, PanelMember
from senate.panels.specs import spec_of
from senate.reviews.joint import partner_senate_ids

ANYONE = "anyone"  # a skill every member of the wider problem holds, for out-of-region suggestions


class NoSpecification(ValueError):
    pass


def member_id(pk: int) -> str:
    return f"M{pk}"


def review_id(pk: int) -> str:
    return f"R{pk}"


@dataclass
class Built:
    problem: Problem
    wide: Problem
    requests: list
    specs: dict
    candidates: dict[int, dict[int, Candidate]]
    """Per request id, every candidate of the pool by profile id (those in the solve and those not)."""
    in_solve: set[int]


def build(requests, *, on: dt.date) -> Built:
    requests = list(requests)
    missing = [str(r) for r in requests if spec_of(r) is None]
    if missing:
        raise NoSpecification(f"Set the panel specification first for: {', '.join(missing)}")
    senate = requests[0].senate
    partners = {s for r in requests for s in partner_senate_ids(r)}
    profiles = list(pool(senate, on=on, partners=partners))
    specs = {r.pk: spec_of(r) for r in requests}
    candidates = {
        r.pk: {
            c.profile.pk: c for c in candidates_for(r, on=on, spec=specs[r.pk], profiles=profiles, leaving_out=requests)
        }
        for r in requests
    }
    lent = set(
        Loan.objects.filter(request__in=requests, status=Loan.Status.APPROVED).values_list("profile_id", "request_id")
    )
    first = candidates[requests[0].pk]
    # A joint review's partner members are in the solve, barred (as lent) from this run's other requests.
    in_solve = {pk for r in requests for pk, c in candidates[r.pk].items() if not c.lent} | {pk for pk, _r in lent}
    members: list[Member] = []
    outsiders: list[Member] = []
    conflicts: set[tuple[str, str]] = set()
    wide_conflicts: set[tuple[str, str]] = set()
    affinity: dict[tuple[str, str], float] = {}
    for pk, c in first.items():
        m = Member(id=member_id(pk), region=c.region, skills=tuple(sorted(c.skills)), max_panels=c.spare)
        (members if pk in in_solve else outsiders).append(m)
    for r in requests:
        rid = review_id(r.pk)
        for pk, c in candidates[r.pk].items():
            pair = (member_id(pk), rid)
            if c.blocked:
                wide_conflicts.add(pair)
                if pk in in_solve:
                    conflicts.add(pair)
            elif c.lent and pk in in_solve and (pk, r.pk) not in lent:
                conflicts.add(pair)  # lent for another request of this run only
            if c.fit > 0:
                affinity[pair] = c.fit
    reviews = tuple(_review(r, specs[r.pk]) for r in requests)
    pins, removals = _choices(requests, in_solve)
    problem = Problem(
        members=tuple(members),
        reviews=reviews,
        conflicts=frozenset(conflicts),
        affinity={p: a for p, a in affinity.items() if int(p[0][1:]) in in_solve},
        pins=frozenset(pins),
        removals=frozenset(removals - pins),
    )
    wide = Problem(
        members=tuple(replace(m, skills=(*m.skills, ANYONE)) for m in members + outsiders),
        reviews=reviews,
        conflicts=frozenset(wide_conflicts),
        affinity=affinity,
        removals=frozenset(removals - pins),
    )
    return Built(problem, wide, requests, specs, candidates, in_solve)


def _review(request, spec) -> Review:
    requirements = [Requirement(rule.skill, rule.minimum) for rule in spec.expertise_rules.all()]
    if spec.chair_from_council and not spec.out_of_region_only:
        requirements.append(Requirement(sk.COUNCIL, 1))
    return Review(
        id=review_id(request.pk),
        region=request.senate.region.slug,
        panel_min=spec.min_size,
        panel_max=spec.max_size,
        out_of_region=spec.out_of_region_only,
        requirements=tuple(requirements),
        min_out_of_region=spec.min_out_of_region,
    )


def _choices(requests, in_solve: set[int]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The manager's pins and removals, plus everyone already invited or serving (kept on) and
    everyone who declined or withdrew (kept off)."""
    pins: set[tuple[str, str]] = set()
    removals: set[tuple[str, str]] = set()
    for request_id, profile_id, kind in PanelChoice.objects.filter(request__in=requests).values_list(
        "request_id", "profile_id", "kind"
    ):
        if profile_id in in_solve:
            (pins if kind == PanelChoice.Kind.PIN else removals).add((member_id(profile_id), review_id(request_id)))
    for request_id, profile_id, status in PanelMember.objects.filter(request__in=requests).values_list(
        "request_id", "profile_id", "status"
    ):
        if profile_id not in in_solve:
            continue
        pair = (member_id(profile_id), review_id(request_id))
        if status in (PanelMember.Status.INVITED, PanelMember.Status.ACCEPTED):
            pins.add(pair)
        else:
            removals.add(pair)
    return pins, removals
