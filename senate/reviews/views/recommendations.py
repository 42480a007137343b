"""Recommendations, the requester's responses, and the Senate's follow-up."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.organisations.models import Senate
from senate.reviews import follow_up, forms, queries
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs


@requires(ReviewsPermission.VIEW_REQUEST, on=REQUEST)
def recommendations(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    shown = http.user.has_perm(ReviewsPermission.VIEW_RECOMMENDATIONS, request)
    add_form = forms.RecommendationForm(http.POST if http.POST.get("form") == "add" else None)
    follow_form = forms.FollowUpForm(http.POST if http.POST.get("form") == "follow_up" else None)
    error = None
    if http.method == "POST":
        try:
            done = _handle(http, request, add_form, follow_form)
        except ValueError as refused:
            error, done = str(refused), False
        if done:
            return redirect("reviews:recommendations", senate.slug, request.pk)
    context = {
        "advice_request": request,
        "add_form": add_form,
        "follow_form": follow_form,
        "error": error,
        "recommendations": request.recommendations.prefetch_related(
            "responses__by", "follow_ups__by", "implementations__by"
        )
        if shown
        else [],
        "shown": shown,
        "general_follow_ups": request.follow_ups.filter(recommendation__isnull=True).select_related("by"),
        "can_add": http.user.has_perm(ReviewsPermission.MANAGE_REQUEST, request)
        and request.stage in follow_up.EDITABLE,
        "can_respond": http.user.has_perm(ReviewsPermission.ACT_AS_REQUESTER, request)
        and request.stage in follow_up.ANSWERABLE,
        "can_follow_up": http.user.has_perm(ReviewsPermission.MANAGE_REQUEST, request)
        and request.stage in ("response_received", "follow_up"),
        "can_record_implementation": http.user.has_perm(ReviewsPermission.RECORD_IMPLEMENTATION, request)
        and request.stage in follow_up.IMPLEMENTABLE,
        "page_title": "Recommendations",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/recommendations.jinja", context)


def _handle(http: SignedInRequest, request, add_form, follow_form) -> bool:  # type: ignore[no-untyped-def]
    which = http.POST.get("form")
    if which == "add":
        check(http, ReviewsPermission.MANAGE_REQUEST, request)
        if add_form.is_valid():
            try:
                follow_up.add_recommendation(request, by=http.user, **add_form.cleaned_data)
            except ValueError as refused:
                add_form.add_error(None, str(refused))
                return False
            messages.success(http, "Recommendation added.")
            return True
    elif which == "follow_up":
        check(http, ReviewsPermission.MANAGE_REQUEST, request)
        if follow_form.is_valid():
            rec = request.recommendations.filter(pk=http.POST.get("recommendation") or 0).first()
            follow_up.record_follow_up(request, note=follow_form.cleaned_data["note"], recommendation=rec, by=http.user)
            messages.success(http, "Follow-up recorded.")
            return True
    return False


@requires(ReviewsPermission.ACT_AS_REQUESTER, on=REQUEST)
def respond(http: SignedInRequest, senate: Senate, request: Request, number: int) -> HttpResponse:
    rec = queries.recommendation_numbered(request, number)
    form = forms.ResponseForm(http.POST if http.method == "POST" else None)
    error = None
    if http.method == "POST" and form.is_valid():
        try:
            follow_up.respond(rec, by=http.user, **form.cleaned_data)
        except ValueError as refused:
            error = str(refused)
        else:
            messages.success(http, f"Your response to recommendation {rec.number} has been saved.")
            return redirect("reviews:recommendations", senate.slug, request.pk)
    context = {
        "form": form,
        "rec": rec,
        "advice_request": request,
        "error": error,
        "page_title": f"Respond to recommendation {rec.number}",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/respond.jinja", context)


@requires(ReviewsPermission.RECORD_IMPLEMENTATION, on=REQUEST)
def implementation(http: SignedInRequest, senate: Senate, request: Request, number: int) -> HttpResponse:
    """Follow-up continues to implementation: where a recommendation stands, on a day, with evidence."""
    rec = queries.recommendation_numbered(request, number)
    form = forms.ImplementationForm(http.POST if http.method == "POST" else None)
    error = None
    if http.method == "POST" and form.is_valid():
        try:
            follow_up.record_implementation(rec, by=http.user, today=timezone.localdate(), **form.cleaned_data)
        except follow_up.Refused as refused:
            form.add_error(refused.field, str(refused))
        except ValueError as refused:
            error = str(refused)
        else:
            messages.success(http, f"Implementation of recommendation {rec.number} recorded.")
            return redirect("reviews:recommendations", senate.slug, request.pk)
    context = {
        "form": form,
        "rec": rec,
        "advice_request": request,
        "error": error,
        "open": request.stage in follow_up.IMPLEMENTABLE,
        "page_title": f"Implementation of recommendation {rec.number}",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/implementation.jinja", context)
