from collections.abc import Iterable
from typing import Any

from django import forms

from senate.core.form_input import FormData, FormFiles
from senate.core.forms import DateField, Form, PlainChoices
from senate.interests.models import Category
from senate.members.models import Body, MembershipRole, Profession
from senate.recruitment.models import Application, Criterion, EqualityMonitoring, Mark

ROLES = [(r.value, r.label) for r in MembershipRole if r not in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR)]
INTEREST_ROWS = 3


class VacancyForm(Form):
    title = forms.CharField(label="Title of the role", max_length=160)
    body = forms.ChoiceField(label="Council or Assembly", choices=Body.choices, widget=forms.RadioSelect)
    role = forms.ChoiceField(label="Membership role", choices=ROLES, widget=forms.RadioSelect)
    description = forms.CharField(label="Role description", widget=forms.Textarea)
    criteria = forms.CharField(
        label="Criteria applications will be judged on",
        help_text="One criterion a line. Every application is scored against each, from 0 to 4.",
        widget=forms.Textarea,
    )
    term_start = DateField(label="Term starts")
    term_end = DateField(label="Term ends")
    time_commitment = forms.CharField(
        label="Time commitment", max_length=200, help_text="For example, 1 to 2 days a month"
    )
    closes_on = DateField(label="Closing date for applications")
    involvement_payment = forms.CharField(
        label="Involvement payment (patient and public voice roles)", required=False, widget=forms.Textarea
    )
    expenses_policy = forms.CharField(
        label="Expenses policy (patient and public voice roles)", required=False, widget=forms.Textarea
    )
    gap = forms.CharField(required=False, widget=forms.HiddenInput)
    gap_code = forms.CharField(required=False, widget=forms.HiddenInput)


class DescriptionForm(Form):
    text = forms.CharField(label="Role description", widget=forms.Textarea)


