"""A joint review in the demo world (issue 15): the South West's review of the proposed consolidation
of obstetric units (Swindon, Salisbury, Bath) reaches across the border into the South East, so the
South West invites the South East Senate, whose manager accepts, and a South East Council member
comments. Built after the requests and before the panels, so the panel's optimiser draws from both
Assemblies. Two sign-ins for the partner Senate: partner.manager@ and partner.council@."""

import datetime as dt
import random

from django.contrib.auth.hashers import make_password

from senate.accounts import granting
from senate.accounts.models import Role, RoleAssignment, User
from senate.organisations.models import Senate
from senate.reviews import joint
from senate.reviews.models import Request

LEAD, PARTNER = "south-west", "south-east"
TITLE = "Review of the proposed consolidation of obstetric units"
# (email local part, name, role in the partner Senate)
PARTNER_SIGN_INS = [
    ("partner.manager", "Amira Hollis", Role.MANAGER),
    ("partner.council", "Dr Owen Castell", Role.COUNCIL_MEMBER),
]


def build(rng: random.Random, *, today: dt.date) -> None:
    from senate.demo.defaults import DEMO_PASSWORD, DEMO_REASON

    request = Request.objects.filter(senate__slug=LEAD, title=TITLE).select_related("senate").first()
    lead_manager = RoleAssignment.objects.filter(senate__slug=LEAD, role=Role.MANAGER).order_by("user__email").first()
    if request is None or lead_manager is None:
        return
    partner = Senate.objects.get(slug=PARTNER)
    password = make_password(DEMO_PASSWORD)
    people = {}
    for local, name, role in PARTNER_SIGN_INS:
        user, _ = User.objects.update_or_create(
            email=f"{local}@demo.senate.example", defaults={"full_name": name, "password": password}
        )
        if not RoleAssignment.objects.filter(user=user, senate=partner, role=role).exists():
            granting.grant_role(person=user, senate=partner, role=role, by=None, reason=DEMO_REASON)
        people[role] = user
    invitation = joint.invite(
        request,
        partner,
        by=lead_manager.user,
        message="Salisbury's maternity catchment reaches into Hampshire and Dorset: please review this with us.",
    )
    joint.answer(invitation, accept=True, by=people[Role.MANAGER])
    joint.comment(
        request,
        by=User.objects.get(pk=people[Role.COUNCIL_MEMBER].pk),
        text=(
            "Women from the New Forest and south Wiltshire book at Salisbury: please include their travel times "
            "and the capacity of Southampton's unit in the options appraisal."
        ),
    )
