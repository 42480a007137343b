"""The published register of interests, on a page and as CSV. Public: both read only
`register.public_register`, which never returns withheld or unpublishable entries."""

import csv
import datetime as dt

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from senate.core.access import public
from senate.core.cache import rendered, until_next_act
from senate.core.spreadsheets import safe_cell
from senate.interests.forms import RegisterDateForm
from senate.interests.register import WATCHED, Register, public_register
from senate.interests.views.common import crumbs
from senate.organisations.models import Senate

CSV_HEADER = ["Member", "Role", "Type", "Organisation or body", "Nature of interest", "From", "To", "Date declared"]


@public
def register_page(http: HttpRequest, senate: Senate) -> HttpResponse:
    (on, form), today = _on(http, senate), timezone.localdate()
    register = public_register(senate, on=on)
    query = f"?on={on.isoformat()}" if on != today else ""
    page = Paginator(register.entries, 50).get_page(http.GET.get("page"))
    entries = {"page": page, "on_query": f"on={on.isoformat()}&" if query else "", "is_today": on == today}
    context = {
        "register": register,
        "entries_html": until_next_act(
            f"register-entries:{senate.pk}:{on.isoformat()}:{today.isoformat()}:{page.number}",
            lambda: rendered("interests/public/entries.jinja", entries),
            rows_of=WATCHED,
        ),
        "form": form,
        "is_today": on == today,
        "csv_href": reverse("interests:register_csv", args=[senate.slug]) + query,
        "page_title": "Register of interests",
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "interests/public/register.jinja", context)


@public
def register_csv(http: HttpRequest, senate: Senate) -> HttpResponse:
    on, form = _on(http, senate)
    if form.errors:
        return HttpResponseBadRequest(
            " ".join(str(e) for e in form.errors["on"]), content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{senate.slug}-register-of-interests-{on.isoformat()}.csv"'
    writer = csv.writer(response)
    for row in csv_rows(public_register(senate, on=on)):
        writer.writerow([safe_cell(cell) for cell in row])
    return response


def csv_rows(register: Register) -> list[list[str]]:
    rows = [CSV_HEADER]
    for e in register.entries:
        rows.append(
            [e.member, e.role, e.kind, e.body, e.nature, _iso(e.started_on), _iso(e.ended_on), _iso(e.declared_on)]
        )
    rows += [[name, "", "No declaration made", "", what, "", "", ""] for name, what in register.not_declared]
    if register.withheld:
        rows.append(["", "", "Withheld", "", f"{register.withheld} entries withheld (privacy or safety)", "", "", ""])
    return rows


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
