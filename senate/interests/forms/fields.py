"""Helpers for NHS-style fields: yes/no radios, day-month-year dates and a single must-tick checkbox."""

from django import forms

from senate.core.forms import DateField

YES_NO = [("True", "Yes"), ("False", "No")]


def yes_no(label: str, required: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        coerce=lambda value: value == "True",
        error_messages={"required": required},
    )


def date(label: str, required: str = "", help_text: str = "") -> DateField:
    messages = {"incomplete": f"{label} must include a day, month and year"}
    if required:
        messages["required"] = required
    return DateField(label=label, required=bool(required), error_messages=messages, help_text=help_text)


def one_box(label: str, text: str, required: str) -> forms.MultipleChoiceField:
    """A single NHS checkbox that must be ticked."""
    return forms.MultipleChoiceField(
        label=label, choices=[("yes", text)], widget=forms.CheckboxSelectMultiple, error_messages={"required": required}
    )
