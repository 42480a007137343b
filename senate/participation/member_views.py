"""A member's own participation page in a Senate: their terms (wish to continue, stepping down), their
induction checklist, their statements of participation, development, accessible formats and, for
patient and public voice members, claims. Only their own records are ever found (served.py)."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.members.appointments import AppointmentRefused
from senate.members.models import Membership
from senate.organisations.models import Senate
from senate.participation import claims, formats, induction, queries, record, terms
from senate.participation import development as developing
from senate.participation.forms import ClaimForm, FormatsForm, InterestForm, StepDownForm, WishForm
from senate.participation.models import AccessibleFormat, Development, InductionStep
from senate.participation.permission_names import ParticipationPermission as P
from senate.participation.served import OWN_DEVELOPMENT, OWN_MEMBERSHIP, OWN_STEP
from senate.participation.team_views import statement_response

TAKE_PART = P.TAKE_PART


def _posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None


def _mine(senate: Senate) -> str:
    return f"/{senate.slug}/participation/mine/"


def _page(http: HttpRequest, senate: Senate, template: str, title: str, **context: object) -> HttpResponse:
    crumbs = [{"href": f"/{senate.slug}/", "text": senate.name}, {"href": _mine(senate), "text": "Your participation"}]
    return render(http, template, {"page_title": title, "breadcrumbs": crumbs, "back": _mine(senate), **context})


@requires(TAKE_PART)
def mine(http: SignedInRequest, senate: Senate) -> HttpResponse:
    today = dt.date.today()
    profile = queries.own_profile(http.user)
    memberships = list(queries.own_memberships(profile, senate))
    years = record.years_of(profile, senate, today=today) if profile else []
    context = {
        "profile": profile,
        "memberships": memberships,
        "steps": induction.rows(queries.own_steps(profile, senate)),
        "statements": [(y, record.sign_off_of(profile, senate, y)) for y in years[:5]] if profile else [],
        "developments": list(profile.developments.filter(senate=senate)) if profile else [],
        "claims": list(profile.claims.filter(senate=senate)[:20]) if profile else [],
        "may_claim": any(m.role == "ppv" for m in memberships),
        "formats": formats.needs_of(senate, [profile.pk]).get(profile.pk, []) if profile else [],
        "today": today,
        "warning_days": senate.term_warning_days,
        "page_title": "Your participation",
        "breadcrumbs": [{"href": f"/{senate.slug}/", "text": senate.name}],
    }
    return render(http, "participation/mine.jinja", context)


@requires(TAKE_PART, on=OWN_MEMBERSHIP)
def wish(http: SignedInRequest, senate: Senate, membership: Membership) -> HttpResponse:
    form = WishForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        try:
            terms.state_wish(membership=membership, by=http.user, **form.cleaned_data)
        except AppointmentRefused as refusal:
            form.add_error("wishes_to_continue", str(refusal))
        else:
            messages.success(http, "Thank you: the Senate team will take your answer into its renewal review.")
            return redirect(_mine(senate))
    return _page(http, senate, "participation/wish.jinja", "Do you wish to continue?", form=form, membership=membership)


@requires(TAKE_PART, on=OWN_MEMBERSHIP)
def step_down(http: SignedInRequest, senate: Senate, membership: Membership) -> HttpResponse:
    form = StepDownForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        try:
            terms.step_down(membership=membership, by=http.user, **form.cleaned_data)
        except AppointmentRefused as refusal:
            form.add_error("on", str(refusal))
        else:
            messages.success(http, f"You are stepping down from the {membership.get_body_display()}. Thank you.")
            return redirect(_mine(senate))
    return _page(http, senate, "participation/step_down.jinja", "Step down", form=form, membership=membership)


@require_POST
@requires(TAKE_PART, on=OWN_STEP)
def complete_step(http: SignedInRequest, senate: Senate, step: InductionStep) -> HttpResponse:
    try:
        induction.complete_step(step, by=http.user)
    except induction.InductionRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, f"Marked complete: {step.get_item_display()}.")
    return redirect(_mine(senate) + "#induction")


@requires(TAKE_PART)
def statement(http: SignedInRequest, senate: Senate) -> HttpResponse:
    """Your statement for the appraisal year starting 1 April of `?year=` (by default, the latest)."""
    profile = queries.own_profile(http.user)
    years = record.years_of(profile, senate, today=dt.date.today()) if profile else []
    wanted = http.GET.get("year", str(years[0].year) if years else "")
    year = next((y for y in years if str(y.year) == wanted), None)
    if profile is None or year is None:
        raise Http404("You were not a member of this Senate in that year.")
    return statement_response(profile, senate, year)


@requires(TAKE_PART)
def new_claim(http: SignedInRequest, senate: Senate) -> HttpResponse:
    profile = queries.own_profile(http.user)
    form = ClaimForm(_posted(http))
    if http.method == "POST" and form.is_valid() and profile is not None:
        data = form.cleaned_data
        data["other_expenses"] = data["other_expenses"] or 0
        try:
            made = claims.submit_claim(profile=profile, senate=senate, by=http.user, **data)
        except claims.ClaimRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(http, f"Your claim for £{made.total} has been sent to the Senate team.")
            return redirect(_mine(senate) + "#claims")
    return _page(
        http,
        senate,
        "participation/new_claim.jinja",
        "Claim an involvement payment and expenses",
        form=form,
        rates=claims.rates_of(senate),
        profile=profile,
    )


@requires(TAKE_PART)
def set_formats(http: SignedInRequest, senate: Senate) -> HttpResponse:
    profile = queries.own_profile(http.user)
    have = formats.needs_of(senate, [profile.pk]).get(profile.pk, []) if profile else []
    codes = [f for f, label in AccessibleFormat.Format.choices if label in have]
    form = FormatsForm(_posted(http), initial={"formats": codes})
    if http.method == "POST" and form.is_valid() and profile is not None:
        formats.set_formats(profile=profile, senate=senate, formats=form.cleaned_data["formats"], by=http.user)
        messages.success(http, "Saved: papers sent to you will be flagged for the formats you need.")
        return redirect(_mine(senate))
    return _page(http, senate, "participation/formats.jinja", "Accessible formats", form=form, profile=profile)


@requires(TAKE_PART)
def express_interest(http: SignedInRequest, senate: Senate) -> HttpResponse:
    profile = queries.own_profile(http.user)
    form = InterestForm(_posted(http))
    if http.method == "POST" and form.is_valid() and profile is not None:
        try:
            developing.express_interest(profile=profile, senate=senate, by=http.user, **form.cleaned_data)
        except developing.DevelopmentRefused as refusal:
            form.add_error("kind", str(refusal))
        else:
            messages.success(http, "The Senate team has your interest and will be in touch.")
            return redirect(_mine(senate) + "#development")
    return _page(http, senate, "participation/interest.jinja", "Development opportunities", form=form, profile=profile)


@require_POST
@requires(TAKE_PART, on=OWN_DEVELOPMENT)
def answer_offer(http: SignedInRequest, senate: Senate, development: Development) -> HttpResponse:
    accept = http.POST.get("answer") == "accept"
    try:
        developing.answer(development=development, accept=accept, by=http.user)
    except developing.DevelopmentRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, f"You have {'accepted' if accept else 'declined'} the offer.")
    return redirect(_mine(senate) + "#development")
