import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from senate.accounts.models import User
from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.core.cache import until_next_act
from senate.notifications.outbox import emails_about
from senate.organisations.models import Senate
from senate.reviews import deadlines, forms, intake, joint, lifecycle, queries, sections
from senate.reviews.models import Request, RequestEvent
from senate.reviews.next_steps import next_steps, waiting_on_others
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST
from senate.reviews.stages import Stage
from senate.reviews.views.common import crumbs


@requires(ReviewsPermission.VIEW_REQUESTS)
def request_list(http: SignedInRequest, senate: Senate) -> HttpResponse:
    stage = http.GET.get("stage", "")
    found = queries.requests_visible_to(http.user, senate).order_by("-created_at")
    if stage in Stage.values:
        found = found.filter(stage=stage)
    page = Paginator(found, 25).get_page(http.GET.get("page"))
    context = {
        "page": page,
        "stage": stage,
        "stages": Stage.choices,
        "joint_line": joint.joint_line,
        "page_title": "Requests for advice",
        "breadcrumbs": crumbs(senate)[:1],
    }
    return render(http, "reviews/list.jinja", context)


def _detail_context(http: SignedInRequest, request: Request) -> dict:
    today = dt.date.today()
    return {
        "advice_request": request,
        **_for_the_viewer(http, request, today),
        "events": request.events.select_related("by"),
        "emails": _emails_for(http.user, request),
        "today": today,
        "page_title": request.reference or "Draft request",
        "breadcrumbs": crumbs(request.senate),
    }


def _for_the_viewer(http: SignedInRequest, request: Request, today: dt.date) -> dict[str, Any]:
    """What this person may do next, what the request waits for, its deadlines and the links to the
    review's other parts: asked of every app that has a part in a review, most of the request page's
    work, and the same for this person until someone acts (every change of a request, its panel,
    evidence, report or Council item is an act: ADR 0004) or the day changes. Kept until then for
    each viewer (`senate.core.cache`); the emails and events are read afresh (an email's sending is
    not an act)."""

    def work_out() -> dict[str, Any]:
        acts = [a for a in lifecycle.available_acts(request, http.user) if a.name not in ("submit", "resubmit")]
        return {
            "steps": next_steps(acts, request),
            "waiting_on": waiting_on_others(request, http.user),
            "due": deadlines.next_due(request),
            "advice_due": deadlines.advice_due(request),
            "section_links": sections.links_for(http, request),
            "section_parts": sections.parts_for(http, request),
            "joint": joint.joint_line_of(request),
        }

    key = f"request-page:{request.senate_id}:{request.pk}:{http.user.pk}:{today.isoformat()}"
    return until_next_act(key, work_out, rows_of=(RequestEvent,))


def _emails_for(user: User, request: Request) -> list[Any]:
    """The Senate team sees every email about the request; anyone else only those sent to them."""
    emails = emails_about(request)
    if not user.has_perm(ReviewsPermission.MANAGE_REQUEST, request) and not user.has_perm(
        ReviewsPermission.APPROVE, request
    ):
        emails = emails.filter(recipient=user)
    return list(emails[:50])


@requires(ReviewsPermission.VIEW_REQUEST, on=REQUEST)
def detail(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    return render(http, "reviews/detail.jinja", _detail_context(http, request))


@require_POST
@requires(ReviewsPermission.VIEW_REQUEST, on=REQUEST)
def act(http: SignedInRequest, senate: Senate, request: Request, name: str) -> HttpResponse:
    """Take one lifecycle act; a refusal is shown on the request page with what is missing."""
    form = forms.ActForm(http.POST)
    form.is_valid()
    try:
        lifecycle.perform(name, request, by=http.user, reason=form.cleaned_data.get("reason", ""))
    except lifecycle.TransitionRefused as refused:
        context = _detail_context(http, request) | {"act_error": str(refused), "failed_act": name}
        return render(http, "reviews/detail.jinja", context, status=400)
    messages.success(http, f"Done: {lifecycle.ACTS[name].label}.")
    return redirect("reviews:detail", senate.slug, request.pk)


@requires(ReviewsPermission.TRIAGE, on=REQUEST)
def triage(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.TriageForm(http.POST if http.method == "POST" else None, programmes=queries.programmes_of(senate))
    error = None
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes: dict = (
            {"redirected_to_organisation": data["redirected_to_organisation"]} if data["decision"] == "redirect" else {}
        )
        try:
            with transaction.atomic():
                if data["decision"] == "accept":
                    changes["programme"] = form.chosen_programme() or intake.new_programme(
                        request, data["new_programme"]
                    )
                lifecycle.perform(data["decision"], request, by=http.user, reason=data["reason"], changes=changes)
        except lifecycle.TransitionRefused as refused:
            error = str(refused)
        else:
            messages.success(http, "Triage decision recorded and the requester told.")
            return redirect("reviews:detail", senate.slug, request.pk)
    context = {
        "form": form,
        "advice_request": request,
        "error": error,
        "before_deciding": [link for link in sections.links_for(http, request) if link.get("at_triage")],
        "page_title": "Triage",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/triage.jinja", context)


@requires(ReviewsPermission.VIEW_WORK_QUEUE)
def work_queue(http: SignedInRequest, senate: Senate) -> HttpResponse:
    today = dt.date.today()
    rows = deadlines.work_queue(senate, today)
    context = {
        "rows": rows,
        "today": today,
        "overdue": sum(r["overdue"] for r in rows),
        "page_title": "Work queue",
        "breadcrumbs": crumbs(senate)[:1],
    }
    return render(http, "reviews/work_queue.jinja", context)


@requires(ReviewsPermission.VIEW_REQUESTS)
def programme(http: SignedInRequest, senate: Senate, programme_id: int) -> HttpResponse:
    found = queries.programme_in(senate, programme_id)
    shown = queries.programme_requests(http.user, senate, programme_id) if found is not None else []
    if found is None or not shown:
        from django.http import Http404

        raise Http404("There is no programme with that number that you can see.")
    for request in shown:
        check(http, ReviewsPermission.VIEW_REQUEST, request)
    context = {
        "programme": found,
        "requests": shown,
        "page_title": found.title,
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "reviews/programme.jinja", context)
