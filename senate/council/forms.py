"""Forms for meetings, declarations, decisions, minutes and publication. Each field renders as an
NHS component through `nhs_field`, so errors appear next to the field and in the summary."""

import datetime as dt
from collections.abc import Iterable
from typing import Any, Unpack

from django import forms

from senate.core import uploads
from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import DateField, Form, ModelForm
from senate.council.meetings import PAPER_KINDS, check_paper, paper_max_bytes
from senate.council.models import AgendaItem, Attendance, Decision, Meeting, MeetingDeclaration, QuorumRule
from senate.reviews.models import Request

_TEXT = {"rows": 4}


def _date(label: str, required: str = "", help_text: str = "") -> DateField:
    messages = {"incomplete": f"{label} must include a day, month and year"}
    if required:
        messages["required"] = required
    return DateField(label=label, required=bool(required), error_messages=messages, help_text=help_text)


class MeetingForm(Form):
    kind = forms.ChoiceField(label="Kind of meeting", choices=Meeting.Kind.choices, widget=forms.RadioSelect)
    date = _date("Date of the meeting", "Enter the date of the meeting")
    held_already = forms.BooleanField(
        label="I confirm this date is in the past because the meeting has already been held and I am recording it",
        required=False,
    )
    place = forms.CharField(label="Place", required=False, max_length=200)
    link = forms.URLField(
        assume_scheme="https",
        label="Link for joining online",
        required=False,
        help_text="For example, https://meet.example.nhs.uk/council",
    )
    chair = forms.ChoiceField(label="Chair of the meeting", required=False)

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        chairs: list[Any],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.chairs = {str(u.pk): u for u in chairs}
        self.fields["chair"].choices = [("", "Choose later")] + [(k, u.full_name) for k, u in self.chairs.items()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("place") or data.get("link")) and not self.errors:
            self.add_error("place", "Enter a place, or a link for joining online")
        day = data.get("date")
        if day is not None and day < dt.date.today() and not data.get("held_already"):
            self.add_error(
                "date",
                "The date of the meeting is in the past: correct it, or tick to confirm the meeting has already "
                "been held",
            )
        data.pop("held_already", None)
        data["chair"] = self.chairs.get(data.get("chair") or "")
        return data


