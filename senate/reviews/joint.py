"""Joint reviews across Senates (issue 15): the request's own Senate leads, another Senate joins as a
partner. The lead's manager invites, the partner's manager accepts or declines, an accepted partner's
Council comments on the draft advice; approval and issue stay with the lead Senate. Each act is one
audited transaction; a refused one writes nothing and says why (`JointRefused`)."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from senate.accounts.models import Role, RoleAssignment, User
from senate.core import audit
from senate.core.memo import remembered
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate
from senate.reviews.models import PartnerComment, PartnerSenate, Request
from senate.reviews.stages import FINISHED, Stage

TEAM = frozenset({Role.MANAGER, Role.CHAIR, Role.VICE_CHAIR})
COUNCIL = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.COUNCIL_MEMBER})


class JointRefused(ValueError):
    """The act is refused; the message says why, in words for the person who tried it."""


def partnerships(request: Request) -> list[tuple[int, str]]:
    """(Senate id, status) of every Senate invited to this request, asked once per web request."""
    if request is None or getattr(request, "pk", None) is None:
        return []
    return remembered(
        ("joint-partners", request.pk),
        lambda: list(PartnerSenate.objects.filter(request_id=request.pk).values_list("senate_id", "status")),
    )


def partner_senate_ids(request: Request, *, status: str = PartnerSenate.Status.ACCEPTED) -> set[int]:
    return {senate_id for senate_id, s in partnerships(request) if s == status}


def roles_as_partner(user: User, request: Request, *, status: str = PartnerSenate.Status.ACCEPTED) -> set[str]:
    """This person's roles in the Senates that are partners of this request (accepted, or with
    `status`, invited). Never their roles in the lead Senate, never in any other Senate."""
    from senate.accounts.roles import _cache

    if not getattr(user, "is_authenticated", False):
        return set()
    # Someone with no role outside the request's own Senate is no partner: asked without a query.
    if not any(senate_id != request.senate_id for (senate_id, _r, _o) in _cache(user)):
        return set()
    ids = partner_senate_ids(request, status=status)
    if not ids:
        return set()
    return {role for (senate_id, role, _org) in _cache(user) if senate_id in ids}


def joint_line(request: Request) -> str:
    """ "Joint review led by X with Y" (accepted partners), or "" for a review of one Senate. Reads
    `request.partners` (prefetched with their Senates by the lists)."""
    partners = [p.senate.name for p in request.partners.all() if p.status == PartnerSenate.Status.ACCEPTED]
    if not partners:
        return ""
    return f"Joint review led by {request.senate.name} with {' and '.join(sorted(partners))}"


def joint_line_of(request: Request) -> str:
    """`joint_line` for one request's own page, where its partners are not prefetched: the accepted
    partners' names in one query, not a query for each partner's Senate."""
    partners = PartnerSenate.objects.filter(request_id=request.pk, status=PartnerSenate.Status.ACCEPTED)
    names = sorted(partners.values_list("senate__name", flat=True))
    return f"Joint review led by {request.senate.name} with {' and '.join(names)}" if names else ""


def partners_of(request: Request) -> list[PartnerSenate]:
    return list(PartnerSenate.objects.filter(request=request).select_related("senate", "invited_by", "answered_by"))


def comments_on(request: Request) -> list[PartnerComment]:
    return list(PartnerComment.objects.filter(request=request).select_related("senate", "author"))


def invitable_senates(request: Request) -> Any:
    from senate.organisations.models import Senate

    taken = PartnerSenate.objects.filter(request=request).exclude(status=PartnerSenate.Status.DECLINED)
    return (
        Senate.objects.current()
        .exclude(pk=request.senate_id)
        .exclude(pk__in=taken.values("senate_id"))
        .order_by("name")
    )


def invite(request: Request, senate: Senate, *, by: User, message: str = "") -> PartnerSenate:
    """The lead Senate asks `senate` to join this review; its managers are told by email."""
    if senate.pk == request.senate_id:
        raise JointRefused("A Senate cannot be a partner in its own review.")
    if request.stage in FINISHED or request.stage == Stage.DRAFT:
        raise JointRefused("Only a review under way can become a joint review.")
    with transaction.atomic():
        partner = PartnerSenate.objects.select_for_update().filter(request=request, senate=senate).first()
        if partner is not None and partner.status != PartnerSenate.Status.DECLINED:
            raise JointRefused(f"{senate.name} has already been invited to this review.")
        if partner is None:
            partner = PartnerSenate(request=request, senate=senate, invited_by=by)
        partner.status, partner.message, partner.invited_by = PartnerSenate.Status.INVITED, message, by
        partner.answered_by, partner.answered_at, partner.reason = None, None, ""
        partner.save()
        audit.record(
            "joint.invited",
            partner,
            by=by,
            senate=request.senate,
            summary=f"{senate.name} invited to review {request.reference} jointly",
            data={"senate": senate.name, "message": message},
        )
        _tell(
            RoleAssignment.objects.filter(senate=senate, role=Role.MANAGER),
            request,
            subject=f"{request.reference}: invitation to a joint review",
            body=(
                f'{request.senate.name} invites {senate.name} to review "{request.title}" jointly.\n\n'
                f"{message}\n\nAccept or decline: {_link(request)}"
            ),
            kind="joint.invited",
            senate=senate,
        )
    return partner


def answer(partner: PartnerSenate, *, accept: bool, by: User, reason: str = "") -> PartnerSenate:
    """The partner Senate's manager accepts or declines (declining needs a reason)."""
    if not accept and not reason.strip():
        raise JointRefused("Say why your Senate declines, so the lead Senate can look elsewhere.")
    with transaction.atomic():
        partner = (
            PartnerSenate.objects.select_for_update().select_related("request__senate", "senate").get(pk=partner.pk)
        )
        if partner.status != PartnerSenate.Status.INVITED:
            raise JointRefused(f"This invitation has already been {partner.get_status_display().lower()}.")
        partner.status = PartnerSenate.Status.ACCEPTED if accept else PartnerSenate.Status.DECLINED
        partner.answered_by, partner.answered_at, partner.reason = by, timezone.now(), reason
        partner.save()
        request = partner.request
        verb = "accepted" if accept else "declined"
        audit.record(
            f"joint.{verb}",
            partner,
            by=by,
            senate=request.senate,
            summary=f"{partner.senate.name} {verb} to review {request.reference} jointly",
            data={"senate": partner.senate.name, "reason": reason},
        )
        _tell(
            RoleAssignment.objects.filter(senate=request.senate, role=Role.MANAGER),
            request,
            subject=f"{request.reference}: {partner.senate.name} {verb} the joint review",
            body=f'{partner.senate.name} {verb} your invitation to review "{request.title}" jointly.\n\n{reason}',
            kind=f"joint.{verb}",
            senate=request.senate,
        )
    return partner


