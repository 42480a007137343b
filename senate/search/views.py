"""The search page: anyone may search, and finds only what they may open (searching.permitted)."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from senate.core.access import public
from senate.search.forms import SearchForm
from senate.search.presenters import result_rows
from senate.search.searching import PAGE_SIZE, Filters, search


@public
def search_page(http: HttpRequest) -> HttpResponse:
    form = SearchForm(http.GET if "q" in http.GET else None)
    context: dict = {"form": form, "page_title": "Search"}
    if form.is_valid():
        data = form.cleaned_data
        filters = Filters(senate=data["senate"], kind=data["kind"], year=data["year"])
        page = data["page"] or 1
        results = search(http.user, data["q"], filters, page=page)
        base = {
            "q": data["q"].text,
            **{k: v for k, v in (("senate", data["senate"]), ("kind", data["kind"]), ("year", data["year"])) if v},
        }
        context |= {
            "results": results,
            "rows": result_rows(results),
            "page": page,
            "pages": max(1, -(-results.total // PAGE_SIZE)),
            "base_query": urlencode(base),
            "facet_links": _facet_links(results.facets, {"q": data["q"].text}),
            "filtered": len(base) > 1,
            "query_only": urlencode({"q": data["q"].text}),
        }
    return render(http, "search/results.jinja", context)


def _facet_links(facets: dict, base: dict) -> dict:
    return {
        name: [(label, count, "?" + urlencode({**base, name: value})) for (value, label), count in counts]
        for name, counts in facets.items()
    }