class ItemForm(Form):
    kind = forms.ChoiceField(label="What is the item for?", choices=AgendaItem.Kind.choices, widget=forms.RadioSelect)
    request = forms.ChoiceField(label="Request for advice", required=False)
    title = forms.CharField(
        label="Title", required=False, max_length=200, help_text="Leave blank to use the request's title."
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        requests: Iterable[Request],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.requests = {str(r.pk): r for r in requests}
        self.fields["request"].choices = [("", "None")] + [  # type: ignore[attr-defined]
            (k, f"{r.reference}: {r.title} ({r.get_stage_display()})") for k, r in self.requests.items()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["request"] = self.requests.get(data.get("request") or "")
        if data.get("kind") == AgendaItem.Kind.OTHER and not data.get("title") and not data["request"]:
            self.add_error("title", "Enter a title for the item")
        return data


class PaperForm(Form):
    title = forms.CharField(label="Title of the paper", max_length=200, error_messages={"required": "Enter a title"})
    file = forms.FileField(
        label="The paper",
        error_messages={"required": "Choose the file to attach", "empty": "The selected file is empty"},
    )
    sent_on = _date("Date the paper went out", "Enter the date the paper went out to members")
    item = forms.ChoiceField(label="Agenda item", required=False)

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        items: Iterable[AgendaItem],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.items = {str(i.pk): i for i in items}
        self.fields["item"].choices = [("", "The whole meeting")] + [(k, str(i)) for k, i in self.items.items()]  # type: ignore[attr-defined]
        words = uploads.kinds_in_words(PAPER_KINDS)
        self.fields["file"].help_text = f"{words}, up to {uploads.describe_size(paper_max_bytes())}"

    def clean_file(self) -> Any:
        """The upload policy's refusal (type by content, size, active content) shows at the field."""
        upload = self.cleaned_data["file"]
        try:
            check_paper(upload)
        except uploads.UploadRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["item"] = self.items.get(data.get("item") or "")
        return data


class AttendanceForm(Form):
    observers = forms.CharField(
        label="Observers",
        required=False,
        widget=forms.Textarea(attrs=_TEXT),
        help_text="Names of anyone attending who is not a Council member, one a line.",
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        attendance: list[Attendance],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.members = [a for a in attendance if not a.observer]
        for a in self.members:
            self.fields[f"status_{a.pk}"] = forms.ChoiceField(
                label=a.name, choices=Attendance.Status.choices, widget=forms.RadioSelect, initial=a.status
            )

    def statuses(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"status_{a.pk}"] for a in self.members}

    def observer_names(self) -> list[str]:
        return [n.strip() for n in self.cleaned_data.get("observers", "").splitlines() if n.strip()]


class MeetingDeclarationsForm(Form):
    """The meeting's declarations in one post: each member's attendance, then each declaration on
    each item, confirmed (ticked to start with: screening found it) with the chair's action."""

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        attendance: list[Attendance],
        declarations: list[MeetingDeclaration],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.members = [a for a in attendance if not a.observer]
        self.declarations = [d for d in declarations if not hasattr(d.item, "decision")]
        for a in self.members:
            self.fields[f"status_{a.pk}"] = forms.ChoiceField(
                label=a.name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                initial=a.status,
                error_messages={"required": f"Choose whether {a.name} is present"},
            )
        for d in self.declarations:
            self.fields[f"confirmed_{d.pk}"] = forms.BooleanField(
                label=f"{d.attendee.name} confirms this declaration on item {d.item.number}",
                required=False,
                initial=True,
            )
            self.fields[f"action_{d.pk}"] = forms.ChoiceField(
                label=f"The chair's action on {d.attendee.name}, item {d.item.number}",
                choices=[("", "Not yet recorded"), *MeetingDeclaration.Action.choices],
                required=False,
                initial=d.action,
            )

    def statuses(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"status_{a.pk}"] for a in self.members}

    def entries(self) -> dict[int, tuple[bool, str]]:
        return {
            d.pk: (bool(self.cleaned_data[f"confirmed_{d.pk}"]), self.cleaned_data[f"action_{d.pk}"] or "")
            for d in self.declarations
        }


class AddDeclarationForm(Form):
    item = forms.ChoiceField(label="Agenda item", error_messages={"required": "Choose the item"})
    attendee = forms.ChoiceField(label="Member", error_messages={"required": "Choose the member declaring"})
    text = forms.CharField(
        label="The interest declared",
        max_length=1000,
        widget=forms.Textarea(attrs=_TEXT),
        error_messages={"required": "Describe the interest declared"},
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        items: Iterable[AgendaItem],
        attendees: Iterable[Attendance],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.items = {str(i.pk): i for i in items}
        self.attendees = {str(a.pk): a for a in attendees}
        self.fields["item"].choices = [("", "Choose an item")] + [(k, str(i)) for k, i in self.items.items()]  # type: ignore[attr-defined]
        self.fields["attendee"].choices = [(k, a.name) for k, a in self.attendees.items()]  # type: ignore[attr-defined]
        if len(self.attendees) > 1:
            self.fields["attendee"].choices.insert(0, ("", "Choose a member"))  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["item"] = self.items.get(data.get("item") or "")
        data["attendee"] = self.attendees.get(data.get("attendee") or "")
        return data


class ActionOnDeclarationForm(Form):
    action = forms.ChoiceField(
        label="The chair's action",
        choices=MeetingDeclaration.Action.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the chair's action"},
    )


class DecisionForm(Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=Decision.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the decision"},
    )
    changes = forms.CharField(
        label="Changes required",
        required=False,
        widget=forms.Textarea(attrs=_TEXT),
        help_text="Needed when approving with changes or referring back.",
    )
    method = forms.ChoiceField(
        label="How was it decided?",
        choices=Decision.Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose vote or consensus"},
    )
    votes_for = forms.IntegerField(label="Votes for", required=False, min_value=0)
    votes_against = forms.IntegerField(label="Votes against", required=False, min_value=0)
    abstentions = forms.IntegerField(label="Abstentions", required=False, min_value=0)
    version = forms.ChoiceField(
        label="Which version is the Council deciding on?", required=False, widget=forms.RadioSelect
    )
    confirmer = forms.ChoiceField(
        label="Who will confirm that the changes are made?",
        required=False,
        help_text="Needed when approving with changes: nothing counts as approved until this member confirms "
        "that a new version makes the changes.",
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        versions: list[Any],
        members: list[Any],
        needs_confirmer: bool = False,
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.versions = {str(v.version): v for v in versions}
        self.needs_confirmer = needs_confirmer or bool(self.versions)
        self.members = {str(a.profile.user_id): a.profile.user for a in members if a.profile}
        self.fields["version"].choices = [  # type: ignore[attr-defined]
            (k, f"v{k}" + (f": {v.change_note}" if v.change_note else "")) for k, v in self.versions.items()
        ]
        if self.versions:
            self.fields["version"].initial = next(iter(self.versions))
        self.fields["confirmer"].choices = [("", "Choose a member")] + [  # type: ignore[attr-defined]
            (k, u.full_name) for k, u in self.members.items()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["version"] = self.versions.get(data.get("version") or "")
        data["confirmer"] = self.members.get(data.get("confirmer") or "")
        if self.versions and data["version"] is None:
            self.add_error("version", "Choose the version of the report the Council is deciding on")
        if self.needs_confirmer and data.get("outcome") == "approved_with_changes" and data["confirmer"] is None:
            self.add_error("confirmer", "Choose the member who will confirm that the changes are made")
        if data.get("outcome") in ("approved_with_changes", "referred_back") and not data.get("changes", "").strip():
            self.add_error("changes", "List the changes the Council requires")
        if data.get("method") == "vote" and not (data.get("votes_for") or data.get("votes_against")):
            self.add_error("votes_for", "Enter the votes for and against")
        for name in ("votes_for", "votes_against", "abstentions"):
            data[name] = data.get(name) or 0
        return data


class ActingChairForm(Form):
    attendee = forms.ChoiceField(
        label="Who chairs this item?",
        widget=forms.RadioSelect,
        help_text="Members present and not conflicted on this item.",
        error_messages={"required": "Choose the member the meeting chose to chair this item"},
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        able: list[Attendance],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.able = {str(a.pk): a for a in able}
        self.fields["attendee"].choices = [(k, a.name) for k, a in self.able.items()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["attendee"] = self.able.get(data.get("attendee") or "")
        return data


class ConfirmChangesForm(Form):
    version = forms.ChoiceField(
        label="Which version makes the changes?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the version that makes the changes"},
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        versions: list[Any],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.versions = {str(v.version): v for v in versions}
        self.fields["version"].choices = [  # type: ignore[attr-defined]
            (k, f"v{k}" + (f": {note}" if (note := getattr(v, "change_note", "")) else ""))
            for k, v in self.versions.items()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["version"] = self.versions.get(data.get("version") or "")
        return data


class MinutesForm(Form):
    text = forms.CharField(
        label="Minutes", widget=forms.Textarea(attrs={"rows": 24}), error_messages={"required": "Enter the minutes"}
    )


class ApproveMinutesForm(Form):
    at_meeting = forms.ChoiceField(
        label="Approved at which meeting?", error_messages={"required": "Choose the meeting that approved them"}
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        meetings: Iterable[Meeting],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.meetings = {str(m.pk): m for m in meetings}
        self.fields["at_meeting"].choices = [("", "Choose a meeting")] + [(k, str(m)) for k, m in self.meetings.items()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["at_meeting"] = self.meetings.get(data.get("at_meeting") or "")
        return data


class ActionForm(Form):
    description = forms.CharField(label="Action", max_length=300, error_messages={"required": "Describe the action"})
    owner = forms.CharField(label="Owner", max_length=150, error_messages={"required": "Enter who owns the action"})
    due_on = _date("Due by", "Enter the date the action is due")


class QuorumForm(ModelForm):
    class Meta:
        model = QuorumRule
        fields = ["share_percent", "min_members", "needs_chair", "min_ppv", "council_approves"]
        labels = {
            "share_percent": "Share of Council members needed (%)",
            "min_members": "Smallest number of members needed",
            "needs_chair": "The Chair or Vice-chair must take part",
            "min_ppv": "Patient and public voice members needed",
            "council_approves": "Only Council meetings approve terms of reference and advice",
        }
        widgets = {
            "needs_chair": forms.RadioSelect(choices=[(True, "Yes"), (False, "No")]),
            "council_approves": forms.RadioSelect(choices=[(True, "Yes"), (False, "No")]),
        }

    def clean_share_percent(self) -> int:
        value = self.cleaned_data["share_percent"]
        if not 1 <= value <= 100:
            raise forms.ValidationError("Enter a share between 1 and 100")
        return int(value)


class IssueForm(Form):
    covering_letter = forms.CharField(
        label="Covering letter",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Write the covering letter"},
    )


class PermissionForm(Form):
    given_by = forms.CharField(
        label="Permission given by", max_length=150, error_messages={"required": "Enter who gave permission"}
    )
    given_on = _date("Date permission was given", "Enter the date permission was given")
    given_before_today = forms.BooleanField(
        label="I confirm this date is in the past because permission was given before today and I am recording it now",
        required=False,
    )
    publish_from = _date("Agreed publication date", help_text="Leave blank to publish straight away.")
    redactions = forms.CharField(
        label="Redactions",
        required=False,
        widget=forms.Textarea(attrs=_TEXT),
        help_text="Words or passages to remove from the published report, one a line.",
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        issued_on: dt.date | None = None,
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.issued_on = issued_on

    def clean_given_on(self) -> Any:
        """Permission is given for advice already issued, and not on a day still to come."""
        value = self.cleaned_data.get("given_on")
        if value is not None and value > dt.date.today():
            raise forms.ValidationError("The date permission was given must be today or in the past")
        if value is not None and self.issued_on and value < self.issued_on:
            raise forms.ValidationError(
                f"The advice was issued on {self.issued_on:%-d %B %Y}: permission to publish it cannot be "
                "dated before then"
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given, start = data.get("given_on"), data.get("publish_from")
        if given and start and start < given:
            self.add_error("publish_from", "The agreed publication date cannot be before permission was given")
        if given and given < dt.date.today() and not data.get("given_before_today") and "given_on" not in self.errors:
            self.add_error(
                "given_on",
                "The date permission was given is in the past: correct it, or tick to confirm permission was given "
                "before today",
            )
        data.pop("given_before_today", None)
        return data


class FollowUpLetterForm(Form):
    sent_on = _date("Date sent", "Enter the date the letter was sent")
    text = forms.CharField(
        label="Follow-up letter",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the letter"},
    )

    def clean_sent_on(self) -> Any:
        value = self.cleaned_data.get("sent_on")
        if value is not None and value > dt.date.today():
            raise forms.ValidationError("The date sent must be today or in the past")
        return value
