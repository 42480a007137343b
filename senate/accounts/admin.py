from django.contrib import admin

from senate.accounts.forms import AdminSignInForm
from senate.accounts.models import ApiToken, RoleAssignment, User
from senate.core.audited_admin import AuditedAdmin


class RoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["organisation"]
    readonly_fields = ["granted_at"]


@admin.register(User)
class UserAdmin(AuditedAdmin):
    """People and their roles in each Senate: every change is written to the audit trail."""

    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    exclude = ["password", "user_permissions", "groups"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [RoleInline]


admin.site.register(ApiToken, list_display=["user", "name", "prefix", "created_at", "revoked_at"])

# Django admin is for system administrators only, whatever else a person may do.
admin.site.has_permission = lambda request: bool(request.user.is_active and request.user.is_superuser)  # type: ignore[method-assign]
admin.site.site_header = "Senate system administration"
# Its sign-in is slowed after repeated failures, as Senate's own is (`throttle.py`).
admin.site.login_form = AdminSignInForm
