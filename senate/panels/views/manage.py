"""The manager's pages: specification, candidates, the panel with its runs, deploying, replacements."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.interests.decisions import InvitationRefused
from senate.interests.restrictions import describe, restrictions_by_profile
from senate.organisations.models import Senate
from senate.panels import candidates as cands
from senate.panels import invitations, loans, queries, runs
from senate.panels import skills as sk
from senate.panels.forms import CandidateFilterForm, RecordAnswerForm, SpecForm
from senate.panels.models import OptimiserRun, PanelChoice, PanelMember, PanelRole
from senate.panels.permission_names import PanelsPermission as P
from senate.panels.served import RUN
from senate.panels.specs import SpecRefused, may_invite, panel_open, save_spec, spec_of
from senate.panels.views.common import compact, crumbs, load_request, request_crumbs
from senate.reviews.joint import partner_senate_ids
from senate.reviews.models import Request
from senate.reviews.served import REQUEST


@requires(P.VIEW_PANEL, on=REQUEST)
def panel(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    manager = http.user.has_perm(P.MANAGE, request)
    spec = spec_of(request)
    seats = queries.seats_of(request) if manager else None  # the manager sees every seat: the final panel is of them
    labels = dict(sk.skill_choices())
    context: dict[str, Any] = {
        "advice_request": request,
        "spec": spec,
        "labels": labels,
        "final": invitations.final_panel(request, seats),
        "manager": manager,
        "page_title": f"Expert panel: {request}",
        "breadcrumbs": crumbs(senate, (reverse("reviews:detail", args=[senate.slug, request.pk]), str(request))),
    }
    if seats is not None:
        recruit_refused = queries.not_yet_recruited(request, spec, labels)
        restricted = restrictions_by_profile(request, [s.profile_id for s in context["final"]])
        context["restrictions"] = {pk: describe(r) for pk, r in restricted.items()}
        run = runs.latest_run(request)
        active = sum(s.status in cands.ACTIVE for s in seats)
        wanted = len(run.for_request(request.pk).get("panel", [])) if run else 0
        declined = [s for s in seats if s.status == PanelMember.Status.DECLINED][: max(0, wanted - active)]
        context |= {
            "seats": seats,
            "roles": PanelRole.choices,
            "run": run,
            "replacements": runs.replacements_for(declined, run=run, spec=spec or "unread", every_seat=seats),
            "loans": queries.loans_for(request),
            "open": panel_open(request),
            "others": queries.other_open_requests(senate, request),
            "can_record": recruit_refused == "",
            "not_yet_recruited": recruit_refused,
        }
    return render(http, "panels/panel.jinja", context)


@requires(P.MANAGE, on=REQUEST)
def specification(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    spec = spec_of(request)
    form = SpecForm(http.POST if http.method == "POST" else None, initial=SpecForm.initial_for(spec))
    if http.method == "POST" and form.is_valid():
        try:
            save_spec(request, by=http.user, rules=form.rules(), **form.spec_fields())
        except SpecRefused as refusal:
            for field, message in refusal.errors.items():
                form.add_error(None if field == "__all__" else field, message)
        else:
            messages.success(http, "The panel specification has been saved.")
            return redirect("panels:panel", senate.slug, request.pk)
    return render(
        http,
        "panels/specification.jinja",
        {
            "advice_request": request,
            "form": form,
            "page_title": f"Panel specification: {request}",
            "breadcrumbs": request_crumbs(senate, request),
        },
    )


@requires(P.MANAGE, on=REQUEST)
def candidates(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = CandidateFilterForm(http.GET or None)
    f = form.cleaned_data if form.is_valid() else {}
    shown = queries.candidate_page(
        request,
        on=timezone.localdate(),
        spec=spec_of(request, rules=False),
        q=f.get("q") or "",
        show=f.get("show") or "all",
        skill=f.get("skill") or "",
        sort=f.get("sort") or "fit",
        page=http.GET.get("page"),
    )
    context = {
        "advice_request": request,
        "form": form,
        "found": shown.found,
        "page": shown.page,
        "total": shown.total,
        "query": urlencode({k: v for k, v in f.items() if v}),
        **queries.standing_choices(request),
        "page_title": f"Panel candidates: {request}",
        "breadcrumbs": request_crumbs(senate, request),
    }
    template = "panels/_candidates_table.jinja" if http.headers.get("HX-Request") else "panels/candidates.jinja"
    return compact(render(http, template, context))


@require_POST
@requires(P.MANAGE, on=REQUEST)
def run(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    """Run the optimiser for this request, with any other open requests ticked on the panel page."""
    others = [
        load_request(http, senate, int(v), P.MANAGE)
        for v in http.POST.getlist("also")
        if v.isdigit() and int(v) != request.pk
    ]
    try:
        made = runs.run_optimiser(senate, [request, *others], by=http.user)
    except runs.RunRefused as refusal:
        messages.error(http, str(refusal))
        return redirect("panels:panel", senate.slug, request.pk)
    messages.success(http, "The optimiser has proposed panels. Nothing has been sent.")
    return redirect("panels:run_detail", senate.slug, made.pk)


@requires(P.MANAGE, on=RUN)
def run_detail(http: SignedInRequest, senate: Senate, made: OptimiserRun) -> HttpResponse:
    latest = queries.latest_run(senate)
    requests = queries.run_requests(made)
    shown = Paginator(requests, queries.RUN_REQUESTS_PER_PAGE).get_page(http.GET.get("page"))
    context = {
        "run": made,
        "requests": requests,
        "shown": list(shown),
        "page": shown,
        "summary": queries.run_summary(made, requests, shown),
        "is_latest": latest is not None and latest.pk == made.pk,
        **queries.run_choices(list(shown)),
        "page_title": "Proposed panels",
        "breadcrumbs": request_crumbs(senate, requests[0]) if requests else crumbs(senate),
    }
    return compact(render(http, "panels/run.jinja", context))


@require_POST
@requires(P.MANAGE, on=REQUEST)
def choose(http: SignedInRequest, senate: Senate, request: Request, profile_id: int) -> HttpResponse:
    profile = queries.profile(profile_id)
    if profile is None:
        raise Http404("There is no such member.")
    kind = http.POST.get("kind") or None
    if kind not in (None, PanelChoice.Kind.PIN, PanelChoice.Kind.REMOVE):
        raise Http404("Unknown choice")
    runs.choose(request, profile, kind=kind, by=http.user)
    words = {"pin": "will be kept on", "remove": "will be kept off", None: "is free again for"}[kind]
    messages.success(http, f"{profile} {words} the panel at the next run.")
    back = http.POST.get("next", "")
    return redirect(
        back if back.startswith(f"/{senate.slug}/panels/") else reverse("panels:panel", args=[senate.slug, request.pk])
    )


@require_POST
@requires(P.MANAGE, on=RUN)
def deploy(http: SignedInRequest, senate: Senate, made: OptimiserRun) -> HttpResponse:
    try:
        sent = runs.deploy(made, by=http.user)
    except (runs.RunRefused, InvitationRefused) as refusal:
        messages.error(http, str(refusal))
        return redirect("panels:run_detail", senate.slug, made.pk)
    messages.success(http, f"{len(sent)} invitation{'s' if len(sent) != 1 else ''} sent.")
    first = made.requests.order_by("pk").first()
    if first is None:
        raise RuntimeError(f"Optimiser run {made.pk} has no requests")
    return redirect("panels:panel", senate.slug, first.pk)


@require_POST
@requires(P.MANAGE, on=REQUEST)
def invite(http: SignedInRequest, senate: Senate, request: Request, profile_id: int) -> HttpResponse:
    """Invite one member, usually the replacement offered after a decline."""
    allowed, why = may_invite(request)
    if not allowed:
        messages.error(http, why)
    elif queries.already_seated(request, profile_id):
        messages.error(http, "This member has already been invited to this panel.")
    else:
        c = _candidate(request, profile_id)
        if c is None or (c.lent and not queries.loan_approved(request, profile_id)):
            messages.error(http, "Only this Senate's members, or members lent for this panel, can be invited.")
        else:
            try:
                role = runs.assign_roles([c], chair_from_council=False)[c.profile.pk]
                invitations.invite(request, c.profile, role="clinical" if role == "chair" else role, by=http.user)
            except InvitationRefused as refusal:
                messages.error(http, str(refusal))
            else:
                messages.success(http, f"{c.profile} has been invited.")
    return redirect("panels:panel", senate.slug, request.pk)


@require_POST
@requires(P.MANAGE, on=REQUEST)
def request_loan(http: SignedInRequest, senate: Senate, request: Request, profile_id: int) -> HttpResponse:
    c = _candidate(request, profile_id)
    if c is None:
        raise Http404("That member cannot be lent to this Senate.")
    try:
        loans.request_loan(request, c, by=http.user, note=http.POST.get("note", ""))
    except loans.LoanRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, f"The {c.home_senate} team has been asked to lend {c.profile}.")
    back = http.POST.get("next", "")
    return redirect(
        back if back.startswith(f"/{senate.slug}/panels/") else reverse("panels:panel", args=[senate.slug, request.pk])
    )


@require_POST
@requires(P.MANAGE, on=REQUEST)
def withdraw(http: SignedInRequest, senate: Senate, request: Request, seat_pk: int) -> HttpResponse:
    seat = _seat(request, seat_pk)
    check(http, P.MANAGE, senate)
    invitations.withdraw(seat, by=http.user)
    messages.success(http, f"{seat.profile} has been withdrawn from the panel.")
    return redirect("panels:panel", senate.slug, request.pk)


@require_POST
@requires(P.MANAGE, on=REQUEST)
def recruited(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    """Record the panel as recruited: the request's own act, refused until enough have accepted."""
    from senate.reviews import lifecycle

    try:
        lifecycle.perform("record_panel_recruited", request, by=http.user)
    except lifecycle.TransitionRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, "The panel is recorded as recruited.")
    return redirect("panels:panel", senate.slug, request.pk)


