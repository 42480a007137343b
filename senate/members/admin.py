from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from senate.core.audited_admin import AuditedAdmin
from senate.members.models import Affiliation, Expertise, MemberProfile, Membership, RoleDescription


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    """Shown, not changed: the Senate team appoints, changes terms and ends memberships on the member's
    page, through `appointments`, so every change is checked and audited in one place."""

    model = Membership
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False


class AffiliationInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Affiliation
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(MemberProfile)
class MemberProfileAdmin(AuditedAdmin):
    """Members, their memberships of the Council and Assembly and their affiliations: audited."""

    list_display = ["user", "profession", "employer", "region"]
    search_fields = ["user__full_name", "user__email"]
    autocomplete_fields = ["employer", "home_icb"]
    inlines = [MembershipInline, AffiliationInline]


admin.site.register(Expertise, list_display=["name", "kind", "code"])
admin.site.register(RoleDescription, list_display=["title", "version", "senate", "approved_on"])
