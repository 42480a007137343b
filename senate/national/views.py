"""The national view: the public national advice log (page, CSV, Atom feed), and for NHS England's
national team every Senate's figures side by side and the advice each has issued."""

import csv
import datetime as dt
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from senate.accounts.people import SignedInRequest
from senate.core.access import public, requires
from senate.core.cache import until_next_act
from senate.core.spreadsheets import safe_cell
from senate.council import publication
from senate.national import presenters, queries
from senate.national.forms import LogFilterForm
from senate.national.permission_names import NationalPermission
from senate.national.served import ISSUED
from senate.organisations.models import Senate
from senate.reports import recommendations
from senate.reports.publication import document, final_version
from senate.reviews.models import Request, RequestEvent

PER_PAGE = 25
FEED_ENTRIES = 50


def _log(http: HttpRequest) -> tuple[LogFilterForm, Any]:
    today = timezone.localdate()
    form = LogFilterForm(http.GET or None, today=today)
    return form, queries.advice_log(today=today, filters=form.filters())


def _query(http: HttpRequest) -> str:
    query = http.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@public
def advice_log(http: HttpRequest) -> HttpResponse:
    """Every Senate's published advice, filtered, a page at a time, with links to each report."""
    form, log = _log(http)
    page = Paginator(log, PER_PAGE).get_page(http.GET.get("page"))
    query = _query(http)
    suffix = f"?{query}" if query else ""
    context = {
        "form": form,
        "page": page,
        "rows": presenters.log_rows(page),
        "query_without_page": query,
        "csv_href": reverse("national:advice_log_csv") + suffix,
        "feed_href": reverse("national:advice_log_feed") + suffix,
        "page_title": "National advice log",
    }
    return render(http, "national/log.jinja", context)


@public
def advice_log_csv(http: HttpRequest) -> HttpResponse:
    _form, log = _log(http)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="national-advice-log-{timezone.localdate()}.csv"'
    writer = csv.writer(response)
    writer.writerow(presenters.CSV_HEADER)
    site = http.build_absolute_uri("/").rstrip("/")
    for row in presenters.log_rows(log):
        writer.writerow([safe_cell(cell) for cell in presenters.csv_row(row, site=site)])
    return response


@public
def advice_log_feed(http: HttpRequest) -> HttpResponse:
    """The newest published advice as an Atom feed, with the same filters as the page."""
    _form, log = _log(http)
    feed = Atom1Feed(
        title="National advice log: advice published by the Clinical Senates",
        link=http.build_absolute_uri(reverse("national:advice_log")),
        description="Advice that England's Clinical Senates have published, newest first.",
        feed_url=http.build_absolute_uri(),
        feed_guid=http.build_absolute_uri(reverse("national:advice_log_feed")),
        language="en-GB",
    )
    for row in presenters.log_rows(log[:FEED_ENTRIES]):
        link = http.build_absolute_uri(row.href)
        published = timezone.make_aware(dt.datetime.combine(row.published_on, dt.time.min))
        feed.add_item(
            title=f"{row.senate}: {row.title}",
            link=link,
            unique_id=link,
            description=f"{row.kind}, requested by {row.requested_by}. {row.reference}".strip(),
            pubdate=published,
            updateddate=published,
            categories=[row.senate, row.kind],
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")


@requires(NationalPermission.VIEW_NATIONAL_FIGURES)
def national_home(http: SignedInRequest) -> HttpResponse:
    """NHS England's national team: every Senate side by side, and the newest advice issued."""
    asked = http.GET.get("page", "1")
    if asked.isascii() and asked.isdigit() and len(asked) <= 6:  # kept for a page number, not any text
        figures, page = until_next_act(
            f"national:home:{timezone.localdate()}:{asked}",
            lambda: _side_by_side(asked),
            rows_of=(Senate, Request, RequestEvent),
        )
    else:
        figures, page = _side_by_side(asked)
    context = {
        "figures": figures,
        "page": page,
        "page_title": "Every Senate side by side",
    }
    return render(http, "national/home.jinja", context)


def _side_by_side(asked: str) -> tuple[list[queries.SenateFigures], Page]:
    """Every Senate's figures and a page of the advice issued, as plain rows to keep: the page's
    requests read, its paginator counting a range rather than holding the query."""
    page = Paginator(queries.issued_advice(), PER_PAGE).get_page(asked)
    counted = Paginator(range(page.paginator.count), PER_PAGE)
    return queries.senate_figures(), Page(list(page.object_list), page.number, counted)


@requires(NationalPermission.VIEW_ASSURANCE_ACROSS)
def assurance(http: SignedInRequest) -> HttpResponse:
    """Where every Senate's reviews sit in NHS England's assurance: reviews feeding a checkpoint this
    quarter, proposals notifiable to the Secretary of State, and those called in; each row names its
    Senate and shows no more of the case than a Senate's own list does."""
    context = {
        "found": queries.assurance_across(today=timezone.localdate()),
        "page_title": "Assurance across every Senate",
        "breadcrumbs": [{"href": reverse("national:home"), "text": "Every Senate side by side"}],
    }
    return render(http, "national/assurance.jinja", context)


@requires(NationalPermission.VIEW_ISSUED_ADVICE, on=ISSUED)
def issued(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    """Advice as the Senate issued it: the covering letter, the recommendations and the report version
    the Council signed off (read-only; redactions agreed for publication do not apply to NHS England)."""
    version = final_version(request)
    context = {
        "advice_request": request,
        "issue": getattr(request, "advice_issue", None),
        "doc": document(version) if version is not None else None,
        "recommendations": recommendations.with_criteria(request),  # read once with the report's
        "is_public": publication.is_public(request, today=timezone.localdate()),
        "page_title": f"Issued advice: {request.reference}",
        "breadcrumbs": [{"href": reverse("national:home"), "text": "Every Senate side by side"}],
    }
    return render(http, "national/issued.jinja", context)