def _candidate(request: Request, profile_id: int) -> cands.Candidate | None:
    """One member of the request's pool, screened and scored, or None if they are not in it."""
    on = timezone.localdate()
    profiles = cands.pool(request.senate, on=on, partners=partner_senate_ids(request)).filter(pk=profile_id)
    found = cands.candidates_for(request, on=on, spec=spec_of(request), profiles=profiles)
    return found[0] if found else None


@require_POST
@requires(P.MANAGE, on=REQUEST)
def set_role(http: SignedInRequest, senate: Senate, request: Request, seat_pk: int) -> HttpResponse:
    seat = _seat(request, seat_pk)
    try:
        invitations.set_role(seat, role=http.POST.get("role", ""), by=http.user)
    except invitations.AnswerRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, f"{seat.profile} is now {seat.get_role_display().lower()}.")
    return redirect("panels:panel", senate.slug, request.pk)


@requires(P.MANAGE, on=REQUEST)
def record_answer(http: SignedInRequest, senate: Senate, request: Request, seat_pk: int) -> HttpResponse:
    """An answer the member gave by email, phone, in person or by letter, recorded for them."""
    seat = _seat(request, seat_pk)
    form = RecordAnswerForm(http.POST if http.method == "POST" else None)
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitations.record_answer(
                seat, accept=data["answer"] == "accept", how=data["how"], reason=data["reason"], by=http.user
            )
        except invitations.AnswerRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, f"{seat.profile}'s answer has been recorded.")
            return redirect("panels:panel", senate.slug, request.pk)
    context = {
        "form": form,
        "seat": seat,
        "advice_request": request,
        "page_title": f"Record {seat.profile}'s answer",
        "breadcrumbs": request_crumbs(senate, request),
    }
    return render(http, "panels/record_answer.jinja", context, status=400 if form.errors else 200)


def _seat(request: Request, seat_pk: int) -> PanelMember:
    seat = queries.seat_with_member(request, seat_pk)
    if seat is None:
        raise Http404("There is no such seat on this panel.")
    return seat
