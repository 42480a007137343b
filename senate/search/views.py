"""The search page: anyone may search, and finds only what they may open (searching.permitted). Similar
past reviews of a request: for those who may see the request, among the reviews they may find."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from senate.accounts.people import SignedInRequest
from senate.core.access import public, requires
from senate.organisations.models import Senate
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs
from senate.search import backends
from senate.search.forms import FILTERS, SearchForm, filters_of
from senate.search.presenters import result_rows
from senate.search.searching import PAGE_SIZE, search
from senate.search.similar import similar_reviews_kept


@public
def search_page(http: HttpRequest) -> HttpResponse:
    form = SearchForm(http.GET if "q" in http.GET else None)
    context: dict = {"form": form, "page_title": "Search"}
    if form.is_valid():
        data = form.cleaned_data
        filters = filters_of(data)
        page = data["page"] or 1
        results = search(http.user, data["q"], filters, page=page)
        base = {
            "q": data["q"].text,
            **{name: data[name] for name in FILTERS if data.get(name)},
        }
        context |= {
            "results": results,
            "rows": result_rows(results),
            "page": page,
            "pages": max(1, -(-results.total // PAGE_SIZE)),
            "base_query": urlencode(base),
            "facet_links": _facet_links(results.facets, base),
            "facet_names": FACET_HEADINGS,
            "filtered": len(base) > 1,
            "query_only": urlencode({"q": data["q"].text}),
            "limit": backends.LIMIT,
        }
    return render(http, "search/results.jinja", context)


FACET_HEADINGS = [
    ("senate", "Senate"),
    ("advice_kind", "Kind of advice"),
    ("icb", "ICB"),
    ("organisation", "Organisation"),
    ("stage", "Stage"),
    ("kind", "Type of document"),
    ("year", "Year"),
]


def _facet_links(facets: dict, base: dict) -> dict:
    """Each facet's values with their counts, each linking to the search narrowed by it as well as by
    the filters already chosen (an ICB and an organisation both narrow by `organisation`)."""
    links = {}
    for name, counts in facets.items():
        parameter = "organisation" if name == "icb" else name
        links[name] = [
            (label, count, "?" + urlencode({**base, parameter: value}), str(base.get(parameter, "")) == str(value))
            for (value, label), count in counts
        ]
    return links


@requires(ReviewsPermission.VIEW_REQUEST, on=REQUEST)
def similar_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    context = {
        "advice_request": request,
        "similar": similar_reviews_kept(http.user, request),
        "page_title": f"Similar past reviews: {request.title}",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "search/similar.jinja", context)
