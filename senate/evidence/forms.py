"""Forms of the evidence pages. A file is checked in `clean_file`, so a refusal shows at the field."""

import datetime as dt
from collections.abc import Iterable
from typing import Any, Unpack

from django import forms
from django.db.models import QuerySet

from senate.accounts.models import User
from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import Form, field_params
from senate.evidence import uploads
from senate.evidence.models import EvidenceRequest, Fieldwork, Kind, Tier
from senate.interests.forms.fields import date

TIER_HINTS = {
    Tier.PUBLIC: "Already published, or could be published as it is",
    Tier.OFFICIAL: "Routine NHS business: the panel, the Council and the requester may open it",
    Tier.OFFICIAL_SENSITIVE: "For example commercially sensitive: each opening is logged",
    Tier.DRAFT: "Not for circulation beyond the Senate team, the panel and the requester",
}


class FileForm(Form):
    file = forms.FileField(
        label="File",
        help_text=f"{uploads.ALLOWED_WORDS}, up to {uploads.describe_size(uploads.DEFAULT_MAX_BYTES)}",
        error_messages={"required": "Select a file to upload", "empty": "The selected file is empty"},
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, **options: Unpack[FormOptions]
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["file"].help_text = f"{uploads.ALLOWED_WORDS}, up to {uploads.describe_size(uploads.max_bytes())}"
        self.data_bytes = b""

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        data = uploads.read_all(upload)  # never more than the limit (and one byte), however big the file
        try:
            uploads.check_upload(name=upload.name, data=data)
        except uploads.UploadRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        self.data_bytes = data
        return upload

    def file_params(self) -> dict[str, Any]:
        _kind, params = field_params(self["file"])
        params.pop("type", None)
        params.pop("value", None)
        return params


class ItemForm(FileForm):
    field_order = ["asked_for", "title", "kind", "tier", "provenance", "file"]

    asked_for = forms.ModelChoiceField(
        label="Which request from the Senate does this answer?",
        queryset=EvidenceRequest.objects.none(),
        required=False,
        empty_label="None: this is extra evidence",
    )
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    kind = forms.ChoiceField(label="Kind of evidence", choices=Kind.choices)
    tier = forms.ChoiceField(
        label="Confidentiality",
        choices=[(t.value, t.label) for t in Tier],
        widget=forms.RadioSelect,
        initial=Tier.OFFICIAL,
        error_messages={"required": "Select how confidential this evidence is"},
    )
    provenance = forms.CharField(
        label="Where it comes from",
        help_text="Author, date and status, for example “ICB programme team, version 3, March 2027”",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        asks: QuerySet[EvidenceRequest] | None = None,
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        if asks is None:
            del self.fields["asked_for"]
        else:
            self.fields["asked_for"].queryset = asks  # type: ignore[attr-defined]


class AskForm(Form):
    title = forms.CharField(
        label="What do you need?", max_length=200, error_messages={"required": "Enter what you need"}
    )
    kind = forms.ChoiceField(label="Kind of evidence", choices=Kind.choices)
    detail = forms.CharField(
        label="Why the panel needs it (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    due_on = date("Due by", "Enter the date it is due by")

    def clean_due_on(self) -> Any:
        """Asked for now, so due today or later: a date already past would show as overdue at once."""
        value = self.cleaned_data.get("due_on")
        if value is not None and value < dt.date.today():
            raise forms.ValidationError("The date it is due by must be today or in the future")
        return value


class FieldworkForm(Form):
    kind = forms.ChoiceField(
        label="What was it?",
        choices=Fieldwork.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what it was"},
    )
    held_on = date("Date", "Enter the date it was held")
    place = forms.CharField(label="Place", max_length=200, required=False)
    attendees = forms.MultipleChoiceField(
        label="Panel members who attended", required=False, widget=forms.CheckboxSelectMultiple
    )
    others_attending = forms.CharField(
        label="Others who attended",
        help_text="One a line, with their role, for example “Ward manager, ward 4”",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 6}), required=False)

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        members: Iterable[User] = (),
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["attendees"].choices = [(str(u.pk), u.full_name) for u in members]  # type: ignore[attr-defined]


class PapersForm(Form):
    fieldwork = forms.ChoiceField(label="For which meeting or visit?", error_messages={"required": "Select one"})
    description = forms.CharField(
        label="What was sent", max_length=200, error_messages={"required": "Enter what was sent"}
    )
    sent_on = date("Date sent", "Enter the date the papers were sent")

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        meetings: Iterable[Fieldwork] = (),
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        choices = [("", "Choose")] + [(str(m.pk), str(m)) for m in meetings]
        self.fields["fieldwork"].choices = choices  # type: ignore[attr-defined]