class ApplicationForm(Form):
    full_name = forms.CharField(label="Full name", max_length=150)
    email = forms.EmailField(label="Email address")
    profession = forms.ChoiceField(label="Your profession or background", choices=Profession.choices)
    job_title = forms.CharField(label="Job title (optional)", max_length=160, required=False)
    organisation = forms.CharField(
        label="Organisation you work for (optional)",
        help_text="Its name or ODS code. The panel is checked for conflicts of interest with it.",
        max_length=200,
        required=False,
    )
    consent = forms.BooleanField(
        label="I agree that the Senate may use this application to select a member, and keep it as the record "
        "of a fair selection"
    )

    fields: dict[str, Any]  # type: ignore[assignment]

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, criteria: list[Criterion]
    ) -> None:
        super().__init__(data, files)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"statement_{c.pk}"] = forms.CharField(
                label=f"Your statement against: {c.text}", widget=forms.Textarea, max_length=3000
            )
        categories = [("", "No interest")] + list(Category.choices)
        for n in range(1, INTEREST_ROWS + 1):
            self.fields[f"interest_{n}_category"] = forms.ChoiceField(
                label=f"Interest {n}: kind", choices=categories, required=False
            )
            self.fields[f"interest_{n}_organisation"] = forms.CharField(
                label=f"Interest {n}: organisation", max_length=200, required=False
            )
            self.fields[f"interest_{n}_nature"] = forms.CharField(
                label=f"Interest {n}: what it is", max_length=500, required=False
            )

    def statement_fields(self) -> list[Any]:
        return [self[f"statement_{c.pk}"] for c in self.criteria]

    def interest_rows(self) -> list[list[Any]]:
        return [
            [self[f"interest_{n}_{part}"] for part in ("category", "organisation", "nature")]
            for n in range(1, INTEREST_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(1, INTEREST_ROWS + 1):
            category, nature = data.get(f"interest_{n}_category"), data.get(f"interest_{n}_nature", "")
            if category and not nature:
                self.add_error(f"interest_{n}_nature", f"Say what interest {n} is")
            if nature and not category:
                self.add_error(f"interest_{n}_category", f"Select the kind of interest {n}")
        return data

    def statements(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"statement_{c.pk}"] for c in self.criteria}

    def interests(self) -> list[tuple[str, str, str]]:
        d = self.cleaned_data
        return [
            (d[f"interest_{n}_category"], d[f"interest_{n}_organisation"], d[f"interest_{n}_nature"])
            for n in range(1, INTEREST_ROWS + 1)
            if d.get(f"interest_{n}_category")
        ]


class MonitoringForm(Form):
    age_band = forms.ChoiceField(label="Your age", choices=EqualityMonitoring.AgeBand.choices, widget=forms.RadioSelect)
    sex = forms.ChoiceField(label="Your sex", choices=EqualityMonitoring.Sex.choices, widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(
        label="Your ethnic group", choices=EqualityMonitoring.Ethnicity.choices, widget=forms.RadioSelect
    )
    disability = forms.ChoiceField(
        label="Do you consider yourself to have a disability?",
        choices=EqualityMonitoring.YesNo.choices,
        widget=forms.RadioSelect,
    )


class PanelForm(Form):
    profile = forms.ChoiceField(label="Member of the Senate to add to the selection panel")

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, candidates: Iterable[tuple[int, str]]
    ) -> None:
        super().__init__(data, files)
        self.fields["profile"].choices = PlainChoices([("", "Select a member"), *candidates])  # type: ignore[attr-defined]


class ScoreForm(Form):
    comment = forms.CharField(label="Comment (optional)", widget=forms.Textarea, required=False)

    fields: dict[str, Any]  # type: ignore[assignment]

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, criteria: list[Criterion]
    ) -> None:
        super().__init__(data, files)
        self.criteria = criteria
        marks = [(str(n), str(n)) for n in range(Mark.MAXIMUM + 1)]
        for c in criteria:
            self.fields[f"mark_{c.pk}"] = forms.ChoiceField(
                label=f"Mark against: {c.text}", choices=marks, widget=forms.RadioSelect
            )

    def mark_fields(self) -> list[Any]:
        return [self[f"mark_{c.pk}"] for c in self.criteria]

    def marks(self) -> dict[int, int]:
        return {c.pk: int(self.cleaned_data[f"mark_{c.pk}"]) for c in self.criteria}


class ShortlistForm(Form):
    chosen = forms.MultipleChoiceField(label="Applicants to shortlist", widget=forms.CheckboxSelectMultiple)

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, applications: list[Application]
    ) -> None:
        super().__init__(data, files)
        self.fields["chosen"].choices = [(a.pk, f"{a.full_name} ({a.reference})") for a in applications]  # type: ignore[attr-defined]


class InterviewForm(Form):
    day = DateField(label="Interview date")
    time = forms.TimeField(label="Interview time", help_text="For example, 14:30")


class DecisionForm(Form):
    chosen = forms.ChoiceField(label="Applicant to appoint", widget=forms.RadioSelect)
    reasons = forms.CharField(label="Reasons for the decision, against the published criteria", widget=forms.Textarea)

    fields: dict[str, Any]  # type: ignore[assignment]

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, applications: list[Application]
    ) -> None:
        super().__init__(data, files)
        self.applications = applications
        shortlisted = [a for a in applications if a.status == Application.Status.SHORTLISTED]
        self.fields["chosen"].choices = [(a.pk, f"{a.full_name} ({a.reference})") for a in shortlisted]
        for a in applications:
            self.fields[f"feedback_{a.pk}"] = forms.CharField(
                label=f"Feedback for {a.full_name} ({a.get_status_display().lower()})", widget=forms.Textarea
            )

    def feedback_fields(self) -> list[Any]:
        return [self[f"feedback_{a.pk}"] for a in self.applications]

    def feedback(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"feedback_{a.pk}"] for a in self.applications}


class RecusalForm(Form):
    reason = forms.CharField(
        label="What is your conflict with this applicant?",
        help_text="For example, you work closely with them, or they are a friend or relative.",
        max_length=300,
    )
