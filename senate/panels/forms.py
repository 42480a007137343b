"""Forms for panels. Every field renders as its NHS.UK component through `nhs_field`."""

from typing import Any, Unpack

from django import forms

from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import Form, PlainChoices
from senate.interests.forms.fields import date, yes_no
from senate.panels import skills as sk
from senate.panels.models import AnsweredHow, PanelSpec
from senate.panels.specs import Rule, spec_errors

RULE_ROWS = 6


def _number(label: str, required: str, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=99,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": required,
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} must be 0 or more",
            "max_value": f"{label} must be 99 or fewer",
        },
    )


class SpecForm(Form):
    min_size = _number("Smallest panel size", "Enter the smallest panel size", "Typically 6.")
    max_size = _number("Largest panel size", "Enter the largest panel size", "Typically 9 to 12.")
    min_out_of_region = _number(
        "Members from outside the region, at least",
        "Enter how many members must come from outside the region, or 0",
        "For contentious proposals, independent members from other regions.",
    )
    out_of_region_only = yes_no(
        "Must every member come from outside the region?", "Select yes if every member must be from another region"
    )
    chair_from_council = yes_no(
        "Must a Clinical Council member chair the panel?", "Select yes if a Council member must chair the panel"
    )
    starts_on = date("First panel date")
    ends_on = date("Last panel date")
    respond_within_days = _number(
        "Days members have to answer an invitation", "Enter how many days members have to answer"
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, **options: Unpack[FormOptions]
    ) -> None:
        super().__init__(data, files, **options)
        choices = PlainChoices([("", "No rule")] + sk.skill_choices())  # one list for every rule's box
        for i in range(1, RULE_ROWS + 1):
            self.fields[f"rule_{i}_skill"] = forms.ChoiceField(
                label=f"Rule {i}: expertise", choices=choices, required=False
            )
            self.fields[f"rule_{i}_minimum"] = forms.IntegerField(
                label=f"Rule {i}: at least this many members",
                required=False,
                min_value=1,
                max_value=99,
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                error_messages={"invalid": "Enter a whole number", "min_value": "Enter 1 or more"},
            )

    def rule_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"rule_{i}_skill"], self[f"rule_{i}_minimum"]) for i in range(1, RULE_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(1, RULE_ROWS + 1):
            skill, minimum = data.get(f"rule_{i}_skill"), data.get(f"rule_{i}_minimum")
            if skill and minimum is None and f"rule_{i}_minimum" not in self.errors:
                self.add_error(f"rule_{i}_minimum", "Enter how many panel members must hold this expertise")
            if minimum and not skill:
                self.add_error(f"rule_{i}_skill", "Select the expertise this rule counts")
        sizes = ("min_size", "max_size", "min_out_of_region", "out_of_region_only")
        if all(data.get(k) is not None for k in sizes):
            errors = spec_errors(
                **{k: data[k] for k in sizes},
                starts_on=data.get("starts_on"),
                ends_on=data.get("ends_on"),
                rules=self.rules(),
            )
            rows = [i for i, _rule in self._rows()]
            for field, message in errors.items():
                if field.startswith("rule_"):  # spec_errors numbers the rules it was given from 1
                    n, tail = field[5:].split("_", 1)
                    field = f"rule_{rows[int(n) - 1]}_{tail}"
                if field not in self.errors:
                    self.add_error(field, message)
        return data

    def _rows(self) -> list[tuple[int, Rule]]:
        """(form row, rule) for every row with both an expertise and a number."""
        found = []
        for i in range(1, RULE_ROWS + 1):
            skill, minimum = self.cleaned_data.get(f"rule_{i}_skill"), self.cleaned_data.get(f"rule_{i}_minimum")
            if skill and minimum:
                found.append((i, Rule(skill, minimum)))
        return found

    def rules(self) -> list[Rule]:
        return [rule for _i, rule in self._rows()]

    def spec_fields(self) -> dict[str, Any]:
        keys: tuple[str, ...] = (
            "min_size",
            "max_size",
            "min_out_of_region",
            "out_of_region_only",
            "chair_from_council",
        )
        keys += ("starts_on", "ends_on", "respond_within_days")
        return {k: self.cleaned_data[k] for k in keys}

    @classmethod
    def initial_for(cls, spec: PanelSpec | None) -> dict[str, Any]:
        if spec is None:
            return {
                "min_size": 6,
                "max_size": 9,
                "min_out_of_region": 0,
                "out_of_region_only": "False",
                "chair_from_council": "True",
                "respond_within_days": 10,
                "rule_1_skill": sk.PPV,
                "rule_1_minimum": 1,
            }
        initial = {
            f: getattr(spec, f)
            for f in ("min_size", "max_size", "min_out_of_region", "starts_on", "ends_on", "respond_within_days")
        }
        initial["out_of_region_only"] = str(spec.out_of_region_only)
        initial["chair_from_council"] = str(spec.chair_from_council)
        for i, rule in enumerate(spec.expertise_rules.all(), start=1):
            initial[f"rule_{i}_skill"], initial[f"rule_{i}_minimum"] = rule.skill, rule.minimum
        return initial


class CandidateFilterForm(Form):
    q = forms.CharField(label="Name or job title", required=False, max_length=100)
    show = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("all", "Everyone"),
            ("eligible", "Only those who may be invited"),
            ("own", "Only this Senate"),
            ("lent", "Only other Senates"),
        ],
    )
    skill = forms.ChoiceField(label="Holding", required=False)
    sort = forms.ChoiceField(
        label="Sort by", required=False, choices=[("fit", "Best fit"), ("load", "Lightest load"), ("name", "Name")]
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, **options: Unpack[FormOptions]
    ) -> None:
        super().__init__(data, files, **options)
        field: Any = self.fields["skill"]
        field.choices = PlainChoices([("", "Any expertise")] + sk.skill_choices())


