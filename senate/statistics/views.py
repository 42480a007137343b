"""The Senate dashboard, its tables as downloads, and the annual report (the Senate team only)."""

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.national.permission_names import NationalPermission
from senate.organisations.models import Senate
from senate.reports.rendering import to_docx, to_pdf
from senate.statistics import annual as annual_report
from senate.statistics import charts, exports, national, queries
from senate.statistics.period import Year, year_of
from senate.statistics.permission_names import StatisticsPermission

VIEW = StatisticsPermission.VIEW_STATISTICS


def _year(http: HttpRequest, default: Year) -> Year:
    try:
        start_year = int(http.GET.get("year", default.start_year))
    except ValueError:
        return default
    # A year typed in the address that no calendar holds (0, 99999) shows this year, not an error page.
    return Year(start_year) if dt.MINYEAR <= start_year < dt.MAXYEAR else default


def _years(senate: Senate) -> list[Year]:
    today = timezone.localdate()
    first = year_of(senate.established).start_year
    return [Year(y) for y in range(year_of(today).start_year, max(first, today.year - 10) - 1, -1)]


def _crumbs(senate: Senate) -> list[dict[str, str]]:
    return [{"href": f"/{senate.slug}/", "text": senate.name}]


@requires(VIEW)
def dashboard(http: SignedInRequest, senate: Senate) -> HttpResponse:
    today = timezone.localdate()
    year = _year(http, year_of(today))
    tables = queries.dashboard(senate, year, today=today)
    context = {
        "year": year,
        "years": _years(senate),
        "tables": [(t, charts.bar_chart(t)) for t in tables],
        "page_title": f"Dashboard {year.label}",
        "breadcrumbs": _crumbs(senate),
        "target": senate.request_notice_days,
    }
    return render(http, "statistics/dashboard.jinja", context)


@requires(VIEW)
def download(http: SignedInRequest, senate: Senate) -> HttpResponse:
    """?table=KEY&year=2026&format=csv|xlsx"""
    year, table, fmt = (
        _year(http, year_of(timezone.localdate())).start_year,
        http.GET.get("table"),
        http.GET.get("format"),
    )
    if table not in queries.TABLES or fmt not in exports.FORMATS:
        raise Http404("There is no such table to download.")
    found = queries.one_table(senate, Year(year), table, today=timezone.localdate())
    assert found is not None
    body = exports.to_csv(found) if fmt == "csv" else exports.to_xlsx(found)
    response = HttpResponse(body, content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{senate.slug}-{year}-{table}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


@requires(VIEW)
def annual(http: SignedInRequest, senate: Senate) -> HttpResponse:
    context = {
        "years": _years(senate),
        "page_title": "Annual report",
        "breadcrumbs": [*_crumbs(senate), {"href": f"/{senate.slug}/statistics/", "text": "Dashboard"}],
    }
    return render(http, "statistics/annual.jinja", context)


DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@requires(VIEW)
def annual_document(http: SignedInRequest, senate: Senate) -> HttpResponse:
    """?year=2026&format=pdf|docx"""
    year, fmt = _year(http, year_of(timezone.localdate())).start_year, http.GET.get("format", "")
    if fmt not in DOCUMENT_TYPES:
        raise Http404("The annual report comes as PDF or DOCX.")
    doc = annual_report.senate_report(senate, Year(year))
    body = to_pdf(doc) if fmt == "pdf" else to_docx(doc)
    response = HttpResponse(body, content_type=DOCUMENT_TYPES[fmt])
    name = f"{senate.slug}-annual-report-{Year(year).label.replace('/', '-')}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


# The national dashboard: NHS England's national team, every current Senate side by side.

NATIONAL = NationalPermission.VIEW_NATIONAL_FIGURES


def _national_years() -> list[Year]:
    this_year = year_of(timezone.localdate()).start_year
    return [Year(y) for y in range(this_year, this_year - 11, -1)]


@requires(NATIONAL)
def national_dashboard(http: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    year = _year(http, year_of(today))
    tables = national.dashboard(year, today=today)
    context = {
        "year": year,
        "years": _national_years(),
        "tables": [(t, charts.bar_chart(t)) for t in tables],
        "page_title": f"National dashboard {year.label}",
        "breadcrumbs": [{"href": reverse("national:home"), "text": "Every Senate side by side"}],
    }
    return render(http, "statistics/national.jinja", context)


@requires(NATIONAL)
def national_download(http: SignedInRequest) -> HttpResponse:
    """?table=KEY&year=2026&format=csv|xlsx"""
    year, table, fmt = (
        _year(http, year_of(timezone.localdate())).start_year,
        http.GET.get("table"),
        http.GET.get("format"),
    )
    if table not in national.TABLES or fmt not in exports.FORMATS:
        raise Http404("There is no such table to download.")
    found = national.one_table(Year(year), table, today=timezone.localdate())
    assert found is not None
    body = exports.to_csv(found) if fmt == "csv" else exports.to_xlsx(found)
    response = HttpResponse(body, content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="national-{year}-{table}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
