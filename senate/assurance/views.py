"""The assurance pages: a request's place in service change (its timeline beside the Senate's own),
the picture across requests, partners engaged, and honest-broker work. Every view is served its
request by the framework (`on=REQUEST`), which has found it within the Senate and checked the
permission on it."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.assurance import brokering, forms, partners, queries, recording, timeline
from senate.assurance.permission_names import AssurancePermission as P
from senate.core.access import requires
from senate.organisations.models import Senate
from senate.reviews import queries as review_queries
from senate.reviews.models import Request
from senate.reviews.served import REQUEST


def _crumbs(request: Request, *, broker: bool = False) -> list[dict[str, str]]:
    slug = request.senate.slug
    items = [
        {"href": f"/{slug}/requests/", "text": "Requests for advice"},
        {"href": f"/{slug}/requests/{request.pk}/", "text": request.reference or "Draft request"},
    ]
    if broker:
        return items + [
            {"href": f"/{slug}/assurance/requests/{request.pk}/honest-broker/", "text": "Honest-broker work"}
        ]
    return items + [{"href": f"/{slug}/assurance/requests/{request.pk}/", "text": "Assurance"}]


def _form_page(
    http: SignedInRequest,
    request: Request,
    form: django_forms.Form,
    *,
    title: str,
    save: Callable[[], Any],
    done: str,
    back: str = "assurance:request",
    intro: str = "",
) -> HttpResponse:
    """One form about a request: on a valid post, `save` (a domain function) and back to the page;
    a refusal comes back onto the field it concerns."""
    if http.method == "POST" and form.is_valid():
        try:
            save()
        except recording.Refused as refused:
            forms.show_refusal(form, refused)
        else:
            messages.success(http, done)
            return redirect(back, request.senate.slug, request.pk)
    context = {
        "advice_request": request,
        "form": form,
        "title": title,
        "intro": intro,
        "page_title": title,
        "breadcrumbs": _crumbs(request, broker=back != "assurance:request"),
    }
    return render(http, "assurance/form.jinja", context)


@requires(P.VIEW, on=REQUEST)
def request_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    context = recording.context_of(request)
    page = {
        "advice_request": request,
        "ctx": context,
        "rows": timeline.rows(request, context),
        "placement": timeline.placement(request, context),
        "proposal": recording.deadline_to_accept(context),
        "engagements": queries.engagements_of(request),
        "can_edit": http.user.has_perm(P.EDIT, request),
        "can_set_deadline": http.user.has_perm(P.SET_DEADLINE, request),
        "can_engage": http.user.has_perm(P.RECORD_ENGAGEMENT, request),
        "page_title": f"Assurance: {request.reference or request.title}",
        "breadcrumbs": _crumbs(request)[:2],
    }
    return render(http, "assurance/request.jinja", page)


@requires(P.EDIT, on=REQUEST)
def record_step(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.StepForm(http.POST or None)

    def save() -> Any:
        data = form.cleaned_data
        return recording.record_step(
            request=request, step=data["step"], on=data["on"], body=data["body"], outcome=data["outcome"], by=http.user
        )

    return _form_page(http, request, form, title="Record an assurance step", save=save, done="Step recorded.")


@requires(P.EDIT, on=REQUEST)
def edit_context(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    ctx = recording.context_of(request)
    initial = {
        "informs": ctx.informs,
        "capital_involved": forms.untri(ctx.capital_involved),
        "substantial_variation": forms.untri(ctx.substantial_variation),
        "notifiable": forms.untri(ctx.notifiable),
        "temporary_review_date": ctx.temporary_review_date,
    }
    form = forms.ContextForm(http.POST or None, initial=initial)

    def save() -> Any:
        return recording.set_context(request=request, by=http.user, **form.values())

    return _form_page(
        http, request, form, title="Where the proposal stands", save=save, done="Assurance context saved."
    )


@require_POST
@requires(P.SET_DEADLINE, on=REQUEST)
def set_deadline(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    try:
        ctx = recording.set_deadline(request=request, by=http.user)
    except recording.Refused as refused:
        messages.error(http, str(refused))
    else:
        messages.success(http, f"{ctx.advice_needed_for}: advice needed by {ctx.advice_needed_by:%-d %B %Y}.")
    return redirect("assurance:request", senate.slug, request.pk)


@requires(P.RECORD_ENGAGEMENT, on=REQUEST)
def record_engagement(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.EngagementForm(http.POST or None, senate=senate)

    def save() -> Any:
        data = form.cleaned_data
        return partners.record_engagement(
            request=request, organisation=data["organisation"], how=data["how"], note=data["note"], by=http.user
        )

    return _form_page(http, request, form, title="Record a partner engaged", save=save, done="Partner recorded.")


@requires(P.VIEW_ACROSS)
def across(http: SignedInRequest, senate: Senate) -> HttpResponse:
    visible = review_queries.requests_visible_to(http.user, senate)
    context = {
        "senate": senate,
        "found": queries.across(visible, dt.date.today()),
        "page_title": "Assurance across requests",
        "breadcrumbs": [{"href": f"/{senate.slug}/requests/", "text": "Requests for advice"}],
    }
    return render(http, "assurance/across.jinja", context)


# Honest-broker work


@requires(P.VIEW_BROKERING, on=REQUEST)
def broker_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    statement = getattr(request, "consensus", None) if hasattr(request, "consensus") else None
    parties = list(queries.parties_of(request))
    confirmed = {c.party_id: c for c in statement.confirmations.select_related("by")} if statement else {}
    own = queries.own_parties(http.user, request, parties)
    context = {
        "advice_request": request,
        "parties": parties,
        "submissions": queries.submissions_visible_to(http.user, request),
        "sessions": queries.sessions_of(request),
        "points": queries.points_of(request),
        "statement": statement,
        "confirmed": confirmed,
        "all_confirmed": bool(parties) and statement is not None and len(confirmed) == len(parties),
        "to_confirm": [p for p in own if p.pk not in confirmed],
        "can_broker": http.user.has_perm(P.BROKER, request),
        "can_submit": http.user.has_perm(P.SUBMIT_POSITION, request),
        "page_title": f"Honest-broker work: {request.reference}",
        "breadcrumbs": _crumbs(request)[:2],
    }
    return render(http, "assurance/broker.jinja", context)


def _broker_form(
    http: SignedInRequest, request: Request, form: django_forms.Form, title: str, save: Any, done: str
) -> HttpResponse:
    return _form_page(http, request, form, title=title, save=save, done=done, back="assurance:broker")


@requires(P.BROKER, on=REQUEST)
def add_party(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.PartyForm(http.POST or None, senate=senate)

    def save() -> Any:
        data = form.cleaned_data
        return brokering.add_party(request=request, organisation=data["organisation"], name=data["name"], by=http.user)

    return _broker_form(http, request, form, "Add a party", save, "Party added.")


@requires(P.BROKER, on=REQUEST)
def record_session(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.SessionForm(http.POST or None)

    def save() -> Any:
        return brokering.record_session(request=request, by=http.user, **form.cleaned_data)

    return _broker_form(http, request, form, "Record a facilitated session", save, "Session recorded.")


@requires(P.BROKER, on=REQUEST)
def record_point(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.PointForm(http.POST or None)

    def save() -> Any:
        return brokering.record_point(request=request, by=http.user, **form.cleaned_data)

    return _broker_form(http, request, form, "Record a point", save, "Point recorded.")


@requires(P.BROKER, on=REQUEST)
def write_statement(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    existing = getattr(request, "consensus", None) if hasattr(request, "consensus") else None
    form = forms.StatementForm(http.POST or None, initial={"text": existing.text if existing else ""})

    def save() -> Any:
        return brokering.write_statement(request=request, text=form.cleaned_data["text"], by=http.user)

    return _broker_form(
        http, request, form, "Consensus statement", save, "Statement saved; each party is asked to confirm it."
    )


@require_POST
@requires(P.BROKER, on=REQUEST)
def share(http: SignedInRequest, senate: Senate, request: Request, submission_id: int) -> HttpResponse:
    submission = queries.submissions_visible_to(http.user, request).filter(pk=submission_id).first()
    if submission is None:
        raise Http404("There is no submission with that number on this request.")
    try:
        brokering.share(submission=submission, by=http.user)
    except recording.Refused as refused:
        messages.error(http, str(refused))
    else:
        messages.success(http, f"‘{submission.title}’ is now shared with every party.")
    return redirect("assurance:broker", senate.slug, request.pk)


@requires(P.SUBMIT_POSITION, on=REQUEST)
def submit_position(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    party = queries.own_parties(http.user, request)[0]
    form = forms.SubmissionForm(http.POST or None)

    def save() -> Any:
        return brokering.submit_position(party=party, by=http.user, **form.cleaned_data)

    return _broker_form(
        http, request, form, f"Submit the position of {party.name}", save, "Position submitted to the Senate."
    )


@require_POST
@requires(P.SUBMIT_POSITION, on=REQUEST)
def confirm(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    for party in queries.own_parties(http.user, request):
        try:
            brokering.confirm(party=party, by=http.user)
        except recording.Refused as refused:
            messages.error(http, str(refused))
        else:
            messages.success(http, f"{party.name} has confirmed the consensus statement.")
    return redirect("assurance:broker", senate.slug, request.pk)
