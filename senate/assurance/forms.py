"""The assurance forms. Each checks only what one field can know; the domain functions check the
rest (dates against each other) and their refusals come back onto the field they concern."""

from typing import Any

from django import forms

from senate.assurance import partners
from senate.assurance.models import Engagement, Informs, Point, Step
from senate.assurance.recording import Refused, step_label
from senate.core.form_input import FormData, FormFiles
from senate.core.forms import DateField, Form
from senate.organisations.models import Organisation, Senate
from senate.organisations.queries import organisations_in

YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known yet")]


def tri(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def untri(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "unknown") if value is not None else "unknown"


def show_refusal(form: forms.Form, refused: Refused) -> None:
    for name, message in refused.problems.items():
        form.add_error(name if name in form.fields else None, message)


class StepForm(Form):
    step = forms.ChoiceField(label="Step", choices=[], error_messages={"required": "Select the step"})
    on = DateField(label="Date", help_text="For example, 15 3 2027.", error_messages={"required": "Enter the date"})
    body = forms.CharField(
        label="Who held it or decided (optional)",
        max_length=200,
        required=False,
        help_text="For example, NHS England South West, or Devon ICB board.",
    )
    outcome = forms.CharField(label="Outcome (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, data: FormData | None = None, files: FormFiles | None = None) -> None:
        super().__init__(data, files)
        field: Any = self.fields["step"]
        field.choices = [("", "Choose the step")] + [(s.value, step_label(s.value)) for s in Step]


class ContextForm(Form):
    informs = forms.ChoiceField(
        label="Which checkpoint does the Senate's advice inform?",
        choices=Informs.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select which checkpoint the advice informs"},
    )
    capital_involved = forms.ChoiceField(label="Is capital involved?", choices=YES_NO_UNKNOWN, widget=forms.RadioSelect)
    substantial_variation = forms.ChoiceField(
        label="Has the health overview and scrutiny committee found a substantial development or variation?",
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
    )
    notifiable = forms.ChoiceField(
        label="Is the change notifiable to the Secretary of State?",
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
        help_text="Reconfigurations the local authority must be consulted on are notifiable; urgent temporary "
        "changes for safety or welfare are not.",
    )
    temporary_review_date = DateField(
        label="When must the temporary change be looked at again?",
        required=False,
        help_text="Urgent temporary changes only. For example, 15 3 2027.",
    )

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "informs": data["informs"],
            "capital_involved": tri(data["capital_involved"]),
            "substantial_variation": tri(data["substantial_variation"]),
            "notifiable": tri(data["notifiable"]),
            "temporary_review_date": data["temporary_review_date"],
        }


class EngagementForm(Form):
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label="Partner",
        queryset=Organisation.objects.none(),  # the Senate's own choices, made for each form
        empty_label="Choose the partner",
        error_messages={"required": "Choose the partner"},
    )
    how = forms.ChoiceField(
        label="How were they engaged?",
        choices=Engagement.How.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they were engaged"},
    )
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)

    def __init__(self, data: FormData | None = None, files: FormFiles | None = None, *, senate: Senate) -> None:
        super().__init__(data, files)
        field: Any = self.fields["organisation"]
        field.queryset = partners.partners()


class PartyForm(Form):
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label="Organisation",
        queryset=Organisation.objects.none(),  # the Senate's own choices, made for each form
        empty_label="Choose the organisation",
        error_messages={"required": "Choose the party's organisation"},
    )
    name = forms.CharField(
        label="Name of the party",
        max_length=200,
        help_text="For example, the emergency medicine consultants.",
        error_messages={"required": "Enter the name of the party"},
    )

    def __init__(self, data: FormData | None = None, files: FormFiles | None = None, *, senate: Senate) -> None:
        super().__init__(data, files)
        field: Any = self.fields["organisation"]
        field.queryset = organisations_in(senate)


class SubmissionForm(Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    summary = forms.CharField(
        label="Your position",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Only the Senate team sees it until the Senate shares it with every party. Put documents in "
        "the evidence library and name them here.",
        error_messages={"required": "Enter your position"},
    )


class SessionForm(Form):
    on = DateField(label="Date of the session", error_messages={"required": "Enter the date of the session"})
    attended = forms.CharField(
        label="Who attended",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line.",
        error_messages={"required": "Enter who attended"},
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 4}), required=False)


class PointForm(Form):
    text = forms.CharField(
        label="Point", widget=forms.Textarea(attrs={"rows": 2}), error_messages={"required": "Enter the point"}
    )
    status = forms.ChoiceField(
        label="Where it stands",
        choices=Point.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the point is agreed or still in dispute"},
    )


class StatementForm(Form):
    text = forms.CharField(
        label="Consensus statement",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Changing the statement asks every party to confirm it again.",
        error_messages={"required": "Enter the consensus statement"},
    )
