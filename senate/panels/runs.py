"""Propose, inspect, deploy: run the optimiser over a Senate's requests and keep what it proposed,
let the manager pin and remove members, and send invitations only when the manager deploys."""

import datetime as dt
import re
from typing import Literal

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from senate.analytics.panel_assignment import out_of_region_suggestions, solve
from senate.analytics.panel_assignment.problem import OUT_OF_REGION, PANEL_MIN, PIN
from senate.core import audit
from senate.members.models import Profession
from senate.panels import invitations, problems
from senate.panels import skills as sk
from senate.panels.models import OptimiserRun, PanelChoice, PanelMember, PanelRole, PanelSpec
from senate.panels.specs import may_invite, panel_open

TIME_LIMIT = 20.0


class RunRefused(ValueError):
    pass


def run_optimiser(senate, requests, *, by, on: dt.date | None = None) -> OptimiserRun:
    """Solve the panels of `requests` (all of this Senate, all open) at once and store the proposal."""
    requests = list(requests)
    on = on or timezone.localdate()
    if not requests:
        raise RunRefused("Select at least one request")
    if any(r.senate_id != senate.pk for r in requests):
        raise RunRefused("Every request must belong to this Senate")
    closed = [str(r) for r in requests if not panel_open(r)]
    if closed:
        raise RunRefused(f"These requests are not open for panel work: {', '.join(closed)}")
    try:
        built = problems.build(requests, on=on)
    except problems.NoSpecification as refusal:
        raise RunRefused(str(refusal)) from None
    answer = solve(built.problem, time_limit=TIME_LIMIT)
    labels = dict(sk.skill_choices())
    result = {str(r.pk): _request_result(built, answer, r, labels) for r in requests}
    with transaction.atomic():
        run = OptimiserRun.objects.create(
            senate=senate,
            status=answer.status,
            objective=answer.objective,
            bound=answer.bound,
            seconds=answer.seconds,
            result=result,
            by=by,
        )
        run.requests.set(requests)
        audit.record(
            "panels.optimiser_run",
            run,
            by=by,
            senate=senate,
            summary=f"Panels proposed for {len(requests)} request(s): {answer.status}",
            data={"objective": answer.objective, "bound": answer.bound, "requests": [r.pk for r in requests]},
        )
    return run


def _request_result(built, answer, request, labels) -> dict:
    rid = problems.review_id(request.pk)
    spec = built.specs[request.pk]
    cands = built.candidates[request.pk]
    chosen = [int(m[1:]) for m in answer.panels.get(rid, ())]
    pinned = {int(m[1:]) for m, r in built.problem.pins if r == rid}
    counted = [rule.skill for rule in spec.expertise_rules.all()] + ([sk.COUNCIL] if spec.chair_from_council else [])
    roles = assign_roles([cands[pk] for pk in chosen], chair_from_council=spec.chair_from_council)
    panel = []
    for pk in chosen:
        c = cands[pk]
        covers = [sk.skill_label(s, labels) for s in counted if s in c.skills]
        reason = f"Fit {c.fit:.2f}. " + "; ".join(c.fit_words) + "."
        if covers:
            reason += " Counts towards: " + ", ".join(covers) + "."
        if pk in pinned:
            reason += " Kept on the panel by the manager (pinned, invited or serving)."
        panel.append(
            {
                "profile": pk,
                "name": str(c.profile),
                "role": roles[pk],
                "reason": reason,
                "lent": c.lent,
                "partner": c.partner,
                "home": str(c.home_senate),
                "fit": c.fit,
            }
        )
    names = {problems.member_id(pk): str(c.profile) for pk, c in cands.items()}
    unmet = [_unmet(built, answer, s, names, labels, cands) for s in answer.shortfalls if s.review == rid]
    reserves = [
        {"profile": pk, "name": str(c.profile), "fit": c.fit, "skills": sorted(c.skills)}
        for pk, c in cands.items()
        if pk in built.in_solve and pk not in chosen and not c.blocked and c.spare > 0
    ][:25]
    return {"panel": panel, "unmet": unmet, "reserves": reserves}


def _unmet(built, answer, shortfall, names, labels, cands) -> dict:
    if shortfall.skill == PANEL_MIN:
        rule = "Smallest panel size"
    elif shortfall.skill == OUT_OF_REGION:
        rule = "Members from outside the region"
    elif shortfall.skill == PIN:
        rule = "A pinned member"
    else:
        rule = sk.skill_label(shortfall.skill, labels)
    why = re.sub(r"\bM(\d+)\b", lambda m: names.get(m.group(0), m.group(0)), shortfall.why)
    why = re.sub(r"\bR(\d+)\b", lambda m: _request_name(built, int(m.group(1))), why)
    suggestions = []
    if shortfall.skill not in (PANEL_MIN, PIN):
        skill = problems.ANYONE if shortfall.skill == OUT_OF_REGION else shortfall.skill
        for mid in out_of_region_suggestions(built.wide, shortfall.review, skill, answer=answer, limit=5):
            c = cands[int(mid[1:])]
            if c.lent and int(mid[1:]) not in built.in_solve:
                suggestions.append({"profile": c.profile.pk, "name": str(c.profile), "senate": str(c.home_senate)})
    return {
        "rule": rule,
        "needed": shortfall.needed,
        "found": shortfall.found,
        "why": why,
        "suggestions": suggestions[:3],
    }


def _request_name(built, pk: int) -> str:
    return next((str(r) for r in built.requests if r.pk == pk), f"request {pk}")


