"""The member's forms: interests, gifts and hospitality, ending an interest, nil returns, attestation."""

from typing import Any

from django import forms

from senate.core.form_input import FormData, FormFiles
from senate.core.forms import Form, FormInitial
from senate.interests.forms.fields import date, one_box, yes_no
from senate.interests.models import Category, Kind
from senate.members.models import Expertise
from senate.organisations.picking import OrganisationField


class _BodyFields(Form):
    organisation = OrganisationField(
        label="Organisation or body",
        required=False,
        help_text="Start typing its name or ODS code, then choose it from the suggestions.",
    )
    organisation_name = forms.CharField(
        label="If it is not in the list, enter its name", required=False, max_length=200
    )
    body_required = "Enter the organisation or body"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("organisation") and not (data.get("organisation_name") or "").strip():
            self.add_error("organisation", self.body_required)
        started, ended = data.get("started_on"), data.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", "The date the interest ended must be the same as or after the date it started")
        return data

    def details(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("services",)}


class InterestForm(_BodyFields):
    category = forms.ChoiceField(
        label="What type of interest is it?",
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of interest"},
    )
    nature = forms.CharField(
        label="Describe the interest",
        widget=forms.Textarea,
        help_text="For example: non-executive director, paid; shareholding; trustee of a charity.",
        error_messages={"required": "Enter the nature of the interest"},
    )
    relationship = forms.CharField(
        label="If the interest is indirect, who is it through?",
        required=False,
        max_length=120,
        help_text="For example: my spouse, my brother, a close friend.",
    )
    services = forms.MultipleChoiceField(
        label="Services it concerns, if any", required=False, widget=forms.CheckboxSelectMultiple
    )
    places = forms.CharField(
        label="Places it concerns, if any",
        required=False,
        max_length=300,
        help_text="Towns, sites or areas, for example: Torbay Hospital, Newton Abbot.",
    )
    started_on = date(
        "Date the interest started",
        "Enter the date the interest started",
        help_text="For example, 15 3 2026. Declare a new interest within 28 days.",
    )
    ended_on = date("Date the interest ended, if it has", help_text="Leave blank if it has not ended.")
    may_publish = yes_no(
        "May this interest be published on the Senate's register?",
        "Select yes if this interest may be published",
        "Registers are published. Choose no only if publishing it would intrude on your privacy or put someone at risk.",
    )

    field_order = [
        "category",
        "organisation",
        "organisation_name",
        "nature",
        "relationship",
        "services",
        "places",
        "started_on",
        "ended_on",
        "may_publish",
    ]

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, initial: FormInitial | None = None
    ) -> None:
        super().__init__(data, files, initial=initial)
        terms = Expertise.objects.filter(kind=Expertise.Kind.SPECIALTY).values_list("code", "name")
        self.fields["services"].choices = list(terms)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("category") == Category.INDIRECT and not (data.get("relationship") or "").strip():
            self.add_error("relationship", "Enter who the indirect interest is through, for example your spouse")
        return data


class GiftForm(_BodyFields):
    nature = forms.CharField(
        label="Describe it", widget=forms.Textarea, error_messages={"required": "Describe what was offered"}
    )
    value = forms.DecimalField(
        label="Value in pounds",
        min_value=0,
        max_digits=9,
        decimal_places=2,
        help_text="An estimate if you do not know. For example, 45 or 45.50.",
        error_messages={
            "required": "Enter the value in pounds",
            "invalid": "Enter the value in pounds, like 45 or 45.50",
            "min_value": "The value must be 0 or more",
            "max_decimal_places": "Enter the value to the nearest penny",
        },
    )
    started_on = date("Date it was offered", "Enter the date it was offered")
    accepted = yes_no("Did you accept it?", "Select yes if you accepted it")
    may_publish = yes_no("May this be published on the Senate's register?", "Select yes if this may be published")
    body_required = "Enter who offered it"

    field_order = ["nature", "organisation", "organisation_name", "value", "started_on", "accepted", "may_publish"]

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        kind: str,
        initial: FormInitial | None = None,
    ) -> None:
        super().__init__(data, files, initial=initial)
        self.fields["organisation"].label = "Who offered it?"
        self.fields["nature"].label = "Describe the gift" if kind == Kind.GIFT else "Describe the hospitality"


class EndForm(Form):
    ended_on = date("Date the interest ended", "Enter the date the interest ended")


class NilReturnForm(Form):
    confirm = one_box("Nil return", "I have no interests to declare", "Confirm that you have no interests to declare")


class AttestForm(Form):
    confirm = one_box(
        "Your register",
        "My declarations of interest are complete and up to date",
        "Confirm that your declarations are complete and up to date",
    )
    anything = yes_no(
        "Do you have anything to declare for this review?",
        "Select yes if you have anything to declare for this review",
        "For example, a connection to a person, service or place under review that is not on your register.",
    )
    specific = forms.CharField(
        label="What do you need to declare for this review?", required=False, widget=forms.Textarea
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("anything") is True and not (data.get("specific") or "").strip():
            self.add_error("specific", "Enter what you need to declare for this review")
        return data
