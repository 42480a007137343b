"""Django admin that writes the audit trail: every record a system administrator adds, changes or
removes there (a person's roles, a member's memberships) is recorded in the same transaction as the
change (Django admin runs each save in one), with what changed, before → after."""

from django.contrib import admin
from django.db import models
from django.forms import BaseForm, BaseFormSet
from django.http import HttpRequest

from senate.core import audit


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _changes(form: BaseForm) -> dict[str, list[str]]:
    return {name: [_text(form.initial.get(name)), _text(form.cleaned_data.get(name))] for name in form.changed_data}


def _record(request: HttpRequest, obj: models.Model, act: str, changed: dict[str, list[str]] | None = None) -> None:
    label = str(obj._meta.verbose_name)
    audit.record(
        f"admin.{obj._meta.label_lower}.{act}",
        obj,
        by=request.user,
        senate=getattr(obj, "senate", None),
        summary=f"{label.capitalize()} {act} in administration: {obj}"[:300],
        data={"changed": changed} if changed else None,
    )


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def save_model(self, request: HttpRequest, obj: models.Model, form: BaseForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change or form.changed_data:
            _record(request, obj, "changed" if change else "added", _changes(form))

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        _record(request, obj, "removed")
        super().delete_model(request, obj)

    def save_formset(self, request: HttpRequest, form: BaseForm, formset: BaseFormSet, change: bool) -> None:  # type: ignore[type-arg]
        for removed in getattr(formset, "deleted_forms", []):
            if removed.instance.pk:
                _record(request, removed.instance, "removed")
        super().save_formset(request, form, formset, change)
        for obj in getattr(formset, "new_objects", []):
            _record(request, obj, "added")
        forms_by_instance = {f.instance.pk: f for f in formset.forms if getattr(f, "instance", None) is not None}
        for obj, _names in getattr(formset, "changed_objects", []):
            changed_form = forms_by_instance.get(obj.pk)
            _record(request, obj, "changed", _changes(changed_form) if changed_form is not None else None)
