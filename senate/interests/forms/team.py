"""The Senate team's forms and the filters of its pages, and the public register's date and filters."""

import calendar
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone

from senate.core.form_input import FormData, FormFiles
from senate.core.forms import Form, FormInitial, ModelForm, PlainChoices
from senate.interests.conflict_policy import EDITABLE
from senate.interests.decisions import ConflictState
from senate.interests.flagged import DECIDED, KINDS, OPEN, SEVERITY_ORDER
from senate.interests.forms.fields import date, yes_no
from senate.interests.models import ConflictPolicy, Outcome, WithholdingGrounds
from senate.interests.register import ENTRY_TYPES, date_error
from senate.interests.restrictions import NOTHING_RESTRICTED
from senate.interests.screening import SEVERITY_LABELS
from senate.members.models import Body
from senate.organisations.models import Senate


class DueFilterForm(Form):
    status = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("outstanding", "Everyone who owes a declaration"),
            ("never", "Never declared"),
            ("overdue", "Overdue"),
            ("due", "Due"),
            ("up_to_date", "Up to date"),
            ("all", "Everyone"),
        ],
    )
    body = forms.ChoiceField(
        label="Council or Assembly",
        required=False,
        choices=[("", "Council and Assembly"), ("council", "Council"), ("assembly", "Assembly")],
    )


class RegisterFilterForm(Form):
    show = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("all", "All entries in force"),
            ("unpublished", "Entries not published"),
            ("withheld", "Entries withheld by the Senate team"),
        ],
    )


class PublicRegisterFilterForm(Form):
    """The public register's filters: a member's name, Council or Assembly, and the type of entry."""

    name = forms.CharField(label="Member's name", required=False, max_length=100)
    body = forms.ChoiceField(
        label="Council or Assembly",
        required=False,
        choices=[("", "Either"), *Body.choices],
        error_messages={"invalid_choice": "Select the Council, the Assembly or either"},
    )
    type = forms.ChoiceField(
        label="Type of entry",
        required=False,
        choices=[("", "Any"), *ENTRY_TYPES],
        error_messages={"invalid_choice": "Select a type of entry from the list"},
    )


class ScreeningFilterForm(Form):
    q = forms.CharField(label="Name or job title", required=False, max_length=100)
    show = forms.ChoiceField(
        label="Members",
        required=False,
        widget=forms.RadioSelect,
        choices=[("conflicts", "Only those with possible conflicts"), ("all", "Everyone")],
    )
    severity = forms.MultipleChoiceField(
        label="Severity",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(s.value, SEVERITY_LABELS[s]) for s in SEVERITY_ORDER],
        error_messages={"invalid_choice": "Select severities from the list"},
    )
    kind = forms.MultipleChoiceField(
        label="Kind of interest",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(KINDS.items()),
        error_messages={"invalid_choice": "Select kinds of interest from the list"},
    )
    organisation = forms.TypedChoiceField(
        label="Organisation or area in the request",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Select an organisation or area named in the request"},
    )
    status = forms.ChoiceField(
        label="Decision",
        required=False,
        choices=[("", "Decided or not"), (OPEN, "Needs a decision"), (DECIDED, "Decided or dismissed")],
        error_messages={"invalid_choice": "Select whether to show members who need a decision or those decided"},
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        organisations: list[tuple[int, str]],
        initial: FormInitial | None = None,
    ) -> None:
        super().__init__(data, files, initial=initial)
        choices = [("", "Any")] + [(str(pk), name) for pk, name in organisations]
        self.fields["organisation"].choices = choices  # type: ignore[attr-defined]


class RegisterDateForm(Form):
    on = date(
        "Show the register as it stood on",
        "Enter the date to show the register for",
        help_text="For example, 1 4 2025.",
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        senate: Senate,
        initial: FormInitial | None = None,
    ) -> None:
        super().__init__(data, files, initial=initial)
        self.senate = senate

    def clean_on(self) -> Any:
        on = self.cleaned_data["on"]
        if on and (error := date_error(self.senate, on, timezone.localdate())):
            raise forms.ValidationError(error)
        return on


class WithholdForm(Form):
    grounds = forms.ChoiceField(
        label="Why is this entry withheld?",
        choices=WithholdingGrounds.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the entry is withheld for privacy or for safety"},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea,
        help_text="This is kept on the record. It is not published.",
        error_messages={"required": "Enter the reason for withholding this entry"},
    )


