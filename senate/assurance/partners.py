"""Partners of the Senate (clinical networks, Health Innovation Networks, Health and Wellbeing
Boards, Healthwatch, overview and scrutiny committees): which a review engaged and how, and the
email to a partner a request is redirected to."""

from typing import Any

from django.db import transaction

from senate.accounts.models import Role, RoleAssignment, User
from senate.assurance.models import Engagement
from senate.assurance.recording import Refused
from senate.core import audit
from senate.notifications.outbox import queue_email
from senate.organisations.models import PARTNER_TYPES, Organisation, Senate
from senate.reviews.models import Request


def partners() -> Any:
    return Organisation.objects.current().filter(type__in=PARTNER_TYPES).order_by("name")


def record_engagement(*, request: Request, organisation: Organisation, how: str, note: str, by: User) -> Engagement:
    if Engagement.objects.filter(request=request, organisation=organisation, how=how).exists():
        raise Refused({"organisation": f"{organisation.name} is already recorded as engaged that way"})
    with transaction.atomic():
        made = Engagement.objects.create(request=request, organisation=organisation, how=how, note=note)
        audit.record(
            "assurance.partner_engaged",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference}: {organisation.name} — {made.get_how_display().lower()}",
        )
    return made


def contacts_of(organisation: Organisation, senate: Senate) -> list[Any]:
    """Where to tell a partner: its contact address and the people who act for it in this Senate."""
    found = RoleAssignment.objects.filter(organisation=organisation, senate=senate, role=Role.REQUESTER)
    people = [r.user for r in found.select_related("user")]
    return ([organisation.contact_email] if organisation.contact_email else []) + people


def tell_redirected_partner(request: Request, reason: str) -> int:
    """Called in the redirect's own transaction (reviews.lifecycle consequence)."""
    organisation = request.redirected_to_organisation
    if organisation is None:
        return 0
    sent = 0
    for to in contacts_of(organisation, request.senate):
        sent += bool(
            queue_email(
                to=to,
                subject=f"A request for clinical advice has been redirected to you: {request.title}",
                body=(
                    f"The {request.senate.name} has redirected a request from {request.requesting_organisation.name} "
                    f"to {organisation.name}.\n\nRequest: {request.reference} {request.title}\n\nWhy: {reason}\n\n"
                    f"The requester has been told and may contact you directly."
                ),
                kind="assurance.redirected",
                about=request,
                senate=request.senate,
                dedupe_key=f"redirect-{request.pk}-{organisation.pk}-{to if isinstance(to, str) else to.pk}",
            )
        )
    return sent


def on_redirect(request: Request, by: User, reason: str) -> None:
    tell_redirected_partner(request, reason)
