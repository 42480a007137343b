from typing import Any

from django.contrib import admin
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from senate.accounts.forms import AdminSignInForm
from senate.accounts.granting import (
    grant_national_role,
    grant_role,
    why_not_grant,
    why_not_grant_national,
    withdraw_national_role,
    withdraw_role,
)
from senate.accounts.models import ApiToken, NationalRoleAssignment, RoleAssignment, User
from senate.accounts.people import signed_in_person
from senate.core.audited_admin import AuditedAdmin

GIVEN_HERE = "Given in system administration"
WITHDRAWN_HERE = "Withdrawn in system administration"


class RoleFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    """A role added here is checked as the Senate team's page checks it (one Senate Chair, a requester
    contact's organisation, no role held twice), so a refusal is shown on the row, not as an error page."""

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if form.instance.pk or not data or data.get("DELETE") or not data.get("senate"):
                continue
            refusal = why_not_grant(
                person=self.instance, senate=data["senate"], role=data["role"], organisation=data.get("organisation")
            )
            if refusal:
                form.add_error(None, refusal)


class RoleInline(admin.TabularInline):  # type: ignore[type-arg]
    """Roles are given and withdrawn here, never changed in place: each through `granting`, audited."""

    model = RoleAssignment
    formset = RoleFormSet
    extra = 0
    autocomplete_fields = ["organisation"]
    readonly_fields = ["granted_at"]

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False


class NationalRoleFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    """A role across every Senate (the NHS England national team), checked as `granting` checks it."""

    request_user: Any = None  # who is giving the role (set by the inline): only a system administrator may

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if form.instance.pk or not data or data.get("DELETE") or not data.get("role"):
                continue
            if refusal := why_not_grant_national(person=self.instance, role=data["role"], by=self.request_user):
                form.add_error(None, refusal)


class NationalRoleInline(admin.TabularInline):  # type: ignore[type-arg]
    """Roles across every Senate, given and withdrawn through `granting` (audited), never changed in place."""

    model = NationalRoleAssignment
    formset = NationalRoleFormSet
    extra = 0
    readonly_fields = ["granted_at"]
    verbose_name = "role across every Senate"
    verbose_name_plural = "roles across every Senate"

    def get_formset(self, request: HttpRequest, obj: models.Model | None = None, **kwargs: Any) -> Any:
        formset: Any = super().get_formset(request, obj, **kwargs)
        formset.request_user = request.user
        return formset

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(AuditedAdmin):
    """People and their roles in each Senate: every change is written to the audit trail."""

    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    exclude = ["password", "user_permissions", "groups"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [RoleInline, NationalRoleInline]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is NationalRoleAssignment:
            return _save_national_roles(request, formset)
        if formset.model is not RoleAssignment:
            return super().save_formset(request, form, formset, change)
        # What admin's own history message reads (construct_change_message), as a saved formset sets them.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for removed in formset.deleted_forms:
            if removed.instance.pk:
                formset.deleted_objects.append(removed.instance)
                withdraw_role(assignment=removed.instance, by=signed_in_person(request), reason=WITHDRAWN_HERE)
        for added in formset.forms:
            data = added.cleaned_data
            if added.instance.pk or not data or data.get("DELETE") or not added.has_changed():
                continue
            formset.new_objects.append(
                grant_role(
                    person=formset.instance,
                    senate=data["senate"],
                    role=data["role"],
                    organisation=data.get("organisation"),
                    by=signed_in_person(request),
                    reason=GIVEN_HERE,
                )
            )
        return None


def _save_national_roles(request: HttpRequest, formset: Any) -> None:
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for removed in formset.deleted_forms:
        if removed.instance.pk:
            formset.deleted_objects.append(removed.instance)
            withdraw_national_role(assignment=removed.instance, by=signed_in_person(request), reason=WITHDRAWN_HERE)
    for added in formset.forms:
        data = added.cleaned_data
        if added.instance.pk or not data or data.get("DELETE") or not added.has_changed():
            continue
        formset.new_objects.append(
            grant_national_role(
                person=formset.instance, role=data["role"], by=signed_in_person(request), reason=GIVEN_HERE
            )
        )


admin.site.register(ApiToken, list_display=["user", "name", "prefix", "created_at", "revoked_at"])

# Django admin is for system administrators only, whatever else a person may do.
admin.site.has_permission = lambda request: bool(request.user.is_active and request.user.is_superuser)  # type: ignore[method-assign]
admin.site.site_header = "Senate system administration"
# Its sign-in is slowed after repeated failures, as Senate's own is (`throttle.py`).
admin.site.login_form = AdminSignInForm
