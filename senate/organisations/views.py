import csv
import itertools
import json
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from senate.accounts.people import SignedInRequest
from senate.accounts.permission_names import Permission
from senate.accounts.roles import senates_of
from senate.core import audit
from senate.core.access import public, requires, signed_in
from senate.core.models import AuditEvent
from senate.core.spreadsheets import safe_cell
from senate.organisations import home, picking, queries
from senate.organisations.forms import AuditSearchForm
from senate.organisations.models import OrganisationType, Senate


@public
def front_door(request: HttpRequest) -> HttpResponse:
    """The front door: the nine Clinical Senates; a signed-in member goes to their own Senate."""
    if request.user.is_authenticated and request.GET.get("all") is None:
        senates = senates_of(request.user)
        if len(senates) == 1:
            return redirect("organisations:senate_home", senates[0].slug)
    return render(request, "organisations/front_door.jinja", {"senates": queries.senates_today()})


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


AUDIT_CSV_HEADER = [
    "When (UTC)",
    "Person",
    "Email",
    "Act",
    "Record type",
    "Record number",
    "Summary",
    "Changes",
    "Data",
    "Chain",
    "Sequence",
    "Hash",
]


@requires(Permission.VIEW_AUDIT_TRAIL)
def audit_trail(http: SignedInRequest, senate: Senate) -> HttpResponseBase:
    """Who did what in this Senate, filtered, a page at a time or every match as CSV (`?format=csv`)."""
    # Every field may be empty: no filters is the whole trail. Left unbound when nothing was typed
    # (only a page number, or nothing), so its fields are drawn from the kept markup of an empty
    # form (core.forms.nhs_field) instead of afresh: most of the page's rendering.
    typed = any(value for name, value in http.GET.items() if name not in ("page", "format"))
    form = AuditSearchForm(http.GET if typed else None)
    valid = form.is_valid() if typed else True
    found = audit.search(senate, **({k: v for k, v in form.cleaned_data.items() if v} if typed else {}))
    if not valid:
        found = found.none()
    if http.GET.get("format") == "csv":
        if not valid:
            errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        return _audit_csv(senate, found)
    query = http.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    page = Paginator(found, 50).get_page(http.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "entries": [audit.describe(event) for event in page],
        "query": query.urlencode(),
        "page_title": "Audit trail",
        "breadcrumbs": [{"href": f"/{senate.slug}/", "text": senate.name}],
    }
    return render(http, "organisations/audit.jinja", context)


def _audit_csv(senate: Senate, found: QuerySet[AuditEvent]) -> StreamingHttpResponse:
    """Streamed a chunk of rows at a time, so a whole Senate's trail never sits in memory."""
    writer = csv.writer(_Echo())
    rows = itertools.chain([AUDIT_CSV_HEADER], (_audit_row(e) for e in found.iterator(chunk_size=2000)))
    response = StreamingHttpResponse(writer.writerow([safe_cell(str(c)) for c in row]) for row in rows)
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="{senate.slug}-audit-trail.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


def _audit_row(event: AuditEvent) -> list[Any]:
    actor = event.actor
    return [
        audit.utc_iso(event.at),
        actor.full_name if actor else "",
        actor.email if actor else "",
        event.action,
        event.object_type,
        event.object_id,
        event.summary,
        "; ".join(f"{f}: {b} → {a}" for f, b, a in audit.changes(event)),
        json.dumps(event.data, sort_keys=True, ensure_ascii=False) if event.data else "",
        event.chain,
        event.sequence,
        event.hash,
    ]


class _Echo:
    def write(self, value: str) -> str:
        return value


@signed_in
def organisation_search(request: SignedInRequest) -> HttpResponse:
    """Suggestions for an organisation box, by name or ODS code: the `<option>`s of its datalist (htmx
    swaps them in as the person types), or a page of results when opened on its own."""
    # htmx sends the box's own value under the box's name; opened on its own, the page's box is `q`.
    text = str(request.GET.get("q") or next(iter(request.GET.values()), ""))[:100]
    found = picking.search(text)
    template = (
        "organisations/search_options.jinja" if request.headers.get("HX-Request") else "organisations/search.jinja"
    )
    return render(request, template, {"page_title": "Find an organisation", "q": text, "found": found})
