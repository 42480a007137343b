from typing import Any

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from senate.accounts.forms import AdminSignInForm
from senate.accounts.granting import grant_role, why_not_grant, withdraw_role
from senate.accounts.models import ApiToken, RoleAssignment, User
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

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(AuditedAdmin):
    """People and their roles in each Senate: every change is written to the audit trail."""

    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    exclude = ["password", "user_permissions", "groups"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [RoleInline]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not RoleAssignment:
            return super().save_formset(request, form, formset, change)
        # What admin's own history message reads (construct_change_message), as a saved formset sets them.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for removed in formset.deleted_forms:
            if removed.instance.pk:
                formset.deleted_objects.append(removed.instance)
                withdraw_role(assignment=removed.instance, by=request.user, reason=WITHDRAWN_HERE)
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
                    by=request.user,
                    reason=GIVEN_HERE,
                )
            )
        return None


admin.site.register(ApiToken, list_display=["user", "name", "prefix", "created_at", "revoked_at"])

# Django admin is for system administrators only, whatever else a person may do.
admin.site.has_permission = lambda request: bool(request.user.is_active and request.user.is_superuser)  # type: ignore[method-assign]
admin.site.site_header = "Senate system administration"
# Its sign-in is slowed after repeated failures, as Senate's own is (`throttle.py`).
admin.site.login_form = AdminSignInForm
