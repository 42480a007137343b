"""Emails for every act that concerns someone, queued in the act's transaction."""

from typing import Any

from django.conf import settings
from django.urls import reverse

from senate.accounts.models import Role, RoleAssignment, User
from senate.notifications.outbox import queue_email
from senate.reviews.models import Request

# act -> (who hears, subject)
WHO: dict[str, tuple[str, str]] = {
    "submit": ("senate", "New request for advice"),
    "resubmit": ("senate", "Request sent again with more information"),
    "ask_for_information": ("requester", "The Senate needs more information"),
    "accept": ("requester", "Your request for advice has been accepted"),
    "redirect": ("requester", "Your request has been redirected"),
    "decline": ("requester", "Your request for advice has been declined"),
    "draft_terms": ("requester", "Draft terms of reference are ready for you"),
    "agree_terms": ("senate", "The requester has agreed the terms of reference"),
    "approve_terms": ("both", "Terms of reference approved"),
    "send_for_factual_accuracy": ("requester", "Please check the draft report for factual accuracy"),
    "approve_advice": ("senate", "Advice approved for issue"),
    "issue": ("requester", "The Senate's advice has been issued"),
    "record_publication": ("requester", "The Senate's advice has been published"),
    "record_response": ("senate", "The requester has responded to the recommendations"),
    "close": ("requester", "Your request has been closed"),
    "pause": ("both", "Request paused"),
    "resume": ("both", "Request resumed"),
    "withdraw": ("both", "Request withdrawn"),
}


def after_act(act: str, request: Request, *, by: User, reason: str) -> None:
    if act not in WHO:
        return
    audience, subject = WHO[act]
    body = _body(request, subject, reason)
    for person in recipients(request, audience):
        if person.pk != getattr(by, "pk", None):
            queue_email(
                to=person,
                subject=f"{request.reference}: {subject}",
                body=body,
                kind=f"request.{act}",
                about=request,
                senate=request.senate,
            )


def recipients(request: Request, audience: str) -> list[Any]:
    roles = []
    if audience in ("senate", "both"):
        roles.append(RoleAssignment.objects.filter(senate=request.senate, role=Role.MANAGER))
    if audience in ("requester", "both") and not request.is_senate_initiated:
        orgs = [o for o in (request.requesting_organisation_id, request.sponsor_organisation_id) if o is not None]
        roles.append(
            RoleAssignment.objects.filter(senate=request.senate, role=Role.REQUESTER, organisation_id__in=orgs)
        )
    people = {a.user_id: a.user for qs in roles for a in qs.select_related("user") if a.user.is_active}
    return list(people.values())


def _body(request: Request, subject: str, reason: str) -> str:
    link = settings.SITE_URL + reverse("reviews:detail", args=[request.senate.slug, request.pk])
    lines = [
        f"{subject}.",
        "",
        f"Request: {request.reference} – {request.title}",
        f"Stage: {request.get_stage_display()}",
    ]
    if reason:
        lines += ["", "Reason given:", reason]
    return "\n".join(lines + ["", f"Open the request: {link}", "", request.senate.name])
