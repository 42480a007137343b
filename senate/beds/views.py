"""The bed model pages of a request: the list, entering the baseline and the proposal, running the
model and reading the results. Every view is served its request by the framework (`on=REQUEST`),
which has found it within the Senate in the URL and checked the beds permission on it."""

import json
from functools import lru_cache
from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from markupsafe import Markup

from senate.accounts.people import SignedInRequest
from senate.beds import forms, modelling, presenters, queries, scenarios
from senate.beds.fields import show_problems
from senate.beds.models import BedModel
from senate.beds.permission_names import BedsPermission as P
from senate.core.access import requires
from senate.core.cache import rendered
from senate.organisations.models import Senate
from senate.reviews.models import Request
from senate.reviews.served import REQUEST


def _model(http: SignedInRequest, request: Request, model_id: int) -> BedModel:
    """One of the request's bed models that this person may see (the request is already checked)."""
    bed_model = queries.models_visible_to(http.user, request).filter(pk=model_id).first()
    if bed_model is None:
        raise Http404("There is no bed model with that number on this request.")
    bed_model.request = request
    return bed_model


def _crumbs(request: Request, bed_model: BedModel | None = None) -> list[dict[str, str]]:
    slug = request.senate.slug
    items = [
        {"href": f"/{slug}/requests/", "text": "Requests for advice"},
        {"href": f"/{slug}/requests/{request.pk}/", "text": request.reference or "Draft request"},
        {"href": f"/{slug}/beds/requests/{request.pk}/", "text": "Bed models"},
    ]
    if bed_model is not None:
        items.append({"href": f"/{slug}/beds/requests/{request.pk}/models/{bed_model.pk}/", "text": bed_model.title})
    return items


