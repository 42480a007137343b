from decimal import Decimal
from typing import Unpack

from django import forms

from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import DateField, Form
from senate.interests.models import Category
from senate.participation.models import AccessibleFormat, Claim, Development, RenewalDecision, Witness
from senate.participation.witnesses import Declared


def _reason(label: str, missing: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": missing},
        help_text=help_text,
    )


class WishForm(Form):
    wishes_to_continue = forms.TypedChoiceField(
        label="Do you wish to serve another term?",
        choices=[("True", "Yes"), ("False", "No")],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you wish to serve another term"},
    )
    note = forms.CharField(
        label="Anything the Senate team should know (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RenewalForm(Form):
    outcome = forms.ChoiceField(
        label="Renewal decision",
        choices=RenewalDecision.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to renew the term"},
    )
    reason = _reason("Reason", "Enter the reason for the decision", help_text="Kept in the member's history.")


class StepDownForm(Form):
    on = DateField(label="Your first day no longer a member", help_text="For example, 1 9 2026.")
    reason = _reason("Why are you stepping down?", "Tell the Senate team why you are stepping down")


class ClaimForm(Form):
    activity_on = DateField(label="Date you took part", help_text="For example, 14 5 2026.")
    activity = forms.CharField(
        label="What you took part in",
        max_length=200,
        help_text="For example, Council meeting, or the panel for SW-2026-004.",
        error_messages={"required": "Enter what you took part in"},
    )
    involvement = forms.ChoiceField(
        label="Involvement payment",
        choices=Claim.Involvement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the involvement payment you claim"},
    )
    miles = forms.IntegerField(
        label="Miles travelled (return)",
        min_value=0,
        max_value=2000,
        initial=0,
        error_messages={
            "invalid": "Enter the miles as a whole number, like 24",
            "min_value": "The miles must be 0 or more",
            "max_value": "The miles must be 2000 or fewer",
            "required": "Enter the miles travelled, or 0",
        },
    )
    other_expenses = forms.DecimalField(
        label="Other expenses in pounds (optional)",
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("1000"),
        decimal_places=2,
        error_messages={
            "invalid": "Enter the other expenses in pounds, like 12.50",
            "min_value": "Other expenses must be 0 or more",
            "max_value": "Other expenses must be £1,000 or less",
            "max_decimal_places": "Enter pounds and pence, like 12.50",
        },
    )
    other_description = forms.CharField(
        label="What the other expenses were for",
        required=False,
        max_length=200,
        help_text="For example, parking or a train ticket. Keep your receipts.",
    )


class DecideClaimForm(Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Approve"), ("reject", "Reject")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select approve or reject"},
    )
    reason = forms.CharField(label="Reason (needed to reject)", required=False, max_length=300)


def _pounds(label: str, what: str, *, max_digits: int = 7) -> forms.DecimalField:
    """An amount in pounds and pence, never negative, whose messages name what it is."""
    return forms.DecimalField(
        label=label,
        min_value=Decimal("0"),
        decimal_places=2,
        max_digits=max_digits,
        error_messages={"required": f"Enter the {what}", "invalid": f"Enter the {what} in pounds"},
    )


class RatesForm(Form):
    half_day = _pounds("Half-day involvement payment (£)", "half-day payment")
    full_day = _pounds("Full-day involvement payment (£)", "full-day payment")
    per_mile = _pounds("Mileage rate (£ a mile)", "mileage rate", max_digits=5)


class FormatsForm(Form):
    formats = forms.MultipleChoiceField(
        label="Formats you need papers in",
        required=False,
        choices=AccessibleFormat.Format.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. Leave all unticked if none.",
    )


class InterestForm(Form):
    kind = forms.ChoiceField(
        label="Opportunity",
        choices=Development.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the opportunity you are interested in"},
    )
    note = forms.CharField(
        label="Why, and anything we should know (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OfferForm(Form):
    offer = _reason(
        "What is offered",
        "Enter what is offered",
        help_text="Which panel to shadow or chair, which thematic review, or who will mentor.",
    )


INTERESTS_ON_FORM = 3


class WitnessForm(Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the witness's name"})
    organisation = forms.CharField(
        label="Organisation (optional)",
        required=False,
        max_length=200,
        help_text="The name or code of an NHS organisation the Senate knows, or as the witness gave it.",
    )
    kind = forms.ChoiceField(
        label="Kind of witness",
        choices=Witness.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of witness"},
    )
    spoke_to = forms.CharField(
        label="What they spoke to",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the witness spoke to"},
    )
    heard_on = DateField(label="Date they gave evidence", help_text="For example, 14 5 2026.")
    nothing_to_declare = forms.BooleanField(
        label="The witness declared no interests", required=False, help_text="Or record each interest below."
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, **options: Unpack[FormOptions]
    ) -> None:
        super().__init__(data, files, **options)
        for n in range(1, INTERESTS_ON_FORM + 1):
            self.fields[f"interest_{n}_organisation"] = forms.CharField(
                label=f"Interest {n}: organisation", required=False, max_length=200
            )
            self.fields[f"interest_{n}_category"] = forms.ChoiceField(
                label=f"Interest {n}: kind of interest",
                choices=Category.choices,
                required=False,
                initial=Category.PROFESSIONAL,
            )
            self.fields[f"interest_{n}_nature"] = forms.CharField(
                label=f"Interest {n}: nature of the interest", required=False, max_length=300
            )

    def declared(self) -> list[Declared]:
        data = self.cleaned_data
        return [
            Declared(
                organisation=data.get(f"interest_{n}_organisation", ""),
                category=data.get(f"interest_{n}_category") or Category.PROFESSIONAL,
                nature=data.get(f"interest_{n}_nature", ""),
            )
            for n in range(1, INTERESTS_ON_FORM + 1)
        ]


class WitnessDecisionForm(Form):
    decision = forms.ChoiceField(
        label="How the witness's interests are handled",
        choices=Witness.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the witness's interests are handled"},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when screening found anything, or when the evidence is not heard.",
    )
