"""Issuing ratified advice, the requester's permission to publish, the follow-up letter, and the
public Council pages of each Senate."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from markupsafe import Markup

from senate.accounts.people import SignedInRequest
from senate.core.access import public, requires
from senate.core.cache import rendered, until_next_act
from senate.council import meetings, publication, queries, ratification
from senate.council.forms import FollowUpLetterForm, IssueForm, PermissionForm
from senate.council.meetings import MeetingRefused
from senate.council.models import Minutes
from senate.council.views.common import posted
from senate.members.models import Membership
from senate.organisations.models import Senate
from senate.reports.publication import final_version
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST


def _request_crumbs(request: object) -> list[dict[str, str]]:
    senate = request.senate  # type: ignore[attr-defined]
    return [
        {"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name},
        {"href": reverse("reviews:detail", args=[senate.slug, request.pk]), "text": request.reference},  # type: ignore[attr-defined]
    ]


@requires(ReviewsPermission.MANAGE_REQUEST, on=REQUEST)
def issue(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = IssueForm(posted(http))
    if http.method == "POST" and form.is_valid():
        try:
            publication.issue_advice(request, by=http.user, **form.cleaned_data)
        except MeetingRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(http, "The advice has been issued to the requester with the covering letter.")
            return redirect("council:publication", senate.slug, request.pk)
    decision, version = ratification.ratification(request), final_version(request)
    context = {
        "advice_request": request,
        "form": form,
        "ratification": decision,
        "refused": ratification.refusal(decision, version),
        "version": version,
        "page_title": "Issue the advice",
        "breadcrumbs": _request_crumbs(request),
    }
    return render(http, "council/issue.jinja", context)


@requires(ReviewsPermission.VIEW_REQUEST, on=REQUEST)
def publication_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    """Permission to publish (the requester, or the manager for them) and the follow-up letter."""
    may_permit = http.user.has_perm(ReviewsPermission.ACT_AS_REQUESTER, request) or http.user.has_perm(
        ReviewsPermission.MANAGE_REQUEST, request
    )
    permission = publication.permission_to_publish(request)
    issued = getattr(request, "advice_issue", None)
    initial = {"given_on": dt.date.today(), "given_by": getattr(http.user, "full_name", "")}
    form = PermissionForm(posted(http), initial=initial, issued_on=publication.issue_day(issued))
    if http.method == "POST":
        if not may_permit:
            raise Http404("Only the requester or the Senate manager records permission to publish.")
        if form.is_valid():
            try:
                publication.give_permission(request, by=http.user, **form.cleaned_data)
            except MeetingRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(http, "Permission to publish has been recorded.")
                return redirect("council:publication", senate.slug, request.pk)
    today = timezone.localdate()
    context = {
        "advice_request": request,
        "form": form,
        "permission": permission,
        "may_permit": may_permit,
        "can_manage": http.user.has_perm(ReviewsPermission.MANAGE_REQUEST, request),
        "letter_form": FollowUpLetterForm(initial={"sent_on": today}),
        "letters": queries.follow_up_letters(request),
        "issued": issued,
        "ratification": ratification.ratification(request),
        "is_public": publication.public_with(request, permission, today=today),
        "page_title": "Publication",
        "breadcrumbs": _request_crumbs(request),
    }
    return render(http, "council/publication.jinja", context)


@require_POST
@requires(ReviewsPermission.MANAGE_REQUEST, on=REQUEST)
def follow_up_letter(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = FollowUpLetterForm(http.POST)
    if form.is_valid():
        try:
            publication.record_follow_up_letter(request, by=http.user, **form.cleaned_data)
        except MeetingRefused as refused:
            messages.error(http, str(refused))
        else:
            messages.success(http, "The follow-up letter has been recorded.")
    else:
        messages.error(http, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("council:publication", senate.slug, request.pk)


@require_POST
@requires(ReviewsPermission.MANAGE_REQUEST, on=REQUEST)
def record_publication(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    try:
        publication.record_publication(request, by=http.user, today=timezone.localdate())
    except MeetingRefused as refused:
        messages.error(http, str(refused))
    else:
        messages.success(http, "Publication recorded on the request's timeline.")
    return redirect("council:publication", senate.slug, request.pk)


@public
def public_page(http: HttpRequest, senate: Senate) -> HttpResponse:
    """What the public may read: the Council's members, published advice, approved minutes. The same for
    everyone, so it is rendered once per day and act (`senate.core.cache`)."""
    today = timezone.localdate()

    def contents() -> Markup:
        shown = {
            "senate": senate,
            "members": meetings.council_members(senate, today),
            "published": [(r, publication.public_title(r)) for r in publication.public_requests(senate, today=today)],
            "minutes": queries.published_minutes(senate),
        }
        return rendered("council/public/contents.jinja", shown, request=http)

    context = {
        "senate": senate,
        "contents_html": until_next_act(
            f"council-public:{senate.pk}:{today.isoformat()}", contents, rows_of=(Membership, Minutes)
        ),
        "page_title": "The Council and its published advice",
        "breadcrumbs": [{"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name}],
    }
    return render(http, "council/public/index.jinja", context)


def _public_crumbs(senate: Senate) -> list[dict[str, str]]:
    return [
        {"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name},
        {"href": reverse("council:public", args=[senate.slug]), "text": "The Council and its published advice"},
    ]


def _public_request(senate: Senate, pk: int) -> Request:
    request = publication.public_requests(senate, today=timezone.localdate()).filter(pk=pk).first()
    if request is None:
        raise Http404("There is no published advice with that number.")
    return request


@public
def public_report(http: HttpRequest, senate: Senate, pk: int) -> HttpResponse:
    request = _public_request(senate, pk)
    phrases = request.publication_permission.redaction_list()
    responses = queries.responses_to(request)
    context = {
        "advice_request": request,
        "title": publication.public_title(request),
        "has_report": publication.has_report(request),
        "recommendations": Markup(publication.recommendations_html(request)),  # noqa: S704 (escaped when built)
        "responses": [(r, publication.redact(r.narrative, phrases)) for r in responses],
        "letters": [(letter, publication.redact(letter.text, phrases)) for letter in request.follow_up_letters.all()],
        "ratification": ratification.ratification(request),
        "page_title": publication.public_title(request),
        "breadcrumbs": _public_crumbs(senate),
    }
    return render(http, "council/public/report.jinja", context)


def _public_report(senate: Senate, pk: int, fmt: str) -> tuple[Request, Any]:
    """Published advice and its report, redacted, in `fmt`; 404 when either is missing."""
    request = _public_request(senate, pk)
    report = publication.report_document(request, fmt=fmt)
    if report is None:
        raise Http404("This advice has no report document.")
    return request, report


@public
def public_report_document(http: HttpRequest, senate: Senate, pk: int) -> HttpResponse:
    """The report itself, with the agreed redactions, in the NHS layout, with its PDF."""
    request, doc = _public_report(senate, pk, "document")
    context = {
        "advice_request": request,
        "doc": doc,
        "page_title": f"Report: {publication.public_title(request)}",
        "breadcrumbs": [
            *_public_crumbs(senate),
            {"href": reverse("council:public_report", args=[senate.slug, request.pk]), "text": "The advice"},
        ],
    }
    return render(http, "council/public/report_document.jinja", context)


@public
def public_report_pdf(http: HttpRequest, senate: Senate, pk: int) -> HttpResponse:
    """The report as an accessible PDF (tagged, with its title and language), with the redactions."""
    request, pdf = _public_report(senate, pk, "pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{request.reference or "advice"}-report.pdf"'
    return response


@public
def public_minutes(http: HttpRequest, senate: Senate, pk: int) -> HttpResponse:
    record = queries.published_minutes_record(senate, pk)
    context = {
        "minutes": record,
        "page_title": f"Minutes of the {record.meeting}",
        "breadcrumbs": _public_crumbs(senate),
    }
    return render(http, "council/public/minutes.jinja", context)