def assign_roles(candidates, *, chair_from_council: bool) -> dict[int, str]:
    """Patient and public voice members are PPV; managers and others lay members; the best-fitting
    Council member (or clinician) chairs; everyone else is a clinical member."""
    roles = {}
    for c in candidates:
        if sk.PPV in c.skills:
            roles[c.profile.pk] = PanelRole.PPV
        elif c.profile.profession in (Profession.MANAGER, Profession.OTHER):
            roles[c.profile.pk] = PanelRole.LAY
        else:
            roles[c.profile.pk] = PanelRole.CLINICAL
    eligible = [c for c in candidates if (sk.COUNCIL in c.skills or not chair_from_council)]
    eligible = [c for c in eligible if roles[c.profile.pk] == PanelRole.CLINICAL] or eligible
    if eligible:
        roles[max(eligible, key=lambda c: (c.fit, -c.profile.pk)).profile.pk] = PanelRole.CHAIR
    return {pk: str(role) for pk, role in roles.items()}


def choose(request, profile, *, kind: str | None, by) -> None:
    """Pin (`pin`) or remove (`remove`) a member for the next run, or clear the choice (None)."""
    with transaction.atomic():
        PanelChoice.objects.filter(request=request, profile=profile).delete()
        if kind:
            PanelChoice.objects.create(request=request, profile=profile, kind=kind, by=by)
        audit.record(
            "panels.choice",
            request,
            by=by,
            senate=request.senate,
            summary=f"{profile}: {kind or 'choice cleared'} for the panel of {request}",
            data={"profile": profile.pk, "kind": kind or ""},
        )


def latest_run(request) -> OptimiserRun | None:
    return OptimiserRun.objects.filter(requests=request).first()


def deploy(run: OptimiserRun, *, by, on: dt.date | None = None) -> list[PanelMember]:
    """Invite everyone proposed who is not yet invited. Nothing was sent before this."""
    if run.deployed_at is not None:
        raise RunRefused("These invitations have already been sent")
    if run != OptimiserRun.objects.filter(senate=run.senate).first():
        raise RunRefused("A newer run exists: deploy the latest proposal")
    requests = list(run.requests.all())
    for r in requests:
        allowed, why = may_invite(r)
        if not allowed:
            raise RunRefused(f"{r}: {why}")
    sent = []
    with transaction.atomic():
        for r in requests:
            for seat in run.for_request(r.pk).get("panel", []):
                if PanelMember.objects.filter(request=r, profile_id=seat["profile"]).exists():
                    continue
                sent.append(invitations.invite(r, seat["profile"], role=seat["role"], by=by, on=on))
        run.deployed_at, run.deployed_by = timezone.now(), by
        run.save(update_fields=["deployed_at", "deployed_by"])
        audit.record("panels.deployed", run, by=by, senate=run.senate, summary=f"{len(sent)} invitations sent")
    return sent


def replacements_for(
    seats: list[PanelMember],
    *,
    run: OptimiserRun | None | Literal["unread"] = "unread",
    spec: PanelSpec | Literal["unread"] = "unread",
    every_seat: list[PanelMember] | None = None,
) -> list[tuple[PanelMember, dict | None]]:
    """One offer per declined seat, each a different member: two declines never offer the same
    reserve twice (the second gets the next best, or none). `run`, `spec`: the request's latest run
    and its specification with its rules, when the caller has read them (the panel page has), else
    read here; `every_seat`: all the request's seats, when read. The same few queries however many
    seats were declined."""
    if not seats:
        return []
    request = seats[0].request
    if isinstance(run, str):  # not given: read it
        run = latest_run(request)
    if run is None:
        return [(seat, None) for seat in seats]
    taken = _taken(request, every_seat)
    prefetch_related_objects([seat.profile for seat in seats], "expertise", "memberships")
    pairs = []
    for seat in seats:
        offer = _best_reserve(seat, run, spec, taken)
        if offer is not None:
            taken.add(offer["profile"])
        pairs.append((seat, offer))
    return pairs


def replacement_for(
    seat: PanelMember,
    *,
    also_taken: set[int] | frozenset[int] = frozenset(),
    run: OptimiserRun | None | Literal["unread"] = "unread",
    spec: PanelSpec | Literal["unread"] = "unread",
) -> dict | None:
    """After a decline: the best reserve of the last run who holds the most of the counted skills the
    decliner brought, and who is not already invited, serving, ruled out or offered elsewhere.
    `run`, `spec`: the request's latest run and specification (with its rules), when the caller has
    read them."""
    if isinstance(run, str):  # not given: read it
        run = latest_run(seat.request)
    if run is None:
        return None
    return _best_reserve(seat, run, spec, _taken(seat.request) | also_taken)


def _taken(request, every_seat: list[PanelMember] | None = None) -> set[int]:
    """Who may not be offered a seat: everyone invited or seated, and everyone the manager ruled out."""
    if every_seat is None:
        every_seat = list(PanelMember.objects.filter(request=request).only("profile_id"))
    ruled_out = PanelChoice.objects.filter(request=request, kind=PanelChoice.Kind.REMOVE)
    return {s.profile_id for s in every_seat} | set(ruled_out.values_list("profile_id", flat=True))


def _best_reserve(seat: PanelMember, run: OptimiserRun, spec: PanelSpec | Literal["unread"], taken: set[int]):
    if isinstance(spec, str):  # not given: read it
        spec = seat.request.panel_spec
    counted = {rule.skill for rule in spec.expertise_rules.all()} | ({sk.COUNCIL} if spec.chair_from_council else set())
    lost = counted & sk.skills_of(seat.profile, council_of=seat.request.senate_id)
    reserves = [r for r in run.for_request(seat.request.pk).get("reserves", []) if r["profile"] not in taken]
    if not reserves:
        return None
    return max(reserves, key=lambda r: (len(lost & set(r["skills"])), r["fit"]))
