"""Expert panels for the demo world. South West requests past terms approval get a specification;
those past panel recruitment get a panel chosen by the optimiser in one concurrent run, invited and
accepted (one member declined, with a reason); the request at "terms approved" has a proposal waiting
to be deployed and a member on loan from another Senate. The demo Council member sits on a panel, and
one member of the first panel sits on it with a restriction: no commercially sensitive papers."""

import datetime as dt
import random

from senate.accounts.models import Role, RoleAssignment
from senate.interests import declaring
from senate.interests.decisions import conflicts_for, decide_conflicts
from senate.interests.due import declaration_refusal
from senate.interests.models import Category, Kind, Outcome
from senate.members.models import MemberProfile, Membership
from senate.organisations.models import Senate
from senate.panels import invitations, loans, runs
from senate.panels.candidates import candidates_for
from senate.panels.models import PanelAvailability, PanelChoice, PanelMember
from senate.panels.specs import Rule, save_spec
from senate.reviews.models import Request
from senate.reviews.stages import FINISHED, Stage

ORDER = list(Stage)
PAST_TERMS = [s for s in ORDER[ORDER.index(Stage.TOR_APPROVED) :] if s not in FINISHED | {Stage.PAUSED}]


def build(rng: random.Random, *, today: dt.date) -> None:
    senate = Senate.objects.get(slug="south-west")
    assignment = RoleAssignment.objects.filter(senate=senate, role=Role.MANAGER).order_by("user__email").first()
    if assignment is None:
        raise RuntimeError(f"The demo Senate {senate.slug} has no manager")
    manager = assignment.user
    requests = list(Request.objects.filter(senate=senate, stage__in=PAST_TERMS).order_by("pk"))
    if not requests:
        return
    for request in requests:
        _specify(request, manager, rng, today)
    waiting = [r for r in requests if r.stage == Stage.TOR_APPROVED]
    recruited = [r for r in requests if r.stage != Stage.TOR_APPROVED]
    if recruited:
        _pin_demo_council_member(recruited, manager, today)
        run = runs.run_optimiser(senate, recruited, by=manager, on=today)
        runs.deploy(run, by=manager, on=today)
        _answer(recruited, rng, manager)
        _restricted_member(recruited[0], manager, today)
    for request in waiting:
        _lend(request, manager, today)
        runs.run_optimiser(senate, [request], by=manager, on=today)


def _specify(request: Request, manager, rng: random.Random, today: dt.date) -> None:
    rules = [Rule("ppv", 1)]
    rules += [Rule(code, 1) for code in request.service_areas.values_list("code", flat=True)[:2]]
    start = today + dt.timedelta(days=rng.randint(20, 60))
    save_spec(
        request,
        by=manager,
        rules=rules,
        min_size=5,
        max_size=7,
        min_out_of_region=0,
        out_of_region_only=False,
        chair_from_council=True,
        starts_on=start,
        ends_on=start + dt.timedelta(days=1),
        respond_within_days=10,
    )


def _pin_demo_council_member(requests: list[Request], manager, today: dt.date) -> None:
    """Keep the demo Council member on the first panel they may sit on, so their sign-in shows one."""
    profile = MemberProfile.objects.filter(user__email="council@demo.senate.example").first()
    if profile is None or declaration_refusal(profile, today=today):
        return  # a member who has not declared, or is overdue, may not be invited (docs/domain.md §9.3)
    for request in requests:
        (candidate,) = candidates_for(request, on=today, profiles=[profile])
        if not candidate.blocked:
            PanelChoice.objects.create(request=request, profile=profile, kind=PanelChoice.Kind.PIN, by=manager)
            return


def _answer(requests: list[Request], rng: random.Random, manager) -> None:
    """Everyone accepts, except one member of the first panel who declines with a reason; on each
    panel one member answered by email, which the manager recorded for them."""
    for i, request in enumerate(requests):
        seats = list(PanelMember.objects.filter(request=request).select_related("profile__user").order_by("pk"))
        for n, seat in enumerate(seats):
            decline = i == 0 and n == len(seats) - 1 and len(seats) > 5
            if n == 1 and not decline:
                invitations.record_answer(seat, accept=True, how="email", by=manager)
                continue
            invitations.respond(
                seat,
                accept=not decline,
                reason="On annual leave on the panel dates" if decline else "",
                by=seat.profile.user,
            )


def _lend(request: Request, manager, today: dt.date) -> None:
    """A member of another Senate who agreed to be lent, approved by their Senate's manager."""
    other = (
        Membership.objects.current(today)
        .exclude(senate=request.senate)
        .filter(senate__slug="london")
        .select_related("profile", "senate")
        .order_by("pk")
        .first()
    )
    if other is None:
        return
    PanelAvailability.objects.update_or_create(profile=other.profile, defaults={"consents_to_loan": True})
    candidate = next(
        (c for c in candidates_for(request, on=today) if c.profile.pk == other.profile.pk and not c.blocked), None
    )
    if candidate is None:
        return
    loan = loans.request_loan(request, candidate, by=manager, note="An independent view from outside the region.")
    lender = RoleAssignment.objects.filter(senate=other.senate, role=Role.MANAGER).first()
    if lender is not None:  # otherwise the loan waits for the lending Senate's answer
        loans.decide_loan(loan, approve=True, by=lender.user)


SUPPLIER = "Atlas Digital Health"


def _restricted_member(request: Request, manager, today: dt.date) -> None:
    """A member of the panel declares a paid advisory role with a supplier to the service under review;
    the Senate team lets them take part without the commercially sensitive (official-sensitive) papers,
    so the panel, the evidence pages and the register show a structured restriction."""
    seat = (
        PanelMember.objects.filter(request=request, status=PanelMember.Status.ACCEPTED)
        .exclude(profile__user__email="council@demo.senate.example")
        .select_related("profile__user")
        .order_by("pk")
        .first()
    )
    service = request.service_areas.values_list("code", flat=True).first()
    if seat is None or service is None:
        return
    profile = seat.profile
    declaration = declaring.declare(
        profile,
        kind=Kind.INTEREST,
        details={
            "category": Category.FINANCIAL,
            "organisation_name": SUPPLIER,
            "nature": "Paid advisory role with a supplier bidding for the service's digital contract",
            "started_on": today - dt.timedelta(days=400),
        },
        services=[service],
        by=profile.user,
    )
    keys = [c.key for c in conflicts_for(profile, request) if c.key.startswith(f"declared:{declaration.pk}:")]
    if not keys:
        return
    decide_conflicts(
        profile,
        request,
        keys=keys,
        outcome=Outcome.RESTRICT,
        no_tiers=["official_sensitive"],
        note="No commercially sensitive papers: the supplier's bid and the contract values",
        rationale=f"Paid advisory role with {SUPPLIER}; their clinical expertise is needed, the commercial papers are not",
        by=manager,
    )
