"""NHS form fields: each Django form field renders the matching NHS.UK component, with its label,
hint and error message, so every form gets the error summary and inline errors for free."""

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, TypeAlias

from django import forms
from django.utils.choices import BaseChoiceIterator
from jinja2 import Environment
from markupsafe import Markup

from senate.core import error_messages

_MACROS = {
    "input": ("nhsuk/components/input/macro.jinja", "input"),
    "textarea": ("nhsuk/components/textarea/macro.jinja", "textarea"),
    "select": ("nhsuk/components/select/macro.jinja", "select"),
    "radios": ("nhsuk/components/radios/macro.jinja", "radios"),
    "checkboxes": ("nhsuk/components/checkboxes/macro.jinja", "checkboxes"),
    "dateInput": ("nhsuk/components/date-input/macro.jinja", "dateInput"),
    "errorSummary": ("nhsuk/components/error-summary/macro.jinja", "errorSummary"),
}


def _macro(env: Environment, key: str) -> Any:
    path, name = _MACROS[key]
    return getattr(env.get_template(path).module, name)


# What a form's constructor takes is named once, in `core.form_input`; the values a blank form starts
# with, by field name:
FormInitial: TypeAlias = dict[str, object]


class PlainChoices(BaseChoiceIterator):
    """Choices that are already plain `(value, label)` pairs of text, given to a field as they are.
    Django checks every pair of a list given as a field's choices, twice for each form made: for a
    list of a thousand members, more than the rest of the page took."""

    def __init__(self, pairs: list[tuple[Any, str]]) -> None:
        self.pairs = pairs

    def __iter__(self) -> Iterator[tuple[Any, str]]:
        return iter(self.pairs)


class HumanErrorsMixin:
    """Every field's errors in words written for people (`error_messages`), set as the form cleans so
    fields a form adds in its own `__init__` are covered too. Every Senate form starts from one of the
    two classes below."""

    def full_clean(self) -> None:
        error_messages.apply_to(self)  # type: ignore[arg-type]
        super().full_clean()  # type: ignore[misc]


class Form(HumanErrorsMixin, forms.Form):
    pass


class ModelForm(HumanErrorsMixin, forms.ModelForm):  # type: ignore[type-arg]
    pass


class DateWidget(forms.MultiWidget):
    """Day, month and year boxes named `<name>-day` etc., as the NHS date input expects."""

    parts = ("day", "month", "year")

    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: dt.date | None) -> list[Any]:
        return [value.day, value.month, value.year] if value else [None, None, None]

    def value_from_datadict(self, data: Mapping[str, Any], files: Mapping[str, Any], name: str) -> list[Any]:
        return [data.get(f"{name}[{part}]", "") for part in self.parts]


class DateField(forms.MultiValueField):
    """A date entered as day, month and year, with the NHS error messages."""

    widget = DateWidget
    is_day_month_year = True  # its error messages name the three boxes (senate.core.error_messages)

    def __init__(
        self,
        *,
        label: str | None = None,
        required: bool = True,
        help_text: str = "",
        error_messages: dict[str, str] | None = None,
    ) -> None:
        parts = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(
            fields=parts,
            require_all_fields=False,
            label=label,
            required=required,
            help_text=help_text,
            error_messages=error_messages,
        )

    def compress(self, data_list: list[Any]) -> Any:
        import datetime as dt

        if not data_list or not any(data_list):
            return None
        day, month, year = (str(v or "").strip() for v in data_list)
        if not (day and month and year):
            raise forms.ValidationError(f"{self.label} must include a day, month and year")
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(f"{self.label} must be a real date, like 27 3 2027") from None


def _kind(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, DateWidget):
        return "dateInput"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


def _selected(field: forms.BoundField) -> set[str]:
    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {str(v) for v in values if v not in (None, "")}


def _choices(field: forms.BoundField) -> list[tuple[Any, Any]]:
    """The field's choices, or its widget's (a yes/no BooleanField shown as radios keeps them there)."""
    choices = getattr(field.field, "choices", None)
    if choices is None:
        choices = getattr(field.field.widget, "choices", [])
    return list(choices)