def invitation_for(request: Request, user: User) -> PartnerSenate | None:
    """The open invitation this person answers for their Senate (as its manager), if any."""
    from senate.accounts.roles import _cache

    managed = {senate_id for (senate_id, role, _org) in _cache(user) if role == Role.MANAGER and senate_id}
    return (
        PartnerSenate.objects.filter(request=request, senate_id__in=managed, status=PartnerSenate.Status.INVITED)
        .select_related("senate")
        .first()
    )


def comment(request: Request, *, by: User, text: str) -> PartnerComment:
    """A partner Council member comments on the draft advice; the lead Senate's managers are told."""
    from senate.accounts.roles import _cache

    if not text.strip():
        raise JointRefused("Write your comment.")
    accepted = partner_senate_ids(request)
    mine = sorted(s for (s, role, _org) in _cache(by) if s in accepted and role in COUNCIL)
    if not mine:
        raise JointRefused("Only the Council of a partner Senate comments here.")
    if request.stage in FINISHED or request.stage in {Stage.ISSUED, Stage.PUBLISHED}:
        raise JointRefused("The advice has been issued: comments are closed.")
    with transaction.atomic():
        made = PartnerComment.objects.create(request=request, senate_id=mine[0], author=by, text=text.strip())
        audit.record(
            "joint.commented",
            made,
            by=by,
            senate=request.senate,
            summary=f"{made.senate.name} Council commented on {request.reference}",
        )
        _tell(
            RoleAssignment.objects.filter(senate=request.senate, role__in=TEAM),
            request,
            subject=f"{request.reference}: a partner Council commented",
            body=f"{made.senate.name} Council commented on the draft advice:\n\n{made.text}\n\n{_link(request)}",
            kind="joint.commented",
            senate=request.senate,
        )
    return made


def _link(request: Request) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("reviews:joint", args=[request.senate.slug, request.pk])


def _tell(
    assignments: QuerySet[RoleAssignment], request: Request, *, subject: str, body: str, kind: str, senate: Senate
) -> None:
    seen: set[int] = set()
    for assignment in assignments.select_related("user"):
        if assignment.user_id in seen or not assignment.user.is_active:
            continue
        seen.add(assignment.user_id)
        queue_email(to=assignment.user, subject=subject, body=body, kind=kind, about=request, senate=senate)
