"""Screening a request's candidates for conflicts, recording decisions and dismissing false positives."""

from typing import Any, NamedTuple

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.core.cache import stamp_of, until_next_act
from senate.interests import decisions, due, flagged, presenters, queries
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.decisions import MemberScreening
from senate.interests.facts import AdviceRequest, ReviewFacts, facts_for_request
from senate.interests.forms import BulkDecisionForm, DecisionForm, DismissForm, ScreeningFilterForm
from senate.interests.models import ConflictDecision
from senate.interests.permission_names import InterestsPermission as P
from senate.interests.restrictions import describe_decision, is_enforceable, restriction_choices
from senate.interests.screening import ScreeningPolicy, screen_many
from senate.interests.served import REQUEST
from senate.interests.views.common import address_for_each, crumbs, posted
from senate.members.models import MemberProfile
from senate.organisations.models import Senate


def _crumbs(senate: Senate, request: AdviceRequest | None = None) -> list[dict[str, str]]:
    more = [(reverse("interests:due", args=[senate.slug]), "Interests")]
    if request is not None:
        more.append((reverse("interests:screening", args=[senate.slug, request.pk]), f"Screening: {request}"))
    return crumbs(senate, *more)


PAGE_SIZE = 50  # members a page: enough to tick a group at once


# `request` stays Any here and in screen_member: the permission check needs reviews.Request, a model,
# which this app may not name (AdviceRequest is only what it reads).
@requires(P.SCREEN, on=REQUEST)
def screening(http: SignedInRequest, senate: Senate, request: Any) -> HttpResponse:
    """The members screening flags for the request, most severe first, filtered; the Senate team
    ticks several and records one decision for each of them (issue 14, item 10)."""
    # What the request says, and every member screened against it, kept until the next act (one stamp
    # read for both): the request's organisations and services change only when someone acts.
    stamp = stamp_of(flagged.SCREENED_FROM)
    facts, named = until_next_act(f"interests.request-facts:{request.pk}", lambda: _facts(request), stamp=stamp)
    filter_form = ScreeningFilterForm(http.GET or None, initial={"show": "conflicts"}, organisations=named)
    filters = dict(filter_form.cleaned_data) if filter_form.is_valid() else {}
    q, show_all = (filters.pop("q", "") or "").strip(), filters.pop("show", "") == "all"
    # Screened from flat rows, with the decisions so far, kept until the next act.
    screened = flagged.screen_candidates(senate, request, facts, dict(named), q, stamp=stamp)
    candidates, members, found = screened.candidates, screened.members, screened.conflicts
    pool = members if show_all else [m for m in members if m.pk in found]
    rows = flagged.ordered(flagged.screened(pool, found, screened.decisions, screened.dismissals))
    shown = flagged.filtered(rows, **filters)
    form = BulkDecisionForm(
        posted(http), members=[(r.member.pk, r.member.name) for r in rows], **restriction_choices(request)
    )
    if http.method == "POST":
        check(http, P.DECIDE_CONFLICTS, request)
        if form.is_valid():
            if made := _decide(http, form, request, candidates):
                messages.success(http, f"Your decision has been recorded for {_count(made)}, each on their own record.")
                return redirect(f"{http.path}?{http.GET.urlencode()}" if http.GET else http.path)
    page = Paginator(shown, PAGE_SIZE).get_page(http.GET.get("page"))
    query = http.GET.copy()
    query.pop("page", None)
    context = {
        "advice_request": request,
        "facts_rows": presenters.request_rows(request, facts, named),
        "page": page,
        "filter_form": filter_form,
        "form": form,
        "selected": {str(v) for v in form["members"].value() or []} if form.is_bound else set(),
        "can_decide": http.user.has_perm(P.DECIDE_CONFLICTS, senate),
        "query": query.urlencode(),
        "member_address": address_for_each("interests:screen_member", senate.slug, request.pk),
        "severity_tags": presenters.SEVERITY_TAGS,
        "with_conflicts": len(found),
        "shown": len(shown),
        "screened": len(members),
        "page_title": f"Conflict screening: {request}",
        "breadcrumbs": _crumbs(senate),
    }
    return render(http, "interests/screening/list.jinja", context)


def _facts(request: AdviceRequest) -> tuple[ReviewFacts, list[tuple[int, str]]]:
    """The request's facts, and its organisations by name: the filter's choices, and the names
    screening gives."""
    facts = facts_for_request(request)
    return facts, presenters.request_organisations(facts)


def _decide(
    http: SignedInRequest, form: BulkDecisionForm, request: AdviceRequest, candidates: QuerySet[MemberProfile]
) -> list[ConflictDecision]:
    """The decisions recorded, or none with the refusal added to the form. The members ticked are
    among the choices (the members listed), read in the list's order."""
    terms = dict(form.cleaned_data)
    chosen = list(candidates.filter(pk__in=set(terms.pop("members"))))
    try:
        return decisions.decide_for_members(chosen, request, by=http.user, **terms)
    except decisions.ConflictRefused as refusal:
        form.add_error(None, str(refusal))
        return []


