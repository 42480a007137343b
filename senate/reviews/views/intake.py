"""Asking for advice: a multi-page form saved as a draft after each page, then check your answers."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.accounts.roles import organisations_for
from senate.core.access import requires
from senate.core.form_input import FormData
from senate.organisations.models import Senate
from senate.reviews import forms, intake, lifecycle, queries
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs

STEPS = ["kind", "about", "organisations", "assurance", "questions", "sponsor"]
TITLES = {
    "kind": "Kind of advice",
    "about": "About the proposal",
    "organisations": "Who and where",
    "assurance": "Assurance and scale",
    "questions": "Questions and dates",
    "sponsor": "Sponsoring commissioner",
}


def steps_for(request: Request) -> list[str]:
    needs_sponsor = request.senate.requires_commissioner_sponsor and not request.requesting_organisation.is_commissioner
    return STEPS if needs_sponsor else STEPS[:-1]


def _form(step: str, request: Request, data: FormData | None = None) -> Any:
    senate = request.senate
    if step == "kind":
        return forms.KindForm(data, initial={"kind": request.kind})
    if step == "about":
        return forms.AboutForm(
            data,
            initial={
                "title": request.title,
                "background": request.background,
                "service_areas": [e.code for e in request.service_areas.all()],
            },
        )
    if step == "organisations":
        return forms.OrganisationsForm(
            data,
            senate=senate,
            initial={
                "places": request.places,
                "affected_organisations": [str(o.pk) for o in request.affected_organisations.all()],
            },
        )
    if step == "assurance":
        return forms.AssuranceForm(data, initial=forms.AssuranceForm.initial_from(request))
    if step == "questions":
        return forms.QuestionsForm(
            data, initial={"questions": request.questions, "decision_date": request.decision_date}
        )
    return forms.SponsorForm(data, senate=senate, initial={"sponsor_organisation": request.sponsor_organisation_id})


@requires(ReviewsPermission.SUBMIT_REQUEST)
def new_request(http: SignedInRequest, senate: Senate) -> HttpResponse:
    orgs = organisations_for(http.user, senate)
    organisation = queries.first_organisation(orgs)
    if organisation is None:
        raise PermissionDenied("you need to be a requester contact for an organisation")
    if http.method == "POST":
        request = intake.start_draft(senate=senate, organisation=organisation, by=http.user)
        return redirect("reviews:edit", senate.slug, request.pk, "kind")
    context = {"page_title": "Ask for clinical advice", "organisation": organisation, "breadcrumbs": crumbs(senate)}
    return render(http, "reviews/new.jinja", context)


@requires(ReviewsPermission.EDIT_DRAFT, on=REQUEST)
def edit_step(http: SignedInRequest, senate: Senate, request: Request, step: str) -> HttpResponse:
    steps = steps_for(request)
    if step not in steps or request.stage not in ("draft", "more_information"):
        return redirect("reviews:detail", senate.slug, request.pk)
    form = _form(step, request, http.POST if http.method == "POST" else None)
    if http.method == "POST" and form.is_valid():
        changes = form.changes() if hasattr(form, "changes") else dict(form.cleaned_data)
        intake.save_draft(request, changes=changes, by=http.user)
        following = steps[steps.index(step) + 1] if step != steps[-1] else None
        if following and "check" not in http.GET:
            return redirect("reviews:edit", senate.slug, request.pk, following)
        return redirect("reviews:check", senate.slug, request.pk)
    context = {
        "form": form,
        "step": step,
        "number": steps.index(step) + 1,
        "total": len(steps),
        "title": TITLES[step],
        "advice_request": request,
        "page_title": TITLES[step],
        "back": steps[steps.index(step) - 1] if steps.index(step) else None,
    }
    return render(http, "reviews/step.jinja", context)


@requires(ReviewsPermission.EDIT_DRAFT, on=REQUEST)
def check_answers(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    error = None
    if http.method == "POST":
        act = "submit" if request.stage == "draft" else "resubmit"
        try:
            lifecycle.perform(act, request, by=http.user)
        except lifecycle.TransitionRefused as refused:
            error = str(refused)
        else:
            messages.success(http, "Your request has been sent to the Senate team.")
            return redirect("reviews:detail", senate.slug, request.pk)
    context = {
        "advice_request": request,
        "steps": steps_for(request),
        "titles": TITLES,
        "error": error,
        "page_title": "Check your answers",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/check.jinja", context)
