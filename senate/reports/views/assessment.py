"""The panel's assessment: the review's criteria, views and judgements per criterion, recommendations."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.evidence.access import can_open
from senate.interests.restrictions import describe, restrictions_for
from senate.organisations.models import Senate
from senate.reports import agreement, assessment, compose, framework, recommendations
from senate.reports.forms import CriteriaForm, JudgementForm, RecommendationForm, ViewForm
from senate.reports.models import Criterion, Judgement
from senate.reports.permission_names import ReportsPermission as P
from senate.reports.views.common import assessment_crumbs, crumbs, posted
from senate.reviews import follow_up
from senate.reviews.models import Request
from senate.reviews.served import REQUEST


@requires(P.VIEW_ASSESSMENT, on=REQUEST)
def overview(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    judged = assessment.current_judgements(request)
    rows = [(c, judged.get(c.pk)) for c in assessment.criteria_for(request)]
    context = {
        "advice_request": request,
        "rows": rows,
        "label": framework.outcome_label,
        "recommendations": recommendations.with_criteria(request),
        "can_pick": http.user.has_perm(P.PICK_CRITERIA, request),
        "can_add": http.user.has_perm(P.RECORD_JUDGEMENT, request) and request.stage in follow_up.EDITABLE,
        "can_read_report": http.user.has_perm(P.VIEW_REPORT, request),
        "page_title": "Assessment against the criteria",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reports/assessment.jinja", context)


@requires(P.PICK_CRITERIA, on=REQUEST)
def criteria(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    available = list(framework.available(senate))
    choices = [(str(c.pk), f"{c.title}{' (optional framework)' if c.optional else ''}") for c in available]
    chosen = [str(c.pk) for c in assessment.criteria_for(request)]
    form = CriteriaForm(posted(http), choices=choices, initial={"criteria": chosen})
    if http.method == "POST" and form.is_valid():
        picked = [c for c in available if str(c.pk) in form.cleaned_data["criteria"]]
        try:
            assessment.pick_criteria(request, criteria=picked, by=http.user)
        except ValueError as refused:
            form.add_error("criteria", str(refused))
        else:
            messages.success(http, "The review's criteria have been saved.")
            return redirect("reports:assessment", senate.slug, request.pk)
    context = {
        "advice_request": request,
        "form": form,
        "page_title": "Choose the criteria",
        "breadcrumbs": assessment_crumbs(senate, request),
    }
    return render(http, "reports/criteria.jinja", context)


@requires(P.VIEW_ASSESSMENT, on=REQUEST)
def criterion(http: SignedInRequest, senate: Senate, request: Request, criterion_id: int) -> HttpResponse:
    picked = {c.pk: c for c in assessment.criteria_for(request)}
    found: Criterion | None = picked.get(criterion_id)
    if found is None:
        raise Http404("That criterion is not one of this review's.")
    items = _evidence_choices(request, http.user)
    which = http.POST.get("form") if http.method == "POST" else None
    seated = agreement.seating(request, found)
    mine = restrictions_for(http.user, request)
    history = assessment.history(request, found)  # newest first: the first is the current judgement
    view_form = ViewForm(http.POST if which == "view" else None)
    judgement_form = JudgementForm(
        http.POST if which == "judgement" else None,
        evidence=items,
        seats=seated.may_take_part,
        initial=_initial(history[0] if history else None),
    )
    if which == "view":
        check(http, P.RECORD_VIEW, request)
        if view_form.is_valid() and _save_view(http, request, found, view_form):
            return redirect("reports:criterion", senate.slug, request.pk, criterion_id)
    elif which == "judgement":
        check(http, P.RECORD_JUDGEMENT, request)
        if judgement_form.is_valid() and _save_judgement(http, request, found, judgement_form):
            return redirect("reports:criterion", senate.slug, request.pk, criterion_id)
    context = {
        "advice_request": request,
        "criterion": found,
        "history": [(j, agreement.agreement_of(j)) for j in history],
        "seated": seated,
        "my_restrictions": describe(mine),
        "restricted_here": not mine.may_judge(found),
        "evidence_name": lambda item: item.title if can_open(http.user, item) else compose.evidence_name(item),
        "views": assessment.views_on(request, found),
        "label": framework.outcome_label,
        "view_form": view_form,
        "judgement_form": judgement_form,
        "can_view": http.user.has_perm(P.RECORD_VIEW, request),
        "can_judge": http.user.has_perm(P.RECORD_JUDGEMENT, request),
        "page_title": found.title,
        "breadcrumbs": assessment_crumbs(senate, request),
    }
    return render(http, "reports/criterion.jinja", context)


def _evidence_choices(request, user) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Only the items this person may open (a panel member: none before they attest)."""
    from senate.evidence.access import visible_items

    return [(str(i.pk), f"{i.title} ({i.get_tier_display()})") for i in visible_items(user, request)]


def _initial(latest: Judgement | None) -> dict[str, Any]:
    if latest is None:
        return {}
    return {
        "outcome": latest.outcome,
        "strength": latest.strength,
        "narrative": latest.narrative,
        "evidence": [str(i.pk) for i in latest.evidence.all()],
    }


def _save_view(http, request, criterion, form) -> bool:  # type: ignore[no-untyped-def]
    try:
        assessment.record_view(request, criterion=criterion, by=http.user, **form.cleaned_data)
    except ValueError as refused:
        form.add_error(None, str(refused))
        return False
    messages.success(http, "Your view has been recorded.")
    return True


def _save_judgement(http, request, criterion, form) -> bool:  # type: ignore[no-untyped-def]
    data = form.judgement() | form.positions()
    # Links to items this person may not open are kept as they were: they cannot see them to unlink them.
    chosen = request.evidence_items.filter(pk__in=data["evidence"] or [])
    latest = assessment.current_judgements(request).get(criterion.pk)
    hidden = [i for i in latest.evidence.all() if not can_open(http.user, i)] if latest is not None else []
    data["evidence"] = list(chosen) + hidden
    try:
        made = assessment.record_judgement(request, criterion=criterion, by=http.user, **data)
    except ValueError as refused:
        form.add_error(None, str(refused))
        return False
    messages.success(http, f"The panel's judgement has been recorded (version {made.version}).")
    return True


@requires(P.RECORD_JUDGEMENT, on=REQUEST)
def add_recommendation(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    picked = assessment.criteria_for(request)
    form = RecommendationForm(posted(http), criteria=[(str(c.pk), c.title) for c in picked])
    if http.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["criterion"] = next((c for c in picked if str(c.pk) == data["criterion"]), None)
        try:
            rec = recommendations.add(request, by=http.user, **data)
        except ValueError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(http, f"Recommendation {rec.number} has been added.")
            return redirect("reports:assessment", senate.slug, request.pk)
    context = {
        "advice_request": request,
        "form": form,
        "open": request.stage in follow_up.EDITABLE,
        "page_title": "Add a recommendation",
        "breadcrumbs": assessment_crumbs(senate, request),
    }
    return render(http, "reports/recommendation_new.jinja", context)
