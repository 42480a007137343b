"""Fieldwork pages: site visits, interviews and panel meetings, and papers circulated."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.evidence import fieldwork as rules_of_fieldwork
from senate.evidence import queries
from senate.evidence.forms import FieldworkForm, PapersForm
from senate.evidence.permission_names import EvidencePermission as P
from senate.evidence.views.common import crumbs, posted
from senate.members.formats import formats_needed
from senate.organisations.models import Senate
from senate.reviews.models import Request
from senate.reviews.served import REQUEST


def _fieldwork_url(request) -> str:
    return reverse("evidence:fieldwork", args=[request.senate.slug, request.pk])


@requires(P.VIEW_FIELDWORK, on=REQUEST)
def fieldwork_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    work = queries.fieldwork_of(request).prefetch_related("attendees")
    papers = queries.papers_of(request)
    context = {
        "advice_request": request,
        "work": work,
        "papers": [(p, rules_of_fieldwork.notice_days(p), rules_of_fieldwork.is_late(p)) for p in papers],
        "notice_days": senate.papers_notice_days,
        "formats": formats_needed(senate, queries.panel_of(request)) if papers else [],
        "can_record": http.user.has_perm(P.RECORD_FIELDWORK, request),
        "page_title": "Fieldwork",
        "breadcrumbs": crumbs(http, request, (reverse("evidence:library", args=[senate.slug, request.pk]), "Evidence")),
    }
    return render(http, "evidence/fieldwork.jinja", context)


@requires(P.RECORD_FIELDWORK, on=REQUEST)
def record(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    members = queries.panel_users(request)
    form = FieldworkForm(posted(http), members=members)
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        rules_of_fieldwork.record_fieldwork(
            request=request,
            kind=data["kind"],
            held_on=data["held_on"],
            place=data["place"],
            attendees=members.filter(pk__in=data["attendees"]),
            others_attending=data["others_attending"],
            notes=data["notes"],
            by=http.user,
        )
        messages.success(http, "The fieldwork has been recorded.")
        return redirect(_fieldwork_url(request))
    context = {
        "advice_request": request,
        "form": form,
        "page_title": "Record fieldwork",
        "breadcrumbs": crumbs(http, request, (_fieldwork_url(request), "Fieldwork")),
    }
    return render(http, "evidence/record_fieldwork.jinja", context)


@requires(P.RECORD_FIELDWORK, on=REQUEST)
def papers(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    meetings = queries.fieldwork_of(request)
    form = PapersForm(posted(http), meetings=meetings)
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sent = rules_of_fieldwork.record_papers(
            fieldwork=meetings.get(pk=data["fieldwork"]),
            description=data["description"],
            sent_on=data["sent_on"],
            by=http.user,
        )
        if rules_of_fieldwork.is_late(sent):
            messages.warning(
                http,
                f"These papers were sent {rules_of_fieldwork.notice_days(sent)} days before, "
                f"later than the Senate's rule of {senate.papers_notice_days} days.",
            )
        else:
            messages.success(http, "The papers have been recorded.")
        return redirect(_fieldwork_url(request))
    context = {
        "advice_request": request,
        "form": form,
        "has_meetings": meetings.exists(),
        "page_title": "Record papers circulated",
        "breadcrumbs": crumbs(http, request, (_fieldwork_url(request), "Fieldwork")),
    }
    return render(http, "evidence/papers.jinja", context)
