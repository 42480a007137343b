"""Appointing members to a Senate's Council or Assembly, changing a term of office and ending a
membership: the only writes to `Membership`. Each act checks the change, writes it and its audit event
(with before and after) in one transaction; a refusal writes nothing."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from senate.accounts.granting import grant_role, withdraw_role
from senate.accounts.models import Role, RoleAssignment, User
from senate.core import audit
from senate.members.models import Body, MemberProfile, Membership, MembershipRole, RoleDescription
from senate.organisations.models import Senate

# The role a member of each body signs in with (Council pages, an Assembly member's panels).
SIGN_IN_ROLE = {Body.COUNCIL: Role.COUNCIL_MEMBER, Body.ASSEMBLY: Role.ASSEMBLY_MEMBER}
# The Chair and Vice-chair lead the Council; a Senate has one clinical Chair at a time (docs/domain.md §1).
COUNCIL_ONLY = frozenset({MembershipRole.CHAIR, MembershipRole.VICE_CHAIR})
ONE_AT_A_TIME = frozenset({MembershipRole.CHAIR})


class AppointmentRefused(ValueError):
    """The change would make the membership record wrong; the message says why, in words for the team."""


def appoint(
    *,
    profile: MemberProfile,
    senate: Senate,
    body: str,
    role: str,
    starts: dt.date,
    ends: dt.date,
    by: User | None,
    reason: str = "",
    term_number: int | None = None,
    role_description: RoleDescription | None = None,
    grant_sign_in_role: bool = True,
    today: dt.date | None = None,
) -> Membership:
    """Appoint `profile` to `body` for a term from `starts` to `ends` (both days included). The term is
    numbered after their earlier terms on that body unless `term_number` says otherwise. Unless told
    not to, the member is also given the body's sign-in role (Council member, Assembly member)."""
    today = today or dt.date.today()
    membership = Membership(
        profile=profile,
        senate=senate,
        body=body,
        role=role,
        term_start=starts,
        term_end=ends,
        term_number=term_number or _next_term_number(profile, senate, body),
        role_description=role_description,
    )
    _check_term(membership, reason=reason, today=today)
    # Checked before the transaction, so a refusal leaves a caller's own transaction usable; no savepoint
    # of its own, so appointing a whole Council in one transaction (`appoint_all`) stays quick.
    with transaction.atomic(savepoint=False):
        membership.save()
        _record(membership, "membership.appointed", by=by, reason=reason, changed=_whole(membership, empty=False))
        sign_in = SIGN_IN_ROLE[Body(body)]
        if grant_sign_in_role and not _holds(profile, senate, sign_in):
            grant_role(
                person=profile.user,
                senate=senate,
                role=sign_in,
                by=by,
                reason=f"Appointed to the {membership.get_body_display()}",
            )
    return membership


def change_term(
    *, membership: Membership, starts: dt.date, ends: dt.date, by: User, reason: str, today: dt.date | None = None
) -> Membership:
    """Move the start or end of a term not yet ended early (an extension, a correction)."""
    if membership.ended_on:
        raise AppointmentRefused("This membership has ended: appoint them again for a new term")
    if not reason.strip():
        raise AppointmentRefused("Say why the term is changing")
    before = _whole(membership)
    with transaction.atomic():
        membership.term_start, membership.term_end = starts, ends
        _check_term(membership, reason=reason, today=today or dt.date.today(), moved=before)
        membership.save(update_fields=["term_start", "term_end"])
        changed = {k: [before[k][1], after[1]] for k, after in _whole(membership).items() if after[1] != before[k][1]}
        _record(membership, "membership.term_changed", by=by, reason=reason, changed=changed)
    return membership


def end_membership(
    *, membership: Membership, on: dt.date, by: User, reason: str, today: dt.date | None = None
) -> Membership:
    """Record that a member leaves on `on` (the first day they are no longer a member), before their
    term ends. Once it takes effect and they hold no other membership of that body here, the body's
    sign-in role is withdrawn too."""
    today = today or dt.date.today()
    if membership.ended_on:
        raise AppointmentRefused(f"This membership already ended on {uk_date(membership.ended_on)}")
    if not reason.strip():
        raise AppointmentRefused("Say why the membership is ending")
    if on < membership.term_start:
        raise AppointmentRefused(f"The end date must be on or after the term started, {uk_date(membership.term_start)}")
    if on > membership.term_end:
        raise AppointmentRefused(
            f"The term already ends on {uk_date(membership.term_end)}: enter an earlier date, or change the term"
        )
    with transaction.atomic():
        membership.ended_on, membership.end_reason = on, reason.strip()[:200]
        membership.save(update_fields=["ended_on", "end_reason"])
        changed = {"ended_on": ["", uk_date(on)], "end_reason": ["", membership.end_reason]}
        _record(membership, "membership.ended", by=by, reason=reason, changed=changed)
        if on <= today:
            _withdraw_sign_in_role(membership, by=by, today=today)
    return membership