@requires(P.VIEW, on=REQUEST)
def model_list(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    context = {
        "advice_request": request,
        "models": queries.models_visible_to(http.user, request),
        "link": queries.bed_test_link(request),
        "can_edit": http.user.has_perm(P.EDIT, request),
        "page_title": f"Bed models for {request.reference or request.title}",
        "breadcrumbs": _crumbs(request)[:2],
    }
    return render(http, "beds/list.jinja", context)


@requires(P.EDIT, on=REQUEST)
def new_model(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.TitleForm(http.POST or None)
    if http.method == "POST" and form.is_valid():
        bed_model = modelling.create_bed_model(request=request, title=form.cleaned_data["title"], by=http.user)
        return redirect("beds:baseline", senate.slug, request.pk, bed_model.pk)
    context = {"advice_request": request, "form": form, "page_title": "New bed model", "breadcrumbs": _crumbs(request)}
    return render(http, "beds/new.jinja", context)


@requires(P.EDIT, on=REQUEST)
def baseline(http: SignedInRequest, senate: Senate, request: Request, model_id: int) -> HttpResponse:
    bed_model = _model(http, request, model_id)
    stored = scenarios.stored_values(bed_model.scenario)
    form = forms.BaselineForm(
        http.POST or None,
        http.FILES or None,
        initial=scenarios.baseline_initial(bed_model.scenario),
        stored_values=stored,
    )
    if http.method == "POST" and form.is_valid():
        part = form.baseline()
        show_problems(form, scenarios.baseline_problems(bed_model.scenario, part), only="baseline")
        if form.is_valid():
            return _save(http, bed_model, "beds:proposal", baseline=part)
    return _step(http, bed_model, form, "beds/baseline.jinja", "The bed pool now (baseline)")


@requires(P.EDIT, on=REQUEST)
def proposal(http: SignedInRequest, senate: Senate, request: Request, model_id: int) -> HttpResponse:
    bed_model = _model(http, request, model_id)
    if not bed_model.has_baseline:
        messages.info(http, "Enter the baseline first.")
        return redirect("beds:baseline", senate.slug, request.pk, model_id)
    form = forms.ProposalForm(http.POST or None, initial=scenarios.proposal_initial(bed_model.scenario))
    if http.method == "POST" and form.is_valid():
        parts = {"proposal": form.proposal(), "simulation": form.simulation(), "uncertainty": form.uncertainty()}
        show_problems(form, scenarios.problems(bed_model.scenario | parts))
        if form.is_valid():
            return _save(http, bed_model, "beds:detail", **parts)
    return _step(http, bed_model, form, "beds/proposal.jinja", "The proposal")


@requires(P.EDIT, on=REQUEST)
def scenario_file(http: SignedInRequest, senate: Senate, request: Request, model_id: int) -> HttpResponse:
    """Upload a whole scenario file: the way to give several pools, outlying and electives."""
    bed_model = _model(http, request, model_id)
    form = forms.ScenarioFileForm(http.POST or None, http.FILES or None)
    if http.method == "POST" and form.is_valid():
        try:
            modelling.replace_scenario(bed_model, form.cleaned_data["scenario_file"], by=http.user)
        except modelling.RunRefused as refused:
            messages.error(http, str(refused))
        else:
            messages.success(http, "The scenario file has been read. Run the model to see its results.")
        return redirect("beds:detail", senate.slug, request.pk, model_id)
    return _step(http, bed_model, form, "beds/scenario_file.jinja", "Upload a scenario file")


def _save(http: SignedInRequest, bed_model: BedModel, then: str, **parts: object) -> HttpResponse:
    try:
        modelling.save_inputs(bed_model, by=http.user, **parts)
    except modelling.RunRefused as refused:
        messages.error(http, str(refused))
    request = bed_model.request
    return redirect(then, request.senate.slug, request.pk, bed_model.pk)


def _step(http: HttpRequest, bed_model: BedModel, form: BaseForm, template: str, title: str) -> HttpResponse:
    context = {
        "advice_request": bed_model.request,
        "bed_model": bed_model,
        "form": form,
        "page_title": f"{title} – {bed_model.title}",
        "breadcrumbs": _crumbs(bed_model.request, bed_model),
    }
    return render(http, template, context, status=400 if form.is_bound else 200)


def _entered(bed_model: BedModel, *, can_edit: bool) -> Markup:
    """What was entered, as summary lists with their "Change" links for those who may edit."""
    request = bed_model.request
    args = [request.senate.slug, request.pk, bed_model.pk]
    change = {step: reverse(f"beds:{step}", args=args) for step in ("baseline", "proposal")} if can_edit else {}
    return _drawn_entered(json.dumps({"inputs": presenters.input_rows(bed_model.scenario), "change": change}))


@lru_cache(maxsize=64)
def _drawn_entered(context: str) -> Markup:
    """Kept by everything it shows (the NHS summary-list macro is slow to draw, row by row)."""
    return rendered("beds/_entered.jinja", json.loads(context))


def _detail_context(http: HttpRequest, bed_model: BedModel) -> dict[str, Any]:
    request = bed_model.request
    link = queries.bed_test_link(request)
    can_edit = http.user.has_perm(P.EDIT, request)
    return {
        "advice_request": request,
        "bed_model": bed_model,
        "can_edit": can_edit,
        "relied_on": link is not None and link.bed_model_id == bed_model.pk,
        "link": link,
        "entered": _entered(bed_model, can_edit=can_edit),
        "problems": scenarios.problems(bed_model.scenario) if bed_model.status == BedModel.Status.DRAFT else [],
        "headline": presenters.headline(bed_model),
        "tables": presenters.report_tables(bed_model),
        "charts": presenters.report_charts(bed_model),
        "assumptions": presenters.report_assumptions(bed_model) if bed_model.result else [],
        "page_title": bed_model.title,
        "breadcrumbs": _crumbs(request),
    }


@requires(P.VIEW, on=REQUEST)
def detail(http: SignedInRequest, senate: Senate, request: Request, model_id: int) -> HttpResponse:
    bed_model = _model(http, request, model_id)
    return render(http, "beds/detail.jinja", _detail_context(http, bed_model))


@requires(P.VIEW, on=REQUEST)
def progress(http: SignedInRequest, senate: Senate, request: Request, model_id: int) -> HttpResponse:
    """The run's status, polled by htmx every 2 seconds while it runs. When the run ends, htmx
    is told to reload the page so the results appear."""
    bed_model = _model(http, request, model_id)
    response = render(http, "beds/_progress.jinja", {"bed_model": bed_model, "advice_request": bed_model.request})
    if http.headers.get("HX-Request") and not bed_model.is_busy:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@requires(P.EDIT, on=REQUEST)
def run(http: SignedInRequest, senate: Senate, request: Request, model_id: int) -> HttpResponse:
    bed_model = _model(http, request, model_id)
    try:
        modelling.start_run(bed_model, by=http.user)
    except modelling.RunRefused as refused:
        context = _detail_context(http, bed_model) | {"run_problems": refused.problems}
        return render(http, "beds/detail.jinja", context, status=400)
    bed_model.refresh_from_db()
    done = bed_model.status == BedModel.Status.DONE
    messages.success(http, "The model has run." if done else "The model is running. This page shows its progress.")
    return redirect("beds:detail", senate.slug, request.pk, model_id)


@require_POST
@requires(P.EDIT, on=REQUEST)
def rely(http: SignedInRequest, senate: Senate, request: Request, model_id: int) -> HttpResponse:
    bed_model = _model(http, request, model_id)
    try:
        modelling.rely_on_for_bed_test(bed_model, by=http.user)
    except modelling.RunRefused as refused:
        messages.error(http, str(refused))
    else:
        messages.success(http, "This model is now the one relied on for the bed test.")
    return redirect("beds:detail", senate.slug, request.pk, model_id)
