from django.contrib import admin

from senate.accounts.forms import AdminSignInForm
from senate.accounts.models import ApiToken, RoleAssignment, User


class RoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    exclude = ["password", "user_permissions", "groups"]
    inlines = [RoleInline]


admin.site.register(ApiToken, list_display=["user", "name", "prefix", "created_at", "revoked_at"])

# Django admin is for system administrators only, whatever else a person may do.
admin.site.has_permission = lambda request: bool(request.user.is_active and request.user.is_superuser)  # type: ignore[method-assign]
admin.site.site_header = "Senate system administration"
# Its sign-in is slowed after repeated failures, as Senate's own is (`throttle.py`).
admin.site.login_form = AdminSignInForm
