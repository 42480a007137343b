from typing import Any, Unpack

from django import forms

from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import Form
from senate.reviews.models import AdviceKind
from senate.reviews.stages import Stage
from senate.search.models import Document
from senate.search.query import MAX_LENGTH, QueryError, parse


class SearchForm(Form):
    q = forms.CharField(
        label="Search",
        max_length=MAX_LENGTH,
        help_text="For example, overnight stroke care or HASU.",
        error_messages={"required": "Enter what you are looking for"},
    )
    senate = forms.TypedChoiceField(
        label="Senate",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Choose a Senate from the list"},
    )
    kind = forms.ChoiceField(
        label="Type of document",
        required=False,
        choices=[("", "Any"), *Document.Kind.choices],
        error_messages={"invalid_choice": "Choose a type of document from the list"},
    )
    year = forms.IntegerField(label="Year", required=False, min_value=2000, max_value=2100)
    advice_kind = forms.ChoiceField(
        label="Kind of advice",
        required=False,
        choices=[("", "Any"), *AdviceKind.choices],
        error_messages={"invalid_choice": "Choose a kind of advice from the list"},
    )
    stage = forms.ChoiceField(
        label="Stage",
        required=False,
        choices=[("", "Any"), *Stage.choices],
        error_messages={"invalid_choice": "Choose a stage from the list"},
    )
    organisation = forms.IntegerField(
        required=False, min_value=1, widget=forms.HiddenInput, error_messages={"invalid": "Choose an organisation"}
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=50, widget=forms.HiddenInput)

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, **options: Unpack[FormOptions]
    ) -> None:
        from senate.organisations.models import Senate

        super().__init__(data, files, **options)
        senates = Senate.objects.order_by("name").values_list("pk", "name")
        self.fields["senate"].choices = [("", "Any"), *senates]  # type: ignore[attr-defined]

    def clean_q(self) -> Any:
        try:
            return parse(self.cleaned_data["q"])
        except QueryError as error:
            raise forms.ValidationError(str(error)) from error


FILTERS = ("senate", "kind", "year", "advice_kind", "organisation", "stage")


def filters_of(data: dict[str, Any]) -> Any:
    from senate.search.searching import Filters

    return Filters(
        senate=data.get("senate"),
        kind=data.get("kind") or "",
        year=data.get("year"),
        advice_kind=data.get("advice_kind") or "",
        organisation=data.get("organisation"),
        stage=data.get("stage") or "",
    )