def field_params(field: forms.BoundField, **overrides: Any) -> tuple[str, dict[str, Any]]:
    kind = _kind(field)
    label = {"text": field.label, "classes": overrides.pop("label_classes", "")}
    params: dict[str, Any] = {"id": field.id_for_label or field.auto_id, "name": field.html_name}
    if field.help_text:
        params["hint"] = {"text": str(field.help_text)}
    if field.errors:
        params["errorMessage"] = {"text": " ".join(str(e) for e in field.errors)}
    if kind == "dateInput":
        values = field.value()
        if not isinstance(values, list | tuple):
            values = field.field.widget.decompress(values)
        params["namePrefix"] = field.html_name
        params["fieldset"] = {"legend": {"text": field.label, "size": overrides.pop("legend_size", "s")}}
        params["items"] = [
            {
                "name": part,
                "label": part.capitalize(),
                "value": "" if v is None else str(v),
                "classes": "nhsuk-input--width-4" if part == "year" else "nhsuk-input--width-2",
                "attributes": {"inputmode": "numeric"},
            }
            for part, v in zip(DateWidget.parts, values, strict=True)
        ]
    elif kind == "checkbox":
        # One yes-or-no box: the NHS checkboxes component with a single item, its label the question.
        params["idPrefix"] = params.pop("id")
        params["items"] = [{"value": "True", "text": field.label, "checked": bool(field.value())}]
        kind = "checkboxes"
    elif kind in {"radios", "checkboxes"}:
        chosen = _selected(field)
        params["idPrefix"] = params.pop("id")
        params["fieldset"] = {"legend": {"text": field.label, "size": overrides.pop("legend_size", "s")}}
        params["items"] = [
            {"value": str(v), "text": str(t), "checked": str(v) in chosen} for v, t in _choices(field) if str(v) != ""
        ]
    elif kind == "select":
        chosen = _selected(field)
        params["label"] = label
        params["items"] = [{"value": str(v), "text": str(t), "selected": str(v) in chosen} for v, t in _choices(field)]
    else:
        params["label"] = label
        value = field.value()
        params["value"] = "" if value is None else str(value)
        if kind == "input":
            params["type"] = getattr(field.field.widget, "input_type", "text")
            if params["type"] == "password":
                params["value"] = ""
    params.update(overrides)
    return kind, params


_SCALARS = (str, bool, int, float, type(None))
# A scalar's kind by its exact type (so `Markup` is told from text, `True` from `1`).
_SCALAR_KIND: dict[type, str] = {kind: kind.__name__ for kind in (*_SCALARS, Markup)}


def _frozen(value: object) -> Any:
    """`value` (a macro's parameters) as a hashable key that tells apart everything the macro could
    render differently (`Markup` from text, `True` from `1`), or None when it holds anything else.
    Scalars are frozen in place, not by a call each: a select of a thousand members is a list of a
    thousand small dicts, and a call per value cost more than drawing the rest of the page."""
    kind = _SCALAR_KIND.get(type(value))
    if kind is not None:
        return (kind, value)
    if isinstance(value, dict):
        pairs = []
        for k, v in value.items():
            inner = _SCALAR_KIND.get(type(v))
            frozen = (inner, v) if inner is not None else _frozen(v)
            if not isinstance(k, str) or frozen is None:
                return None
            pairs.append((k, frozen))
        return ("dict", tuple(pairs))
    if isinstance(value, list):
        items = tuple(_frozen(v) for v in value)
        return None if any(v is None for v in items) else ("list", items)
    return None


def _thawed(key: tuple[str, Any]) -> Any:
    kind, inner = key
    if kind == "dict":
        return {k: _thawed(v) for k, v in inner}
    if kind == "list":
        return [_thawed(v) for v in inner]
    return inner


SHORT_TEXT = 300  # the most characters a text box may start with for its markup to be kept


def make_form_helpers(env: Environment) -> dict[str, Any]:
    @lru_cache(maxsize=512)
    def rendered(kind: str, key: tuple[str, Any]) -> Markup:
        """The NHS macros give the same markup for the same parameters, and rendering them is most
        of what a form costs a page (a date is three inputs, each with its label and attributes):
        a field already drawn with these exact parameters is not drawn again."""
        return Markup(_macro(env, kind)(_thawed(key)))

    def nhs_field(field: forms.BoundField, **overrides: Any) -> Markup:
        kind, params = field_params(field, **overrides)
        # Kept only for forms not yet filled in (what someone typed is never kept), and never long text
        # (a short box's starting value, a bed model's shares by month, is kept like any input's).
        long_text = kind == "textarea" and len(params.get("value") or "") > SHORT_TEXT
        key = None if field.form.is_bound or long_text else _frozen(params)
        if key is None:
            return Markup(_macro(env, kind)(params))
        return rendered(kind, key)

    def nhs_error_summary(*forms_: forms.BaseForm) -> Markup:
        items = []
        for form in forms_:
            for error in form.non_field_errors():
                items.append({"text": str(error), "href": "#main-content"})
            for bound in form:
                for error in bound.errors:
                    href = f"#{bound.id_for_label or bound.auto_id}"
                    if _kind(bound) in {"radios", "checkboxes", "checkbox"}:
                        href = f"#{bound.auto_id}"
                    if _kind(bound) == "dateInput":
                        href = f"#{bound.id_for_label or bound.auto_id}-day"
                    items.append({"text": str(error), "href": href})
        if not items:
            return Markup("")
        summary = _macro(env, "errorSummary")
        return Markup(summary({"titleText": "There is a problem", "errorList": items}))

    return {"nhs_field": nhs_field, "nhs_error_summary": nhs_error_summary}