class DecisionTermsForm(Form):
    """A decision on conflicts and its reason, with a restriction's terms: for one member
    (DecisionForm) or for members chosen together on the screening page (BulkDecisionForm)."""

    outcome = forms.ChoiceField(
        label="Decision",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a decision"},
    )
    no_tiers = forms.MultipleChoiceField(
        label="Evidence they may not open, by confidentiality",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="For example, official-sensitive papers for someone with a commercial interest.",
    )
    no_items = forms.MultipleChoiceField(
        label="Evidence items they may not open",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    no_criteria = forms.MultipleChoiceField(
        label="Criteria on which they may not take part in the panel's judgement",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    no_recommendations = forms.BooleanField(
        label="They may not agree or vote on the recommendations",
        required=False,
    )
    note = forms.CharField(
        label="Anything more about the restriction (optional)",
        required=False,
        max_length=300,
        help_text="Shown to the member and the Senate team beside the restriction. It is not enforced by itself.",
    )
    rationale = forms.CharField(
        label="Reason for the decision",
        widget=forms.Textarea,
        error_messages={"required": "Enter the reason for this decision"},
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        tiers: Sequence[tuple[str, str]] = (),
        items: Sequence[tuple[str, str]] = (),
        criteria: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(data, files)
        self.fields["no_tiers"].choices = list(tiers)  # type: ignore[attr-defined]
        self.fields["no_items"].choices = list(items)  # type: ignore[attr-defined]
        self.fields["no_criteria"].choices = list(criteria)  # type: ignore[attr-defined]
        for name in ("no_items", "no_criteria"):
            if not self.fields[name].choices:  # type: ignore[attr-defined]
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") != Outcome.RESTRICT:
            return data
        if not (
            data.get("no_tiers") or data.get("no_items") or data.get("no_criteria") or data.get("no_recommendations")
        ):
            self.add_error("no_tiers", NOTHING_RESTRICTED)
        return data


class DecisionForm(DecisionTermsForm):
    keys = forms.MultipleChoiceField(
        label="Which conflicts does this decision cover?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the conflicts this decision covers"},
    )
    field_order = ["keys"]

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        conflicts: list[ConflictState],
        tiers: Sequence[tuple[str, str]] = (),
        items: Sequence[tuple[str, str]] = (),
        criteria: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(data, files, tiers=tiers, items=items, criteria=criteria)
        self.fields["keys"].choices = [(s.conflict.key, s.conflict.reason) for s in conflicts]  # type: ignore[attr-defined]
        self.fields["keys"].initial = [s.conflict.key for s in conflicts if not s.settled]


class BulkDecisionForm(DecisionTermsForm):
    """The members are ticked in the screening table, one checkbox each, labelled with their name."""

    members = forms.TypedMultipleChoiceField(
        label="Members this decision is for",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the members this decision is for",
            "invalid_choice": "Select members from the list. The list may have changed: check it and try again",
        },
    )
    field_order = ["members"]

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        members: list[tuple[int, str]],
        tiers: Sequence[tuple[str, str]] = (),
        items: Sequence[tuple[str, str]] = (),
        criteria: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(data, files, tiers=tiers, items=items, criteria=criteria)
        self.fields["members"].choices = PlainChoices([(str(pk), name) for pk, name in members])  # type: ignore[attr-defined]
        self.fields["outcome"].help_text = (
            "Each member selected gets this decision, on every conflict found for them that has not been "
            "dismissed. No action needed cannot be recorded for a member with a high-severity conflict."
        )


class DismissForm(Form):
    key = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Why is this not a conflict?",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter why this is not a conflict"},
    )


class ConflictPolicyForm(ModelForm):  # type: ignore[type-arg]
    annual_month = forms.TypedChoiceField(
        label="Month of the annual declaration",
        coerce=int,
        choices=[(str(i), calendar.month_name[i]) for i in range(1, 13)],
    )
    local_area_always = yes_no(
        "Does living or working in an affected ICB area count when a request is not contentious?",
        "Select yes if local connections always count",
    )

    class Meta:
        model = ConflictPolicy
        fields = list(EDITABLE)  # the settings update_conflict_policy may change, in their order
        labels = {
            "gift_promotional_limit": "Low-cost promotional gifts: up to (£)",
            "gift_declare_limit": "Gifts accepted only on the Senate's behalf: over (£)",
            "hospitality_declare_from": "Hospitality to declare: from (£)",
            "hospitality_refuse_over": "Hospitality to refuse unless approved: over (£)",
            "new_interest_days": "Days to declare a new interest",
            "lookback_years": "Years to look back for past roles when screening",
            "retention_years": "Years to keep declarations after a member leaves",
            "ended_shown_months": "Months an ended interest stays on the published register",
        }
        error_messages = {
            name: {
                "required": f"Enter the {label[0].lower()}{label[1:]}",
                "invalid": "Enter a number",
                "min_value": "Enter a number that is 0 or more",
            }
            for name, label in labels.items()
        }

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, instance: ConflictPolicy | None = None
    ) -> None:
        super().__init__(data, files, instance=instance)
        self.initial["local_area_always"] = str(self.instance.local_area_always)
        self.initial["annual_month"] = str(self.instance.annual_month)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        pairs = [
            ("gift_promotional_limit", "gift_declare_limit"),
            ("hospitality_declare_from", "hospitality_refuse_over"),
        ]
        for low, high in pairs:
            if data.get(low) is not None and data.get(high) is not None and data[high] < data[low]:
                self.add_error(high, "This must be the same as or more than the lower threshold")
        return data