def appoint_all(appointments: Iterable[dict[str, Any]], *, by: User | None, reason: str) -> list[Membership]:
    """Several appointments in one transaction (the demo's Councils and Assemblies): all or none."""
    with transaction.atomic():
        return [appoint(**a, by=by, reason=reason) for a in appointments]


# Checks --------------------------------------------------------------------------------------------


def _check_term(membership: Membership, *, reason: str, today: dt.date, moved: dict[str, Any] | None = None) -> None:
    m = membership
    if m.term_end <= m.term_start:
        raise AppointmentRefused("The term must end after it starts")
    if m.role in COUNCIL_ONLY and m.body != Body.COUNCIL:
        raise AppointmentRefused(f"The {m.get_role_display()} sits on the Council, not the Assembly")
    if m.body == Body.COUNCIL and m.term_number > m.senate.council_max_terms:
        raise AppointmentRefused(
            f"{m.profile} would start term {m.term_number}: this Senate allows at most "
            f"{m.senate.council_max_terms} terms on the Council"
        )
    backdated = m.term_start < today and (moved is None or str(m.term_start) != moved["term_start"][0])
    if backdated and not reason.strip():
        raise AppointmentRefused("The term starts in the past: say why")
    others = _overlapping(Membership.objects.filter(senate=m.senate, body=m.body).exclude(pk=m.pk), m)
    if clash := others.filter(profile=m.profile).first():
        raise AppointmentRefused(
            f"{m.profile} is already a member of the {m.get_body_display()} from {uk_date(clash.term_start)} "
            f"to {uk_date(_last_day(clash))}: terms of the same body cannot overlap"
        )
    if m.role in ONE_AT_A_TIME and (chair := others.filter(role=m.role).select_related("profile__user").first()):
        raise AppointmentRefused(
            f"{chair.profile} is the {chair.get_role_display()} until {uk_date(_last_day(chair))}: "
            "a Senate has one Chair at a time"
        )


def _overlapping(memberships: QuerySet[Membership], m: Membership) -> QuerySet[Membership]:
    """Those whose days as a member (to the day before they left, or to the term's end) meet m's term."""
    return memberships.filter(term_start__lte=m.term_end).filter(
        Q(ended_on__isnull=True, term_end__gte=m.term_start) | Q(ended_on__gt=m.term_start)
    )


def _last_day(m: Membership) -> dt.date:
    return m.ended_on - dt.timedelta(days=1) if m.ended_on else m.term_end


def _next_term_number(profile: MemberProfile, senate: Senate, body: str) -> int:
    return Membership.objects.filter(profile=profile, senate=senate, body=body).count() + 1


def _holds(profile: MemberProfile, senate: Senate, role: str) -> bool:
    return RoleAssignment.objects.filter(user_id=profile.user_id, senate=senate, role=role).exists()


def _withdraw_sign_in_role(membership: Membership, *, by: User, today: dt.date) -> None:
    still = Membership.objects.filter(profile=membership.profile, senate=membership.senate, body=membership.body)
    still = (
        still.exclude(pk=membership.pk)
        .filter(term_end__gte=today)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
    )
    if still.exists():
        return
    role = SIGN_IN_ROLE[Body(membership.body)]
    for assignment in RoleAssignment.objects.filter(
        user_id=membership.profile.user_id, senate=membership.senate, role=role
    ):
        withdraw_role(assignment=assignment, by=by, reason=f"Left the {membership.get_body_display()}")


def uk_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


# The audit event -----------------------------------------------------------------------------------


def _whole(m: Membership, *, empty: bool = True) -> dict[str, list[str]]:
    """Each field as [before, after] text, for a new membership ("" → value) or as it stands."""
    values = {
        "body": m.get_body_display(),
        "role": m.get_role_display(),
        "term_start": str(m.term_start),
        "term_end": str(m.term_end),
        "term_number": str(m.term_number),
    }
    return {k: ["" if not empty else v, v] for k, v in values.items()}


def _record(m: Membership, action: str, *, by: User | None, reason: str, changed: dict[str, list[str]]) -> None:
    what = {
        "membership.appointed": f"appointed to the {m.get_body_display()} as {m.get_role_display()}, "
        f"{uk_date(m.term_start)} to {uk_date(m.term_end)}",
        "membership.term_changed": f"term on the {m.get_body_display()} changed to {uk_date(m.term_start)} "
        f"to {uk_date(m.term_end)}",
        "membership.ended": f"left the {m.get_body_display()} on {uk_date(m.ended_on)}" if m.ended_on else "",
    }[action]
    audit.record(
        action,
        m,
        by=by,
        senate=m.senate,
        summary=f"{m.profile}: {what}",
        data={"person": m.profile.user_id, "reason": reason.strip(), "changed": changed},
    )
