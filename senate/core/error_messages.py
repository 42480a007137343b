"""Error messages written for people, in place of Django's defaults, for every field of every form.

The NHS service manual asks for messages that say what went wrong and how to fix it, naming the
question: "Enter a title of 200 characters or fewer", not "Ensure this value has at most 200 characters
(it has 250)."; "Enter a date", not "This field is required.". A message a form sets itself is kept;
only Django's own wording is replaced (https://service-manual.nhs.uk/design-system/components/error-message)."""

import re
from typing import Any

from django import forms
from django.forms.utils import pretty_name

# Words a label may start with that make it an instruction or a question rather than a name.
_INSTRUCTIONS = {"give", "describe", "name", "add", "enter", "choose", "select", "upload", "write", "say", "list"}
_QUESTIONS = {"how", "what", "which", "who", "when", "where", "why", "is", "are", "do", "does", "if", "for"}
# Names that take no "a" or "an": already determined, or uncountable.
_NO_ARTICLE = {"the", "your", "this", "its", "their", "his", "her", "any", "some", "each", "every", "none", "or"}
_PREPOSITIONS = {"by", "to", "from", "for", "of", "with", "at", "in", "on", "called", "if", "or", "and"}
_UNCOUNTABLE = {"background", "scope", "confidentiality", "evidence", "information", "advice", "priority", "strength"}


def human_messages(field: forms.Field, label: str) -> dict[str, str]:
    """The messages to use for `field`, whose question is `label`, in place of Django's defaults."""
    name = _Name(label)
    if isinstance(field, forms.FileField):
        return _file_messages(name)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.ModelMultipleChoiceField):
        return _choice_messages(field, name)
    if isinstance(field, forms.BooleanField):
        return {"required": f"Select {name.quoted}" if not name.is_instruction else name.label}
    if isinstance(field, forms.IntegerField | forms.FloatField | forms.DecimalField):
        return _number_messages(field, name)
    if getattr(field, "is_day_month_year", False):
        return {"required": name.enter(), "incomplete": f"{name.subject} must include a day, month and year"}
    if isinstance(field, forms.DateField | forms.DateTimeField | forms.TimeField):
        return {"required": name.enter(), "invalid": f"{name.subject} must be a real date, like 27 3 2027"}
    return _text_messages(field, name)


class _Name:
    """A field's label, as the object of "Enter …" and as the subject of "… must be …". A short name
    ("Title") reads inside a sentence; a question or a long label is quoted whole."""

    def __init__(self, label: str) -> None:
        self.label = str(label).strip().rstrip(":").strip()
        words = self.label.split()
        first = words[0].lower() if words else ""
        self.is_instruction = first in _INSTRUCTIONS
        self.is_question = self.label.endswith("?") or first in _QUESTIONS or self.is_instruction
        self.is_short = (
            not self.is_question
            and 0 < len(words) <= 4
            and not set("(:,") & set(self.label)
            and words[-1].lower() not in _PREPOSITIONS
        )
        keep_case = bool(words) and (words[0].isupper() or words[0][1:2].isupper())
        bare = self.label if keep_case else self.label[:1].lower() + self.label[1:]
        needs_article = first not in _NO_ARTICLE and first not in _UNCOUNTABLE and not first.endswith("s")
        self.object = (("an " if first[:1] in "aeiou" else "a ") if needs_article else "") + bare
        self.quoted = f"“{self.label}”"
        self.subject = f"Your answer to {self.quoted}" if self.is_question else self.label

    def enter(self, verb: str = "Enter") -> str:
        if self.is_instruction:
            return self.label
        if self.is_short:
            return f"{verb} {self.object}"
        return f"Answer {self.quoted}" if verb == "Enter" else f"{verb} an answer to {self.quoted}"


def _text_messages(field: forms.Field, name: _Name) -> dict[str, str]:
    messages = {
        "required": name.enter(),
        "max_length": f"{name.subject} must be %(limit_value)d characters or fewer",
        "min_length": f"{name.subject} must be %(limit_value)d characters or more",
        "invalid": f"Enter {name.object} in the correct format" if name.is_short else f"Check {name.quoted}",
        "incomplete": f"{name.subject} must be complete",
    }
    if name.is_short:
        messages["max_length"] = f"Enter {name.object} of %(limit_value)d characters or fewer"
    if isinstance(field, forms.EmailField):
        messages["invalid"] = "Enter an email address in the correct format, like name@example.com"
    if isinstance(field, forms.URLField):
        messages["invalid"] = "Enter a web address in the correct format, like https://www.example.nhs.uk/"
    return messages


def _number_messages(field: forms.Field, name: _Name) -> dict[str, str]:
    # Django's DecimalField and FloatField are IntegerFields too, but take fractions.
    whole = isinstance(field, forms.IntegerField) and not isinstance(field, forms.FloatField | forms.DecimalField)
    kind = "a whole number" if whole else "a number"
    return {
        "required": name.enter() if name.is_short or name.is_instruction else f"Enter a number for {name.quoted}",
        "invalid": f"{name.subject} must be {kind}",
        "max_value": f"{name.subject} must be %(limit_value)s or less",
        "min_value": f"{name.subject} must be %(limit_value)s or more",
        "step_size": f"{name.subject} must be a multiple of %(limit_value)s",
        "max_digits": f"{name.subject} must have no more than %(max)s digits",
        "max_decimal_places": f"{name.subject} must have no more than %(max)s decimal places",
        "max_whole_digits": f"{name.subject} must have no more than %(max)s digits before the decimal point",
    }


def _choice_messages(field: forms.Field, name: _Name) -> dict[str, str]:
    offered = f"Select {name.object} from the list" if name.is_short else f"Select one of the answers to {name.quoted}"
    return {
        "required": name.enter("Select"),
        "invalid_choice": offered,
        "invalid_list": offered,
        "invalid_pk_value": offered,
    }


def _file_messages(name: _Name) -> dict[str, str]:
    return {
        "required": name.enter("Upload"),
        "missing": name.enter("Upload"),
        "empty": "The selected file is empty",
        "invalid": "The selected file could not be read: upload it again",
        "max_length": "The file’s name must be %(max)d characters or fewer",
        "contradiction": "Either upload a new file or remove the current one, not both",
    }


def apply_to(form: forms.BaseForm) -> None:
    """Put the human messages on each of `form`'s fields, keeping any message the form chose itself."""
    for field_name, field in form.fields.items():
        defaults = _django_defaults(field)
        label = str(field.label or pretty_name(field_name))
        for code, message in human_messages(field, label).items():
            current = field.error_messages.get(code)
            if current is None or str(current) == str(defaults.get(code)):
                field.error_messages[code] = _escaped(message)
        if isinstance(field, forms.MultiValueField):
            # A part left empty reports the whole field's "incomplete", copied to each part as it was made.
            for part in field.fields:
                part.error_messages["incomplete"] = field.error_messages["incomplete"]


def _escaped(message: str) -> str:
    """A label's own "%" (Target occupancy (%)) kept literal where Django fills in %(limit_value)s."""
    return re.sub(r"%(?!\()", "%%", message) if "%(" in message else message


def _django_defaults(field: forms.Field) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for cls in reversed(type(field).__mro__):
        found.update(getattr(cls, "default_error_messages", {}))
    return found
