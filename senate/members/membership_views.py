"""The Senate team's pages for a member's memberships and roles: appoint to the Council or Assembly,
change a term, end a membership, give and withdraw a role. Each calls one act of `appointments` or
`granting`; a refusal is shown on the form, in the act's words."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.granting import RoleRefused, grant_role, withdraw_role
from senate.accounts.models import Role, RoleAssignment
from senate.accounts.people import SignedInRequest
from senate.accounts.permission_names import Permission
from senate.core.access import requires
from senate.members import appointments
from senate.members.forms import AppointmentForm, EndMembershipForm, GiveRoleForm, TermForm, WithdrawRoleForm
from senate.members.models import MemberProfile, Membership
from senate.members.served import MEMBER, MEMBERSHIP, ROLE
from senate.organisations.models import Senate

SECTION = "#memberships-and-roles"


@requires(Permission.EDIT_MEMBERSHIP, on=MEMBER)
def appoint(http: SignedInRequest, senate: Senate, profile: MemberProfile) -> HttpResponse:
    form = AppointmentForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = appointments.appoint(
                profile=profile,
                senate=senate,
                body=data["body"],
                role=data["role"],
                starts=data["starts"],
                ends=data["ends"],
                reason=data["reason"],
                by=http.user,
            )
        except appointments.AppointmentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, f"{profile} has been appointed to the {made.get_body_display()}.")
            return _back(senate, profile)
    return _page(http, senate, profile, "members/appoint.jinja", form, "Appoint to the Council or Assembly")


@requires(Permission.EDIT_MEMBERSHIP, on=MEMBERSHIP)
def change_term(http: SignedInRequest, senate: Senate, membership: Membership) -> HttpResponse:
    initial = {"starts": membership.term_start, "ends": membership.term_end}
    form = TermForm(_posted(http), initial=initial)
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointments.change_term(
                membership=membership, starts=data["starts"], ends=data["ends"], reason=data["reason"], by=http.user
            )
        except appointments.AppointmentRefused as refusal:
            membership.refresh_from_db()
            form.add_error(None, str(refusal))
        else:
            messages.success(http, f"The term has been changed: it now ends on {_day(membership.term_end)}.")
            return _back(senate, membership.profile)
    extra = {"membership": membership}
    return _page(http, senate, membership.profile, "members/change_term.jinja", form, "Change the term", extra)


@requires(Permission.EDIT_MEMBERSHIP, on=MEMBERSHIP)
def end_membership(http: SignedInRequest, senate: Senate, membership: Membership) -> HttpResponse:
    form = EndMembershipForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointments.end_membership(membership=membership, on=data["on"], reason=data["reason"], by=http.user)
        except appointments.AppointmentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                http, f"{membership.profile} leaves the {membership.get_body_display()} on {_day(data['on'])}."
            )
            return _back(senate, membership.profile)
    extra = {"membership": membership}
    return _page(http, senate, membership.profile, "members/end_membership.jinja", form, "End a membership", extra)


@requires(Permission.EDIT_MEMBERSHIP, on=MEMBER)
def give_role(http: SignedInRequest, senate: Senate, profile: MemberProfile) -> HttpResponse:
    form = GiveRoleForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        role = form.cleaned_data["role"]
        try:
            grant_role(
                person=profile.user,
                senate=senate,
                role=role,
                reason=form.cleaned_data["reason"],
                by=http.user,
            )
        except RoleRefused as refusal:
            form.add_error("role", str(refusal))
        else:
            messages.success(http, f"{profile} is now {Role(role).label} in this Senate.")
            return _back(senate, profile)
    return _page(http, senate, profile, "members/give_role.jinja", form, "Give a role")


@requires(Permission.EDIT_MEMBERSHIP, on=ROLE)
def withdraw(http: SignedInRequest, senate: Senate, assignment: RoleAssignment) -> HttpResponse:
    profile = MemberProfile.objects.select_related("user").get(user_id=assignment.user_id)
    form = WithdrawRoleForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        label = assignment.get_role_display()
        try:
            withdraw_role(assignment=assignment, reason=form.cleaned_data["reason"], by=http.user)
        except RoleRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, f"{profile} is no longer {label} in this Senate.")
            return _back(senate, profile)
    extra = {"assignment": assignment}
    return _page(http, senate, profile, "members/withdraw_role.jinja", form, "Withdraw a role", extra)


def _posted(http: SignedInRequest) -> Any:
    return http.POST if http.method == "POST" else None


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _back(senate: Senate, profile: MemberProfile) -> HttpResponse:
    return redirect(f"/{senate.slug}/members/{profile.pk}/{SECTION}")


def _page(
    http: SignedInRequest,
    senate: Senate,
    profile: MemberProfile,
    template: str,
    form: Any,
    title: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context = {
        "form": form,
        "profile": profile,
        "page_title": title,
        "back": f"/{senate.slug}/members/{profile.pk}/",
        "breadcrumbs": [
            {"href": f"/{senate.slug}/", "text": senate.name},
            {"href": f"/{senate.slug}/members/", "text": "Member directory"},
            {"href": f"/{senate.slug}/members/{profile.pk}/", "text": str(profile)},
        ],
        **(extra or {}),
    }
    return render(http, template, context)