def _answer(label: str, accept: str, decline: str, required: str) -> forms.ChoiceField:
    choices = [("accept", accept), ("decline", decline)]
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": required}
    )


def _reason(label: str, hint: str) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": 3})
    return forms.CharField(label=label, required=False, widget=widget, max_length=2000, help_text=hint)


class RespondForm(Form):
    """The member's own answer to an invitation; a decline needs the reason."""

    missing_reason = "Enter why you cannot join this panel"
    answer = _answer(
        "Will you join this panel?", "Yes, I accept", "No, I decline", "Select whether you accept or decline"
    )
    reason = _reason("Why can you not join?", "Only if you decline. The Senate team will see this.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", self.missing_reason)
        return data


class AvailabilityForm(Form):
    max_panels = _number("The most panels you will sit on at the same time", "Enter a number, or 0 for none")
    consents_to_loan = yes_no(
        "Do you agree to serve on other Senates' panels?",
        "Select yes if you agree to serve other Senates",
        "Another Senate's team must still ask this Senate's manager, who approves each loan.",
    )


class AbsenceForm(Form):
    """One time away; add as many as needed."""

    away_from = date("First day away", "Enter the first day you are away", help_text="For example, 27 3 2027")
    away_until = date("Last day away", help_text="Leave empty if you are away for one day only.")


class LoanDecisionForm(Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve the loan"), ("decline", "Decline the loan")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select approve or decline"},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when you decline.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter why the loan is declined")
        return data


class RecordAnswerForm(RespondForm):
    """The Senate team records an answer a member gave outside Senate (by email, phone…)."""

    field_order = ["answer", "how", "reason"]
    missing_reason = "Enter why they cannot join this panel"
    answer = _answer("What did they answer?", "They accept", "They decline", "Select whether they accept or decline")
    how = forms.ChoiceField(
        label="How did they give their answer?",
        choices=[(value, label.capitalize()) for value, label in AnsweredHow.choices],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they gave their answer"},
    )
    reason = _reason("Why can they not join?", "Only if they decline, in their words where you have them.")
