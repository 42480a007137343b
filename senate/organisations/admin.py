from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from senate.accounts.people import signed_in_person
from senate.core.audited_admin import AuditedAdmin
from senate.organisations.merging import MergeError, merge_organisations
from senate.organisations.models import IcbArea, Organisation, Region, Senate, Succession

admin.site.register(Region)
admin.site.register(Senate, list_display=["name", "region", "established", "ended"])
admin.site.register(IcbArea, list_display=["icb", "senate", "valid_from", "valid_to"])
admin.site.register(Succession, list_display=["predecessor", "kind", "successor", "effective"])


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "code", "type", "icb", "valid_to"]
    list_filter = ["type", "is_synthetic"]
    search_fields = ["name", "code"]
    ordering = ["name", "code"]
    actions = ["merge_duplicates"]

    @admin.action(description="Merge the selected organisations into one")
    def merge_duplicates(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> TemplateResponse | None:
        chosen = list(queryset.order_by("name", "code"))
        if len(chosen) < 2:
            self.message_user(request, "Select two or more records of the same organisation to merge", messages.ERROR)
            return None
        keep_pk = request.POST.get("keep")
        if request.POST.get("confirm") and keep_pk:
            keep = next((o for o in chosen if str(o.pk) == keep_pk), None)
            if keep is None:
                self.message_user(request, "Choose the record to keep from those selected", messages.ERROR)
                return None
            try:
                for duplicate in chosen:
                    if duplicate.pk != keep.pk:
                        merge_organisations(keep, duplicate, by=signed_in_person(request))
            except MergeError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(
                request, f"Merged {len(chosen) - 1} record(s) into {keep.label}; every reference now points at it"
            )
            return None
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": "Merge duplicated organisations",
            "opts": self.model._meta,
            "chosen": chosen,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "missing_keep": bool(request.POST.get("confirm")),
        }
        return TemplateResponse(request, "admin/organisations/merge.html", context)
