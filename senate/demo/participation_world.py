"""Demo participation in the South West Senate: terms ending soon (the Council sign-in's in 60 days,
not yet answered; others with and without the wish to continue), inductions part-complete, a
statement of participation signed off, development interests and offers, patient and public voice
claims at each step, members who need papers in large print or easy read, and two witnesses who gave
evidence to the panel of a review at its draft report (one with a conflict, noted). All through the same
functions as the pages."""

import datetime as dt
import random
from decimal import Decimal

from senate.accounts.models import User
from senate.members import appointments
from senate.members.models import Body, Membership, MembershipRole
from senate.organisations.models import Senate
from senate.participation import claims, development, formats, induction, record, statements, terms, witnesses
from senate.participation.models import Claim, Development
from senate.reviews.models import Request

REASON = "The demo world"


def build(rng: random.Random, *, today: dt.date) -> None:
    senate = Senate.objects.get(slug="south-west")
    manager = User.objects.get(email="manager@demo.senate.example")
    current = Membership.objects.current(today).filter(senate=senate, body=Body.COUNCIL)
    council = list(current.select_related("profile__user").order_by("profile__user__full_name"))
    sign_in = next(m for m in council if m.profile.user.email == "council@demo.senate.example")
    _terms_ending(
        senate, sign_in, [m for m in council if m.role == MembershipRole.CLINICAL and m != sign_in], manager, today
    )
    _inductions(council, sign_in, manager, rng)
    _statement(sign_in, senate, manager, today)
    _development(senate, council, manager)
    _claims_and_formats(senate, manager, today, rng)
    _witnesses(senate, manager, today)


def _terms_ending(senate, sign_in, others, manager, today):
    for m, days in zip([sign_in, *others], [60, 25, 80, 45], strict=False):
        appointments.change_term(
            membership=m,
            starts=m.term_start,
            ends=today + dt.timedelta(days=days),
            by=manager,
            reason=REASON,
            today=today,
        )
    for m, wish, note in zip(others, [True, False], ["I would like to carry on.", "Retiring next year."], strict=False):
        terms.state_wish(membership=m, wishes_to_continue=wish, note=note, by=m.profile.user)
    terms.send_term_reminders(senate, today=today)


def _inductions(council, sign_in, manager, rng):
    for m in council[:12] + [sign_in]:
        steps = induction.start_induction(m, by=manager)
        done = 2 if m == sign_in else rng.randint(0, len(steps))
        for step in steps[:done]:
            if step.item not in induction.AUTOMATIC:
                induction.complete_step(step, by=m.profile.user)


def _statement(sign_in, senate, manager, today):
    last_year = record.appraisal_year(record.appraisal_year(today) - dt.timedelta(days=1))
    if last_year in record.years_of(sign_in.profile, senate, today=today):
        statements.sign_off(profile=sign_in.profile, senate=senate, year_from=last_year, by=manager, today=today)


def _development(senate, council, manager):
    kinds = ["chair_panel", "shadow_panel", "mentoring", "lead_thematic"]
    for m, kind in zip(council[1:5], kinds, strict=False):
        development.express_interest(
            profile=m.profile, senate=senate, kind=kind, note="To grow as a clinical leader.", by=m.profile.user
        )
    asked = [m.profile for m in council[1:3]]
    for d in Development.objects.filter(senate=senate, profile__in=asked):
        development.offer(development=d, offer_text="The next stroke services panel, with the Chair", by=manager)
    first = Development.objects.filter(senate=senate, profile__in=asked[:1]).first()
    if first is not None:
        development.answer(development=first, accept=True, by=first.profile.user)


def _claims_and_formats(senate, manager, today, rng):
    claims.set_rates(
        senate=senate, half_day=Decimal("75.00"), full_day=Decimal("150.00"), per_mile=Decimal("0.45"), by=manager
    )
    current_ppv = (
        Membership.objects.current(today).filter(senate=senate, role=MembershipRole.PPV).select_related("profile__user")
    )
    ppv = list(current_ppv.order_by("profile__user__full_name")[:4])
    for n, m in enumerate(ppv):
        made = claims.submit_claim(
            profile=m.profile,
            senate=senate,
            activity_on=today - dt.timedelta(days=10 + 7 * n),
            activity="Council meeting" if n % 2 else "Expert panel meeting",
            involvement=Claim.Involvement.FULL_DAY if n % 2 else Claim.Involvement.HALF_DAY,
            miles=rng.randint(10, 80),
            by=m.profile.user,
            today=today,
        )
        if n == 1:
            claims.decide_claim(claim=made, approve=True, reason="", by=manager)
        elif n == 2:
            claims.decide_claim(claim=made, approve=False, reason="Claimed already for this meeting", by=manager)
    for m, wanted in zip(ppv, [["large_print"], ["easy_read"]], strict=False):
        formats.set_formats(profile=m.profile, senate=senate, formats=wanted, by=m.profile.user)


def _witnesses(senate, manager, today):
    request = Request.objects.filter(senate=senate, stage="draft_report").order_by("pk").first()
    if request is None:
        return
    heard_on = today - dt.timedelta(days=21)
    lead = witnesses.record_witness(
        request=request,
        name="Dr Imran Qureshi",
        organisation=request.requesting_organisation.name,
        kind="clinician",
        spoke_to="The stroke pathway's current performance and the workforce behind it",
        heard_on=heard_on,
        declared=[
            witnesses.Declared(
                request.requesting_organisation.name, "professional", "Clinical lead for the programme under review"
            )
        ],
        by=manager,
    )
    witnesses.decide_witness(
        witness=lead,
        decision="hear_noted",
        reason="Heard for evidence of fact on current services; took no part in the panel's deliberation",
        by=manager,
    )
    carer = witnesses.record_witness(
        request=request,
        name="Mrs Ruth Penhale",
        organisation="Stroke survivors' and carers' group",
        kind="patient_carer",
        spoke_to="A carer's experience of travelling to a distant stroke unit",
        heard_on=heard_on,
        declared=[],
        nothing_to_declare=True,
        by=manager,
    )
    witnesses.decide_witness(witness=carer, decision="hear", reason="", by=manager)
