"""Every field of every form in Senate renders an NHS control a person can use (issue 14, item 1: the
quorum page's yes/no questions rendered no control, so saving the page unchanged switched off the
Chair's and the Council's safeguards). A field is rendered on its own with `nhs_field`, as templates do,
and must carry an input, select or textarea named for it, with every choice it offers."""

import copy
import importlib
import inspect
import pkgutil
import re

import pytest
from django import forms
from django.template import engines

import senate
from senate.core.forms import DateWidget


def _form_classes() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for module_info in pkgutil.walk_packages(senate.__path__, "senate."):
        name = module_info.name
        if ".tests" in name or ".migrations" in name or not (name.endswith(".forms") or ".forms." in name):
            continue
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name and cls.base_fields:
                found[f"{name}.{cls.__name__}"] = cls
    return [found[k] for k in sorted(found)]


FORMS = _form_classes()
FIELDS = [(cls, name) for cls in FORMS for name in cls.base_fields]


def test_the_forms_are_found():
    names = {cls.__name__ for cls in FORMS}
    assert len(FORMS) > 40 and {"QuorumForm", "ApiTokenForm"} <= names


def _render(field: forms.Field, name: str, data: dict | None = None) -> str:
    form_class = type("One", (forms.Form,), {name: copy.deepcopy(field)})
    bound = form_class(data)[name]
    nhs_field = engines["jinja2"].env.globals["nhs_field"]
    return str(nhs_field(bound))


@pytest.mark.django_db
@pytest.mark.parametrize("form_class,name", FIELDS, ids=[f"{c.__name__}.{n}" for c, n in FIELDS])
def test_every_field_renders_a_control(form_class, name):
    field = form_class.base_fields[name]
    if isinstance(field.widget, forms.HiddenInput | forms.MultipleHiddenInput):
        pytest.skip("a hidden field carries no control by design")
    choices = getattr(field, "choices", None)
    if choices is None:
        choices = getattr(field.widget, "choices", None)
    if choices is not None and not list(choices):
        pytest.skip("its choices are made for each form (the request's, the Senate's): its page tests cover it")
    html = _render(field, name)
    names = [name] if not isinstance(field.widget, DateWidget) else [f"{name}[{p}]" for p in DateWidget.parts]
    for control in names:
        assert re.search(rf'<(input|select|textarea)\b[^>]*\bname="{re.escape(control)}"', html), (
            f"{form_class.__name__}.{name} renders no control named {control}"
        )
    if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        values = [str(v) for v, _ in choices if str(v) != ""]
        for value in values:
            assert f'value="{value}"' in html, f"{form_class.__name__}.{name} leaves out the choice {value!r}"


class Safeguards(forms.Form):
    on = forms.BooleanField(label="Switched on", required=False)
    yes_no = forms.BooleanField(
        label="The Chair must take part",
        required=False,
        widget=forms.RadioSelect(choices=[(True, "Yes"), (False, "No")]),
    )


def test_a_yes_no_question_shows_its_current_answer_so_saving_unchanged_keeps_it():
    nhs_field = engines["jinja2"].env.globals["nhs_field"]
    form = Safeguards(initial={"on": True, "yes_no": True})
    single, radios = str(nhs_field(form["on"])), str(nhs_field(form["yes_no"]))
    assert re.search(r'<input[^>]*name="on"[^>]*value="True"[^>]*checked', single)
    assert re.search(r'<input[^>]*name="yes_no"[^>]*value="True"[^>]*checked', radios)
    assert re.search(r'<input[^>]*name="yes_no"[^>]*value="False"', radios)
    resubmitted = Safeguards({"on": "True", "yes_no": "True"})
    assert resubmitted.is_valid() and resubmitted.cleaned_data == {"on": True, "yes_no": True}