def _count(made: list[ConflictDecision]) -> str:
    return "1 member" if len(made) == 1 else f"{len(made)} members"


@requires(P.SCREEN, on=REQUEST)
def screen_member(http: SignedInRequest, senate: Senate, request: Any, profile_id: int) -> HttpResponse:
    """One candidate: the conflicts, the decision form, dismissals and the record so far."""
    profile = _profile(senate, profile_id, request)
    screened = _screened(senate, profile, request)
    form = DecisionForm(posted(http), conflicts=screened.result.states, **restriction_choices(request))
    if http.method == "POST":
        check(http, P.DECIDE_CONFLICTS, request)
        if form.is_valid():
            try:
                decisions.decide_conflicts(profile, request, by=http.user, **form.cleaned_data)
            except decisions.ConflictRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(http, f"Your decision on {profile} has been recorded.")
                return redirect("interests:screen_member", senate.slug, request.pk, profile.pk)
    return _member_page(http, senate, request, screened, form)


class _Screened(NamedTuple):
    result: MemberScreening
    about: list[dict[str, Any]]  # what the request says, as summary-list rows
    invitable: tuple[bool, str]  # whether they may be invited to the panel, and why not


# The tables the member's screening and standing are read from, whose new rows make a new reading.
MEMBER_READ_FROM = tuple(dict.fromkeys((*flagged.SCREENED_FROM, *due.WATCHED)))


def _screened(senate: Senate, profile: Any, request: Any) -> _Screened:
    """The member's screening for the request, whether they may be invited, and what the request
    says as summary-list rows: the request's facts, organisations and the Senate's conflict policy
    read once for the whole page, and all of it kept until the next act (`until_next_act`), as the
    screening list keeps its own."""
    today = timezone.localdate()

    def work_out() -> _Screened:
        facts = facts_for_request(request)
        named = presenters.request_organisations(facts)
        policy = conflict_policy_for(senate)
        rules = ScreeningPolicy.of(policy)
        conflicts = screen_many([profile], facts, rules=rules, names=dict(named)).get(profile.pk, [])
        result = decisions.screening_for(profile, request, conflicts=conflicts)
        invitable = decisions.can_be_invited(profile, request, on=today, screening=result, policies={senate.pk: policy})
        return _Screened(result, presenters.request_rows(request, facts, named), invitable)

    key = f"interests.screen-member:{request.pk}:{profile.pk}:{today.isoformat()}"
    kept = until_next_act(key, work_out, rows_of=MEMBER_READ_FROM)
    kept.result.profile = profile  # as this page read it (and checked it may be screened here)
    return kept


@require_POST
@requires(P.DECIDE_CONFLICTS, on=REQUEST)
def dismiss(http: SignedInRequest, senate: Senate, request: AdviceRequest, profile_id: int) -> HttpResponse:
    profile = _profile(senate, profile_id, request)
    prefix = http.POST.get("prefix", "")
    form = DismissForm(http.POST, prefix=prefix or None)
    if form.is_valid():
        try:
            decisions.dismiss_conflict(profile, request, by=http.user, **form.cleaned_data)
        except decisions.ConflictRefused as refusal:
            form.add_error("reason", str(refusal))
        else:
            messages.success(http, "The suggestion has been dismissed for this request. The dismissal is recorded.")
            return redirect("interests:screen_member", senate.slug, request.pk, profile.pk)
    screened = _screened(senate, profile, request)
    blank = DecisionForm(conflicts=screened.result.states, **restriction_choices(request))
    return _member_page(http, senate, request, screened, blank, failed=(prefix, form))


def _member_page(
    http: SignedInRequest,
    senate: Senate,
    request: AdviceRequest,
    screened: _Screened,
    form: DecisionForm,
    failed: tuple[str, DismissForm] | None = None,
) -> HttpResponse:
    result = screened.result
    dismiss_forms = []
    for i, state in enumerate(result.states):
        prefix = f"dismiss-{i}"
        bound = (
            failed[1]
            if failed and failed[0] == prefix
            else DismissForm(prefix=prefix, initial={"key": state.conflict.key})
        )
        dismiss_forms.append((state, prefix, bound))
    allowed, reason = screened.invitable
    context = {
        "advice_request": request,
        "result": result,
        "severity_tags": presenters.SEVERITY_TAGS,
        "facts_rows": screened.about,
        "form": form,
        "dismiss_forms": dismiss_forms,
        "errors": [form] + [f for _s, _p, f in dismiss_forms],
        "invitable": allowed,
        "invitable_reason": reason,
        "restriction_lines": describe_decision,
        "enforceable": is_enforceable,
        "can_decide": http.user.has_perm(P.DECIDE_CONFLICTS, senate),
        "page_title": f"Screening: {result.profile}",
        "breadcrumbs": _crumbs(senate, request),
    }
    return render(http, "interests/screening/member.jinja", context)


def _profile(senate: Senate, profile_id: int, request: AdviceRequest) -> Any:
    profile = queries.screenable(senate, profile_id, partners=queries.partner_senates_query(request))
    if profile is None:
        raise Http404("There is no member with that number this Senate may screen.")
    return profile
