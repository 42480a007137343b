"""Choosing an organisation by name or ODS code. The field is a text box with suggestions (an HTML
datalist, filled on the server so it works with no script; htmx narrows it from the search page as the
person types). What is typed resolves to one organisation: a suggestion ("Name (CODE)"), an ODS code,
or a name only one current organisation has. A name shared by several is refused with their codes, so
nobody declares against the wrong "Foxton NHS Foundation Trust"."""

import re

from django import forms
from django.db.models import Q, QuerySet

from senate.organisations.models import Organisation, normalise_code

_LABEL = re.compile(r"^(?P<name>.*)\((?P<code>[A-Za-z0-9 ]{2,12})\)\s*$")
SUGGESTIONS = 20


def search(text: str, among: QuerySet[Organisation] | None = None, limit: int = SUGGESTIONS) -> list[Organisation]:
    """Current organisations whose name or ODS code contains `text`; an exact code first, then names
    that start with it."""
    text = " ".join((text or "").split())
    orgs = among if among is not None else Organisation.objects.current()
    if not text:
        return []
    found = list(orgs.filter(Q(name__icontains=text) | Q(code__icontains=normalise_code(text)))[:200])
    code, lower = normalise_code(text), text.lower()
    found.sort(key=lambda o: (o.code != code, not o.name.lower().startswith(lower), o.name, o.code))
    return found[:limit]


def resolve(text: str, among: QuerySet[Organisation] | None = None) -> Organisation:
    """The one organisation `text` names, or a ValidationError saying how to name it."""
    orgs = among if among is not None else Organisation.objects.current()
    text = " ".join((text or "").split())
    labelled = _LABEL.match(text)
    if labelled:
        found = orgs.filter(code=normalise_code(labelled["code"])).first()
        if found is not None:
            return found
    code = normalise_code(text)
    if code and (found := orgs.filter(code=code).exclude(code="").first()) is not None:
        return found
    named = list(orgs.filter(name__iexact=text)[:10])
    if len(named) == 1:
        return named[0]
    if named:
        codes = ", ".join(o.code or "no code" for o in named)
        raise forms.ValidationError(
            f"More than one organisation is called {text} ({codes}): choose one from the suggestions or enter its ODS code"
        )
    raise forms.ValidationError(
        f"No organisation is called {text} or has that ODS code: check it, or choose from the suggestions"
    )


class OrganisationField(forms.CharField):
    """An organisation chosen by name or ODS code; cleans to an Organisation (or None when empty)."""

    is_organisation_picker = True

    def __init__(
        self,
        *,
        among: QuerySet[Organisation] | None = None,
        label: str | None = None,
        required: bool = True,
        help_text: str = "",
    ) -> None:
        super().__init__(max_length=220, label=label, required=required, help_text=help_text)
        self.among = among

    def queryset(self) -> QuerySet[Organisation]:
        return self.among if self.among is not None else Organisation.objects.current()

    def prepare_value(self, value: object) -> object:
        if isinstance(value, Organisation):
            return value.label
        if isinstance(value, int):
            found = Organisation.objects.filter(pk=value).first()
            return found.label if found else ""
        return value

    def clean(self, value: object) -> Organisation | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        return resolve(text, self.queryset())

    def suggestions(self) -> list[Organisation]:
        return list(self.queryset().order_by("name", "code"))
