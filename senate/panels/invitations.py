"""Invitations to a panel: sending them, the member's answer, reminders, withdrawing, and the panel."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from senate.core import audit
from senate.interests.decisions import InvitationRefused, ensure_can_be_invited
from senate.members.models import MemberProfile
from senate.notifications.outbox import queue_email
from senate.panels.models import AnsweredHow, PanelMember, PanelRole

REMIND_DAYS_BEFORE = 3


class AnswerRefused(ValueError):
    pass


def _link(name: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def invite(request, profile, *, role: str, by, on: dt.date | None = None) -> PanelMember:
    """Invite one member (never one excluded or with an undecided conflict) and queue the email."""
    profile = profile if isinstance(profile, MemberProfile) else MemberProfile.objects.get(pk=profile)
    on = on or timezone.localdate()
    ensure_can_be_invited(profile, request, on=on)
    spec = getattr(request, "panel_spec", None)
    days = spec.respond_within_days if spec else 10
    with transaction.atomic():
        seat = PanelMember.objects.create(
            request=request, profile=profile, role=role, respond_by=on + dt.timedelta(days=days)
        )
        audit.record(
            "panels.invited",
            seat,
            by=by,
            senate=request.senate,
            summary=f"{profile} invited to the panel of {request} as {seat.get_role_display()}",
        )
        queue_email(
            to=profile.user,
            subject=f"Invitation to the expert panel for {request}",
            body=(
                f"Dear {profile},\n\nThe {request.senate.name} invites you to join the expert panel for "
                f"{request} as {seat.get_role_display().lower()}.\n\nPlease accept or decline by "
                f"{seat.respond_by:%-d %B %Y}:\n{_link('panels:invitation', request.senate.slug, seat.pk)}\n"
            ),
            kind="panels.invitation",
            about=seat,
            senate=request.senate,
            dedupe_key=f"panels.invitation:{seat.pk}",
        )
    return seat


def respond(seat: PanelMember, *, accept: bool, reason: str = "", by) -> PanelMember:
    """The member's own answer. A decline needs a reason; the Senate's managers are told."""
    return _answer(seat, accept=accept, reason=reason, by=by)


def record_answer(seat: PanelMember, *, accept: bool, how: str, reason: str = "", by) -> PanelMember:
    """An answer the member gave outside Senate (by email, phone, in person or by letter), recorded by
    the Senate team for them: marked as such, with who recorded it and when."""
    if how not in AnsweredHow.values:
        raise AnswerRefused("Select how the member gave their answer")
    return _answer(seat, accept=accept, reason=reason, by=by, how=how)


def _answer(seat: PanelMember, *, accept: bool, reason: str, by, how: str = "") -> PanelMember:
    if seat.status != PanelMember.Status.INVITED:
        who = "You have" if not how else f"{seat.profile} has"
        raise AnswerRefused(f"{who} already answered this invitation ({seat.get_status_display().lower()})")
    if not accept and not reason.strip():
        raise AnswerRefused("Enter why they cannot join this panel" if how else "Enter why you cannot join this panel")
    with transaction.atomic():
        seat.status = PanelMember.Status.ACCEPTED if accept else PanelMember.Status.DECLINED
        seat.decline_reason = "" if accept else reason.strip()
        seat.responded_at = timezone.now()
        seat.answered_how, seat.answer_recorded_by = how, (by if how else None)
        fields = ["status", "decline_reason", "responded_at", "answered_how", "answer_recorded_by", "updated_at"]
        seat.save(update_fields=fields)
        given = f" ({AnsweredHow(how).label}, recorded by {by})" if how else ""
        audit.record(
            "panels.accepted" if accept else "panels.declined",
            seat,
            by=by,
            senate=seat.request.senate,
            summary=f"{seat.profile} {'accepted' if accept else 'declined'} the panel of {seat.request}{given}"[:300],
            data={"answered_how": how} if how else None,
        )
        if not accept:
            for manager in managers_of(seat.request.senate):
                queue_email(
                    to=manager,
                    subject=f"{seat.profile} declined the panel for {seat.request}",
                    body=(
                        f"{seat.profile} declined: {seat.decline_reason}\n\nA replacement from the last "
                        f"optimiser run is offered on the panel page:\n"
                        f"{_link('panels:panel', seat.request.senate.slug, seat.request.pk)}\n"
                    ),
                    kind="panels.declined",
                    about=seat,
                    senate=seat.request.senate,
                    dedupe_key=f"panels.declined:{seat.pk}:{manager.pk}",
                )
    return seat


def withdraw(seat: PanelMember, *, by) -> PanelMember:
    with transaction.atomic():
        seat.status, seat.withdrawn_at = PanelMember.Status.WITHDRAWN, timezone.now()
        seat.save(update_fields=["status", "withdrawn_at", "updated_at"])
        audit.record("panels.withdrawn", seat, by=by, senate=seat.request.senate, summary=f"{seat.profile} withdrawn")
    return seat


def send_invitation_reminders(senate, *, today: dt.date) -> int:
    """Remind members who have not answered, once, when the deadline is at most 3 days away."""
    due = PanelMember.objects.filter(
        request__senate=senate,
        status=PanelMember.Status.INVITED,
        respond_by__isnull=False,
        respond_by__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE),
        respond_by__gte=today,
    ).select_related("profile__user", "request__senate")
    sent = 0
    for seat in due:
        email = queue_email(
            to=seat.profile.user,
            subject=f"Reminder: please answer the panel invitation for {seat.request}",
            body=(
                f"Please accept or decline by {seat.respond_by:%-d %B %Y}:\n"
                f"{_link('panels:invitation', senate.slug, seat.pk)}\n"
            ),
            kind="panels.reminder",
            about=seat,
            senate=senate,
            dedupe_key=f"panels.reminder:{seat.pk}",
        )
        if email is not None:
            seat.reminded_at = timezone.now()
            seat.save(update_fields=["reminded_at"])
            sent += 1
    return sent


def managers_of(senate) -> list:
    from senate.accounts.models import Role, RoleAssignment

    return [a.user for a in RoleAssignment.objects.filter(senate=senate, role=Role.MANAGER).select_related("user")]


def final_panel(request, seats: list[PanelMember] | None = None) -> list[PanelMember]:
    """The accepted members, chair first; of `seats` (every seat of the request, with their profiles
    and users) when the caller has read them already."""
    order = {role: i for i, role in enumerate(PanelRole.values)}
    if seats is None:
        accepted = PanelMember.objects.filter(request=request, status=PanelMember.Status.ACCEPTED)
        seats = list(accepted.select_related("profile__user"))
    else:
        seats = [s for s in seats if s.status == PanelMember.Status.ACCEPTED]
    return sorted(seats, key=lambda s: (order.get(s.role, 9), str(s.profile)))


__all__ = ["InvitationRefused", "invite", "respond", "send_invitation_reminders", "withdraw", "final_panel"]


def set_role(seat: PanelMember, *, role: str, by) -> PanelMember:
    """Change a member's role on the panel. A panel has one chair: naming a new one makes the old one a
    clinical member."""
    if role not in PanelRole.values:
        raise AnswerRefused("Select a role")
    if seat.status in (PanelMember.Status.DECLINED, PanelMember.Status.WITHDRAWN):
        raise AnswerRefused(f"{seat.profile} is no longer on this panel")
    with transaction.atomic():
        if role == PanelRole.CHAIR:
            PanelMember.objects.filter(request=seat.request, role=PanelRole.CHAIR).exclude(pk=seat.pk).update(
                role=PanelRole.CLINICAL
            )
        seat.role = role
        seat.save(update_fields=["role", "updated_at"])
        audit.record(
            "panels.role",
            seat,
            by=by,
            senate=seat.request.senate,
            summary=f"{seat.profile} is now {seat.get_role_display().lower()} on the panel of {seat.request}",
        )
    return seat
