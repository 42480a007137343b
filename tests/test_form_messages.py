"""Every form's errors are written for people (issue 14, item 15): each Senate form is filled in
empty, then wrongly (a word for a number, a choice not offered, too long, too small, too big), and the
error summary and the fields it renders must use none of Django's default wording."""

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from types import SimpleNamespace

import pytest
from django import forms
from django.core import validators
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import engines

import senate
from senate.core.forms import DateField, Form, HumanErrorsMixin
from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.reports import drafting


def _senate_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(senate.__path__, "senate."):
        if ".forms" in module.name and ".tests" not in module.name:
            importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("senate.") and ".tests" not in sub.__module__:
                found.add(sub)
    return sorted(found - {HumanErrorsMixin}, key=lambda c: f"{c.__module__}.{c.__name__}")


FORMS = [cls for cls in _senate_forms() if cls.__name__ not in {"Form", "ModelForm"}]
ADMIN_FORMS = {"AdminSignInForm"}  # Django admin's own sign-in, in Django admin's words


def _django_wording() -> list[str]:
    """Django's default messages, each up to its first placeholder ("Ensure this value has at most ")."""
    messages = set()
    for cls in [*vars(forms).values(), *vars(forms.models).values()]:
        if inspect.isclass(cls) and issubclass(cls, forms.Field):
            messages |= {str(m) for m in getattr(cls, "default_error_messages", {}).values()}
    for cls in vars(validators).values():
        if inspect.isclass(cls) and getattr(cls, "message", None) is not None:
            messages.add(str(cls.message))
    return sorted({re.split(r"%\(|\{", m)[0].strip() for m in messages if len(re.split(r"%\(|\{", m)[0]) > 8})


DJANGO_WORDING = _django_wording()


def _a_comment(cast):
    """A factual-accuracy comment on v1 of a report, with v2 written since (the answer form's choices)."""
    from senate.reports.models import AccuracyComment, AccuracyRound
    from senate.reports.tests.factories import draft, request_at

    request = request_at("factual_accuracy", by=cast["requester"])
    first = draft(request, by=cast["manager"])
    draft(request, by=cast["manager"])
    found = AccuracyRound.objects.create(
        request=request, draft=first, opened_by=cast["manager"], closes_on=dt.date.today() + dt.timedelta(days=10)
    )
    return AccuracyComment.objects.create(round=found, section="summary", text="A wrong date", by=cast["requester"])


def _make(cls, data=None, files=None, *, senate, cast):
    """The form as its view makes it, with empty lists for the records a view would pass."""
    needed = {
        name: p
        for klass in cls.__mro__
        if "__init__" in vars(klass)
        for name, p in inspect.signature(klass.__init__).parameters.items()
        if p.kind == p.KEYWORD_ONLY and p.default is p.empty
    }
    values = {
        "senate": senate,
        "kind": next(iter(drafting.WRITTEN)),
        "labels": {},
        "choices": [("a", "A")],
        "evidence": [("a", "A")],
        "criteria": [("a", "A")],
        "sections": [("a", "A")],
    }
    if "comment" in needed:
        values["comment"] = _a_comment(cast)
    if cls.__module__.startswith(("senate.programme.", "senate.recruitment.")):
        # A work programme's priority criteria, or a vacancy's published criteria: records, not choices.
        values["criteria"] = [
            SimpleNamespace(pk=1, name="Scale of impact", description="How many people", weight=3, text="Experience")
        ]
    values |= {"today": dt.date.today(), "senates": Senate.objects.all(), "current": {}}
    kwargs = {name: values.get(name, []) for name in needed}
    if issubclass(cls, forms.ModelForm) and cls._meta.model is MemberProfile:
        kwargs["instance"] = cast["council"].profile  # a profile's form starts from its member
    if "user" in inspect.signature(cls.__init__).parameters and "user" not in needed:
        return cls(None, data, files, **kwargs)
    return cls(data, files, **kwargs)


def _wrong(field: forms.Field, how: str):
    """A value for `field` that Django refuses with its own default message."""
    if isinstance(field, forms.FileField):
        return SimpleUploadedFile("empty.pdf", b"")
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return ["not-offered"]
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return "not-offered"
    if isinstance(field, forms.IntegerField | forms.FloatField | forms.DecimalField):
        return {"word": "several", "small": "-99999999999", "big": "99999999999.123456"}[how]
    if isinstance(field, DateField):
        return ["", "3", "2027"] if how == "word" else ["31", "2", "2027"]
    if isinstance(field, forms.EmailField | forms.URLField):
        return "not an address" if how == "word" else "x" * 3000
    if isinstance(field, forms.BooleanField):
        return ""
    longest = getattr(field, "max_length", None)
    return "x" * (longest + 1 if longest else 3) if how != "small" else "x"


def _data(form, how):
    data, files = {}, {}
    for name, field in form.fields.items():
        key, value = form.add_prefix(name), _wrong(field, how)
        if isinstance(field, DateField):
            data |= {f"{key}[{part}]": v for part, v in zip(("day", "month", "year"), value, strict=True)}
        elif isinstance(value, SimpleUploadedFile):
            files[key] = value
        else:
            data[key] = value
    return data, files


def _rendered_errors(form) -> str:
    env = engines["jinja2"].env
    page = str(env.globals["nhs_error_summary"](form))
    for bound in form:
        page += str(env.globals["nhs_field"](bound))
    return page


def test_every_senate_form_starts_from_the_human_errors_forms():
    assert [c.__name__ for c in FORMS if not issubclass(c, HumanErrorsMixin)] == list(ADMIN_FORMS)


@pytest.mark.parametrize("cls", [c for c in FORMS if c.__name__ not in ADMIN_FORMS], ids=lambda c: c.__name__)
def test_form_errors_use_no_django_default_wording(cls, senate, cast):
    blank = _make(cls, {}, {}, senate=senate, cast=cast)
    pages = [_rendered_errors(blank) if not blank.is_valid() else ""]
    for how in ("word", "small", "big"):
        data, files = _data(blank, how)
        form = _make(cls, data, files, senate=senate, cast=cast)
        form.is_valid()
        pages.append(_rendered_errors(form))
    found = sorted({wording for page in pages for wording in DJANGO_WORDING if wording in page})
    assert found == [], f"{cls.__name__} shows Django's wording: {found}"


@pytest.mark.parametrize(
    "field,label,code,expected",
    [
        (forms.CharField(max_length=200), "Title", "max_length", "Enter a title of 200 characters or fewer"),
        (forms.CharField(), "Title", "required", "Enter a title"),
        (DateField(), "Panel day", "required", "Enter a panel day"),
        (forms.IntegerField(min_value=0), "Votes for", "min_value", "Votes for must be 0 or more"),
        (forms.ChoiceField(choices=[("a", "A")]), "Priority", "required", "Select priority"),
        (forms.CharField(), "Describe the interest", "required", "Describe the interest"),
    ],
)
def test_a_message_names_the_field(field, label, code, expected):
    class OneField(Form):
        pass

    form = OneField({"x": "x" * 250 if code == "max_length" else "-1"} if code != "required" else {})
    form.fields["x"] = field
    field.label = label
    form.is_valid()
    assert form.errors["x"] == [expected]
