"""The national advice log's filters: each a choice, so a visitor cannot ask for anything the page
would not offer."""

import datetime as dt
from typing import Any, Unpack

from django import forms

from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import Form
from senate.members.models import Expertise
from senate.national.queries import LogFilters, log_years
from senate.organisations.models import Organisation, Senate
from senate.reviews.models import AdviceKind

ANY = [("", "Any")]


class LogFilterForm(Form):
    senate = forms.ChoiceField(label="Senate", required=False)
    year = forms.ChoiceField(label="Year published", required=False)
    kind = forms.ChoiceField(label="Kind of advice", required=False)
    service = forms.ChoiceField(label="Service", required=False)
    icb = forms.ChoiceField(label="Integrated care board (ICB)", required=False)

    fields: dict[str, Any]  # type: ignore[assignment]

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        today: dt.date,
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["senate"].choices = ANY + list(Senate.objects.values_list("slug", "name"))
        self.fields["year"].choices = ANY + [(str(y), str(y)) for y in log_years(today=today)]
        self.fields["kind"].choices = ANY + list(AdviceKind.choices)
        self.fields["service"].choices = ANY + list(
            Expertise.objects.filter(kind=Expertise.Kind.SPECIALTY).order_by("name").values_list("code", "name")
        )
        self.fields["icb"].choices = ANY + list(
            Organisation.objects.icbs().order_by("name").values_list("code", "name")
        )

    def filters(self) -> LogFilters:
        """The filters chosen (none when the form is not valid: the whole log, with the errors shown)."""
        if not self.is_valid():
            return LogFilters()
        data = self.cleaned_data
        return LogFilters(
            senate=Senate.objects.filter(slug=data["senate"]).first() if data["senate"] else None,
            year=int(data["year"]) if data["year"] else None,
            kind=data["kind"] or None,
            service=Expertise.objects.filter(code=data["service"]).first() if data["service"] else None,
            icb=Organisation.objects.icbs().filter(code=data["icb"]).first() if data["icb"] else None,
        )
