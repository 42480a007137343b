"""The forward plan, Senate-initiated topics, priorities, and the requester's feedback and board
decision; the Senate team's impact and effort page of a request."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.organisations.models import Senate
from senate.programme import effort, feedback, planning, queries, timeline, topics
from senate.programme.forms import (
    AddToPlanForm,
    BoardDecisionForm,
    EffortForm,
    FeedbackForm,
    PlanDatesForm,
    ScoreForm,
    TopicForm,
    WeightsForm,
)
from senate.programme.models import PlanItem
from senate.programme.permission_names import ProgrammePermission as P
from senate.programme.served import PLAN_ITEM
from senate.reviews.models import Request
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs


def _posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None


def _year(http: HttpRequest) -> int:
    raw = http.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else planning.plan_year_of(dt.date.today())


def _plan_crumbs(senate: Senate, year: int | None = None) -> list[dict[str, str]]:
    items = [{"href": f"/{senate.slug}/", "text": senate.name}]
    if year is not None:
        items.append({"href": f"/{senate.slug}/programme/?year={year}", "text": "Forward plan"})
    return items


@requires(P.VIEW_PLAN)
def plan(http: SignedInRequest, senate: Senate) -> HttpResponse:
    year = _year(http)
    items = list(queries.plan_items(senate, year))
    criteria = planning.criteria_for(senate)
    context = {
        "year": year,
        "label": planning.year_label(year),
        "years": sorted(set(queries.plan_years(senate)) | {year - 1, year, year + 1}),
        "items": items,
        "criteria": criteria,
        "timeline": timeline.build(items, year, dt.date.today()),
        "topics": list(queries.topics_of(senate)),
        "may_manage": http.user.has_perm(P.MANAGE_PLAN, senate),
        "page_title": f"Forward plan {planning.year_label(year)}",
        "breadcrumbs": _plan_crumbs(senate),
    }
    return render(http, "programme/plan.jinja", context)


@require_http_methods(["GET", "POST"])
@requires(P.MANAGE_PLAN)
def open_topic(http: SignedInRequest, senate: Senate) -> HttpResponse:
    form = TopicForm(_posted(http), senate=senate)
    if http.method == "POST" and form.is_valid():
        try:
            topic = topics.open_topic(senate=senate, by=http.user, **form.values())
        except topics.TopicRefused as refused:
            form.add_error(refused.field, str(refused))
        else:
            year = planning.plan_year_of(dt.date.today())
            planning.add_to_plan(senate=senate, year=year, topic=None if topic.request else topic,
                                 request=topic.request, by=http.user)  # fmt: skip
            messages.success(
                http, f"{topic.get_kind_display()} opened and added to the plan: now set its dates and score it."
            )
            return redirect("programme:plan", senate.slug)
    context = {
        "form": form,
        "page_title": "Open Senate-initiated work",
        "breadcrumbs": _plan_crumbs(senate, _year(http)),
    }
    return render(http, "programme/topic_form.jinja", context)


@require_http_methods(["GET", "POST"])
@requires(P.MANAGE_PLAN)
def add_item(http: SignedInRequest, senate: Senate) -> HttpResponse:
    year = _year(http)
    requests, open_topics = queries.plannable(senate, year)
    meetings = queries.meetings_ahead(senate, year)
    form = AddToPlanForm(_posted(http), requests=requests, topics=open_topics, meetings=meetings)
    if http.method == "POST" and form.is_valid():
        try:
            planning.add_to_plan(senate=senate, year=year, by=http.user, **form.values())
        except planning.PlanRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        else:
            messages.success(http, f"Added to the {planning.year_label(year)} plan.")
            return redirect(f"/{senate.slug}/programme/?year={year}")
    context = {
        "form": form,
        "year": year,
        "page_title": f"Add to the {planning.year_label(year)} plan",
        "breadcrumbs": _plan_crumbs(senate, year),
    }
    return render(http, "programme/add_item.jinja", context)


@require_http_methods(["GET", "POST"])
@requires(P.MANAGE_PLAN)
def weights(http: SignedInRequest, senate: Senate) -> HttpResponse:
    criteria = planning.criteria_for(senate)
    form = WeightsForm(_posted(http), criteria=criteria)
    if http.method == "POST" and form.is_valid():
        try:
            planning.set_weights(senate, form.weights(), by=http.user)
        except planning.PlanRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(http, "Priority weights saved; every item in the plan has been rescored.")
            return redirect("programme:plan", senate.slug)
    context = {
        "form": form,
        "page_title": "Priority criteria and weights",
        "breadcrumbs": _plan_crumbs(senate, _year(http)),
    }
    return render(http, "programme/weights.jinja", context)


@requires(P.VIEW_PLAN, on=PLAN_ITEM)
def item(http: SignedInRequest, senate: Senate, plan_item: PlanItem) -> HttpResponse:
    item = plan_item
    criteria = planning.criteria_for(senate)
    scores = {s.criterion_id: s for s in item.scores.select_related("by")}
    context = {
        "item": item,
        "rows": [(c, scores.get(c.pk)) for c in criteria],
        "may_manage": http.user.has_perm(P.MANAGE_PLAN, item),
        "page_title": item.title,
        "breadcrumbs": _plan_crumbs(senate, item.year),
    }
    return render(http, "programme/item.jinja", context)


@require_http_methods(["GET", "POST"])
@requires(P.MANAGE_PLAN, on=PLAN_ITEM)
def score(http: SignedInRequest, senate: Senate, plan_item: PlanItem) -> HttpResponse:
    item = plan_item
    criteria = planning.criteria_for(senate)
    current = {s.criterion_id: s for s in item.scores.all()}
    form = ScoreForm(_posted(http), criteria=criteria, current=current)
    if http.method == "POST" and form.is_valid():
        try:
            planning.score_item(item, form.scores(), by=http.user)
        except planning.PlanRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        else:
            messages.success(http, f"Priority scored: {item.score} out of 100.")
            return redirect("programme:item", senate.slug, item.pk)
    context = {
        "form": form,
        "item": item,
        "page_title": f"Score: {item.title}",
        "breadcrumbs": _plan_crumbs(senate, item.year),
    }
    return render(http, "programme/score.jinja", context)


@require_http_methods(["GET", "POST"])
@requires(P.MANAGE_PLAN, on=PLAN_ITEM)
def edit_item(http: SignedInRequest, senate: Senate, plan_item: PlanItem) -> HttpResponse:
    item = plan_item
    meetings = queries.meetings_ahead(senate, item.year)
    initial = {
        f: getattr(item, f) for f in ("expected_start", "expected_panel", "advice_due", "panels_needed", "panel_notes")
    }
    initial["council_meeting"] = str(item.council_meeting_id or "")
    form = PlanDatesForm(_posted(http), initial=initial, meetings=meetings)
    if http.method == "POST" and form.is_valid():
        try:
            planning.update_item(item, by=http.user, **form.values())
        except planning.PlanRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        else:
            messages.success(http, "Plan dates saved.")
            return redirect("programme:item", senate.slug, item.pk)
    context = {
        "form": form,
        "item": item,
        "page_title": f"Dates: {item.title}",
        "breadcrumbs": _plan_crumbs(senate, item.year),
    }
    return render(http, "programme/edit_item.jinja", context)


@require_http_methods(["POST"])
@requires(P.MANAGE_PLAN, on=PLAN_ITEM)
def finish_topic(http: SignedInRequest, senate: Senate, plan_item: PlanItem) -> HttpResponse:
    item = plan_item
    if item.topic is None:
        messages.error(http, "Only a horizon-scanning item is finished here.")
    else:
        try:
            topics.finish_horizon_scan(item.topic, outcome=http.POST.get("outcome", ""), by=http.user)
            messages.success(http, "Horizon scanning recorded as done.")
        except topics.TopicRefused as refused:
            messages.error(http, str(refused))
    return redirect("programme:item", senate.slug, item.pk)


@require_http_methods(["GET", "POST"])
@requires(P.GIVE_FEEDBACK, on=REQUEST)
def give_feedback(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    given = queries.feedback_on(request)
    form = FeedbackForm(_posted(http))
    if http.method == "POST" and given is None and form.is_valid():
        try:
            feedback.give_feedback(request, by=http.user, **form.values())
        except feedback.FeedbackRefused as refused:
            form.add_error(refused.field, str(refused))
        else:
            messages.success(http, "Thank you: your feedback has been sent to the Senate.")
            return redirect("reviews:detail", senate.slug, request.pk)
    context = _request_context(senate, request, "Feedback on the advice") | {"form": form, "given": given}
    return render(http, "programme/feedback.jinja", context)


@require_http_methods(["GET", "POST"])
@requires(P.GIVE_FEEDBACK, on=REQUEST)
def board_decision(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    found = queries.board_decision_on(request)
    initial = {k: getattr(found, k) for k in ("decided_on", "decision", "influence", "how")} if found else None
    form = BoardDecisionForm(_posted(http), initial=initial)
    if http.method == "POST" and form.is_valid():
        try:
            feedback.record_board_decision(request, by=http.user, **form.cleaned_data)
        except feedback.FeedbackRefused as refused:
            form.add_error(refused.field, str(refused))
        else:
            messages.success(http, "Your board's decision has been recorded. Thank you.")
            return redirect("reviews:detail", senate.slug, request.pk)
    context = _request_context(senate, request, "Your board's decision") | {"form": form, "found": found}
    return render(http, "programme/board_decision.jinja", context)


@require_http_methods(["GET", "POST"])
@requires(P.VIEW_IMPACT, on=REQUEST)
def impact(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = EffortForm(_posted(http))
    if http.method == "POST":
        check(http, P.RECORD_EFFORT, request)
        if form.is_valid():
            try:
                effort.record_effort(request, by=http.user, **form.cleaned_data)
            except effort.EffortRefused as refused:
                form.add_error(refused.field, str(refused))
            else:
                messages.success(http, "Time recorded.")
                return redirect("programme:impact", senate.slug, request.pk)
    entries, total = queries.effort_for(request)
    context = _request_context(senate, request, "Impact and effort") | {
        "form": form,
        "feedback": queries.feedback_on(request),
        "decision": queries.board_decision_on(request),
        "entries": entries,
        "total": total,
    }
    return render(http, "programme/impact.jinja", context)


def _request_context(senate: Senate, request: Request, title: str) -> dict[str, Any]:
    return {
        "advice_request": request,
        "page_title": f"{title}: {request.reference}",
        "breadcrumbs": crumbs(senate, request),
    }
