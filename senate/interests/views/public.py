"""The published register of interests, on a page and as CSV. Public: both read only
`register.public_register`, which never returns withheld or unpublishable entries."""

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from markupsafe import Markup

from senate.core.access import public
from senate.core.cache import rendered, until_next_act
from senate.core.spreadsheets import safe_cell
from senate.interests.forms import PublicRegisterFilterForm, RegisterDateForm
from senate.interests.register import WATCHED, Register, filtered, public_register
from senate.interests.views.common import crumbs
from senate.organisations.models import Senate

CSV_HEADER = ["Member", "Role", "Type", "Organisation or body", "Nature of interest", "From", "To", "Date declared"]


PAGE_SIZE = 50  # entries a page of the register; the spreadsheet has every entry


@public
def register_page(http: HttpRequest, senate: Senate) -> HttpResponse:
    """One page of the register, filtered by name, body and type of entry on the server: the whole
    register is worked out once per act (`register.public_register`), and only a page is rendered."""
    (on, form), today = _on(http, senate), timezone.localdate()
    register = public_register(senate, on=on)
    query = f"?on={on.isoformat()}" if on != today else ""
    filter_form = PublicRegisterFilterForm(http.GET)
    filters = {k: v for k, v in filter_form.cleaned_data.items() if v} if filter_form.is_valid() else {}
    entries = filtered(register.entries, **filters) if filters else register.entries
    page = Paginator(entries, PAGE_SIZE).get_page(http.GET.get("page"))
    # The pages' links carry the date and the filters (and nothing else the address had).
    on_query = urlencode(({"on": on.isoformat()} if on != today else {}) | filters)
    context_of_entries = {
        "page": page,
        "on_query": f"{on_query}&" if on_query else "",
        "is_today": on == today,
        "filtered": bool(filters),
    }
    # An unfiltered page is the same for every reader: it is rendered once per act.
    entries_html = (
        _entries_html(context_of_entries)
        if filters
        else until_next_act(
            f"register-entries:{senate.pk}:{on.isoformat()}:{today.isoformat()}:{page.number}",
            lambda: _entries_html(context_of_entries),
            rows_of=WATCHED,
        )
    )
    context = {
        "register": register,
        "entries_html": entries_html,
        "form": form,
        "filter_form": filter_form,
        "filtered": bool(filters),
        "on_value": on.isoformat() if on != today else "",
        "clear_href": http.path + query,
        "is_today": on == today,
        "csv_href": reverse("interests:register_csv", args=[senate.slug]) + query,
        "page_title": "Register of interests",
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "interests/public/register.jinja", context)


_BLANK_LINES = re.compile(r"\s*\n\s*")


def _entries_html(context: dict[str, Any]) -> Markup:
    """The table of entries, its runs of blank lines and indentation (from the NHS macros, most of the
    page's size) made one line break each: the same page to a browser, a third of the bytes."""
    return Markup(_BLANK_LINES.sub("\n", rendered("interests/public/entries.jinja", context)))


@public
def register_csv(http: HttpRequest, senate: Senate) -> HttpResponseBase:
    """Every entry, whatever the page's filters: streamed a chunk of rows at a time from the register
    kept until the next act (the same reading as the page)."""
    on, form = _on(http, senate)
    if form.errors:
        return HttpResponseBadRequest(
            " ".join(str(e) for e in form.errors["on"]), content_type="text/plain; charset=utf-8"
        )
    register = public_register(senate, on=on)
    response = StreamingHttpResponse(_csv_chunks(csv_rows(register)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{senate.slug}-register-of-interests-{on.isoformat()}.csv"'
    return response


CHUNK = 500  # rows written to the response at a time


def _csv_chunks(rows: Iterable[list[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for number, row in enumerate(rows, start=1):
        writer.writerow([safe_cell(cell) for cell in row])
        if number % CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def csv_rows(register: Register) -> Iterator[list[str]]:
    yield CSV_HEADER
    for e in register.entries:
        yield [e.member, e.role, e.kind, e.body, e.nature, _iso(e.started_on), _iso(e.ended_on), _iso(e.declared_on)]
    for name, what in register.not_declared:
        yield [name, "", "No declaration made", "", what, "", "", ""]
    if register.withheld:
        yield ["", "", "Withheld", "", f"{register.withheld} entries withheld (privacy or safety)", "", "", ""]


def _on(http: HttpRequest, senate: Senate) -> tuple[dt.date, RegisterDateForm]:
    """`?on=YYYY-MM-DD`, or the date boxes of the page's form; today otherwise. A date that is not
    real, or outside the register's life, shows today's register with the form's error."""
    today = timezone.localdate()
    if "on[day]" in http.GET:
        form = RegisterDateForm(http.GET, senate=senate)
    elif http.GET.get("on"):
        try:
            day = dt.date.fromisoformat(http.GET["on"])
        except ValueError:
            form = RegisterDateForm({}, senate=senate)
            form.is_valid()
            form.errors["on"] = form.error_class(["Enter a real date, like 2025-04-01"])
            return today, form
        form = RegisterDateForm({f"on[{k}]": getattr(day, k) for k in ("day", "month", "year")}, senate=senate)
    else:
        return today, RegisterDateForm(initial={"on": today}, senate=senate)
    return (form.cleaned_data["on"] if form.is_valid() else today), form


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
