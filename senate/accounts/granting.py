"""Giving and withdrawing a person's roles in a Senate, and the roles held across every Senate (the
NHS England national team): the only writes to `RoleAssignment` and `NationalRoleAssignment`. Each act
checks the change, writes it and its audit event (with before and after) in one transaction; a refusal
writes nothing."""

from typing import Any

from django.db import transaction

from senate.accounts.models import NationalRole, NationalRoleAssignment, Role, RoleAssignment, User
from senate.core import audit

# A Senate has one clinical Chair (NHS England appoints them; docs/domain.md §1, §5.3).
ONE_AT_A_TIME = frozenset({Role.CHAIR})


class RoleRefused(ValueError):
    """The change would leave the Senate's roles wrong; the message says why, in words for the team."""


def why_not_grant(*, person: User, senate: Any, role: str, organisation: Any = None) -> str | None:
    """Why `role` cannot be given to `person` in `senate`, or None when it can."""
    label = Role(role).label
    if role == Role.REQUESTER and organisation is None:
        return "Select the organisation a requester contact acts for"
    held = RoleAssignment.objects.filter(senate=senate, role=role)
    if person.pk and held.filter(user=person, organisation=organisation).exists():
        return f"{person} is already {label} in this Senate"
    if role in ONE_AT_A_TIME and (holder := held.exclude(user_id=person.pk).select_related("user").first()):
        return f"{holder.user} is the {label}: withdraw that role before giving it to someone else"
    return None


def grant_role(
    *, person: User, senate: Any, role: str, by: User | None, reason: str = "", organisation: Any = None
) -> RoleAssignment:
    """Give `person` the `role` in `senate` (a requester contact for `organisation`), with an audit event."""
    with transaction.atomic():
        if refusal := why_not_grant(person=person, senate=senate, role=role, organisation=organisation):
            raise RoleRefused(refusal)
        assignment = RoleAssignment.objects.create(user=person, senate=senate, role=role, organisation=organisation)
        _record(assignment, "role.given", by=by, reason=reason, before="", after=_described(assignment))
    return assignment


def withdraw_role(*, assignment: RoleAssignment, by: User, reason: str) -> None:
    """Take a role away, with an audit event naming the role and why. The Senate manager cannot take
    their own manager role away (so a Senate is never left with nobody to run it by mistake)."""
    if not reason.strip():
        raise RoleRefused("Say why the role is being withdrawn")
    if assignment.role == Role.MANAGER and getattr(by, "pk", None) == assignment.user_id:
        raise RoleRefused("You cannot withdraw your own role as Senate manager: ask another member of the team")
    with transaction.atomic():
        _record(assignment, "role.withdrawn", by=by, reason=reason, before=_described(assignment), after="")
        assignment.delete()


def _described(assignment: RoleAssignment) -> str:
    label = assignment.get_role_display()
    return f"{label} for {assignment.organisation}" if assignment.organisation_id else label


def _record(assignment: RoleAssignment, action: str, *, by: User | None, reason: str, before: str, after: str) -> None:
    verb = "given" if after else "withdrawn"
    audit.record(
        action,
        assignment,
        by=by,
        senate=assignment.senate,
        summary=f"{assignment.user}: role {verb}: {after or before}",
        data={"person": assignment.user_id, "reason": reason.strip(), "changed": {"role": [before, after]}},
    )


def why_not_grant_national(*, person: User, role: str, by: User) -> str | None:
    """Why the national `role` cannot be given to `person` by `by`, or None when it can. A role across
    every Senate is not one Senate team's to give: a system administrator gives it."""
    if not (getattr(by, "is_active", False) and getattr(by, "is_superuser", False)):
        return "Only a system administrator gives a role across every Senate"
    if person.pk and NationalRoleAssignment.objects.filter(user=person, role=role).exists():
        return f"{person} is already in the {NationalRole(role).label}"
    return None


def grant_national_role(*, person: User, role: str, by: User, reason: str = "") -> NationalRoleAssignment:
    """Give `person` a role across every Senate (the NHS England national team), with an audit event."""
    with transaction.atomic():
        if refusal := why_not_grant_national(person=person, role=role, by=by):
            raise RoleRefused(refusal)
        assignment = NationalRoleAssignment.objects.create(user=person, role=role)
        _record_national(assignment, "role.national_given", by=by, reason=reason, given=True)
    return assignment


def withdraw_national_role(*, assignment: NationalRoleAssignment, by: User, reason: str) -> None:
    """Take a national role away, with an audit event naming it and why (a system administrator only)."""
    if not reason.strip():
        raise RoleRefused("Say why the role is being withdrawn")
    if not (getattr(by, "is_active", False) and getattr(by, "is_superuser", False)):
        raise RoleRefused("Only a system administrator withdraws a role across every Senate")
    with transaction.atomic():
        _record_national(assignment, "role.national_withdrawn", by=by, reason=reason, given=False)
        assignment.delete()


def _record_national(assignment: NationalRoleAssignment, action: str, *, by: User, reason: str, given: bool) -> None:
    label = assignment.get_role_display()
    before, after = ("", label) if given else (label, "")
    audit.record(
        action,
        assignment,
        by=by,
        summary=f"{assignment.user}: role {'given' if after else 'withdrawn'}: {label}",
        data={"person": assignment.user_id, "reason": reason.strip(), "changed": {"role": [before, after]}},
    )
