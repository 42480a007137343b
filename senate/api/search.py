"""Search over the API: the same query, the same permission in the query and the same checks of the
input as the search page (search.forms.SearchForm, search.searching.search)."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from senate.search.forms import SearchForm, filters_of
from senate.search.searching import search
from senate.search.snippets import snippet

router = Router(tags=["Search"])


class ResultOut(Schema):
    kind: str
    title: str
    senate: str
    request: str | None
    dated: dt.date
    url: str
    passage: str
    no_text_layer: bool


class ResultsOut(Schema):
    total: int
    page: int
    results: list[ResultOut]


@router.get("/search", response=ResultsOut, summary="Search what you may open")
def search_api(
    request: HttpRequest,
    q: str = "",
    senate: int | None = None,
    kind: str = "",
    year: int | None = None,
    advice_kind: str = "",
    organisation: int | None = None,
    stage: str = "",
    page: int = 1,
) -> dict:
    form = SearchForm(
        {
            "q": q,
            "senate": senate or "",
            "kind": kind,
            "year": year or "",
            "advice_kind": advice_kind,
            "organisation": organisation or "",
            "stage": stage,
            "page": page,
        }
    )
    if not form.is_valid():
        raise HttpError(
            400, " ".join(f"{name}: {' '.join(str(e) for e in errors)}" for name, errors in form.errors.items())
        )
    data = form.cleaned_data
    results = search(request.user, data["q"], filters_of(data), page=data["page"] or 1)
    return {
        "total": results.total,
        "page": data["page"] or 1,
        "results": [
            {
                "kind": d.kind,
                "title": d.title,
                "senate": d.senate_slug,
                "request": d.request_reference,
                "dated": d.dated,
                "url": d.url,
                "passage": snippet(d.body or d.title, results.query.highlight).striptags(),
                "no_text_layer": d.no_text,
            }
            for d in results.documents
        ],
    }
