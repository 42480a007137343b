from typing import Any

from django import forms

from senate.core.forms import DateField, Form


class AuditSearchForm(Form):
    """The filters of a Senate's audit trail, sent by GET. Every field may be left empty."""

    person = forms.CharField(
        label="Person", required=False, max_length=150, help_text="Part of a name or email address"
    )
    act = forms.CharField(
        label="Act", required=False, max_length=80, help_text="Part of the act's name, for example accept or panels"
    )
    object_type = forms.CharField(
        label="Kind of record",
        required=False,
        max_length=80,
        help_text="As shown in the results, for example reviews.request or panels.panelmember",
    )
    object_id = forms.CharField(label="Record number", required=False, max_length=40)
    since = DateField(label="From", required=False, help_text="For example, 1 4 2026.")
    until = DateField(label="To", required=False, help_text="The day is included.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", "The date to must be the same as or after the date from")
        return cleaned
