from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from senate.core.access import public
from senate.organisations import home, queries
from senate.organisations.models import OrganisationType, Senate


@public
def senate_home(request: HttpRequest, senate: Senate) -> HttpResponse:
    """A Senate's front page: who it serves, and (once signed in) where to go next."""
    context = {
        "page_title": senate.name,
        "icbs": queries.icbs_advised_by(senate),
        "predecessors": senate.merged_from.all(),
        "tasks": home.tasks_for(request.user, senate, timezone.localdate()),
    }
    return render(request, "organisations/senate_home.jinja", context)


@public
def organisation_list(request: HttpRequest, senate: Senate) -> HttpResponse:
    """Organisations in the Senate's area, by type: public facts only."""
    kind = request.GET.get("type", "")
    orgs = queries.organisations_in(senate)
    if kind in OrganisationType.values:
        orgs = orgs.filter(type=kind)
    page = Paginator(orgs, 50).get_page(request.GET.get("page"))
    context = {
        "page_title": "Organisations",
        "page": page,
        "kind": kind,
        "types": OrganisationType.choices,
        "breadcrumbs": [{"href": f"/{senate.slug}/", "text": senate.name}],
    }
    return render(request, "organisations/organisation_list.jinja", context)
