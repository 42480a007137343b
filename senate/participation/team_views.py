"""The Senate team's pages: terms ending and renewal reviews, who has completed induction, members'
participation records and statements, claims, and development opportunities. Each write calls one
domain function; a refusal is shown on the form in its words."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.members.appointments import AppointmentRefused
from senate.members.models import Body, MemberProfile, Membership
from senate.members.served import MEMBER, MEMBERSHIP
from senate.organisations.models import Senate
from senate.participation import claims, induction, queries, record, statements, terms
from senate.participation import development as developing
from senate.participation.forms import DecideClaimForm, OfferForm, RatesForm, RenewalForm
from senate.participation.links import row_address
from senate.participation.models import Claim, Development, InductionItem
from senate.participation.permission_names import ParticipationPermission as P
from senate.participation.served import CLAIM, DEVELOPMENT, RENEWAL

MANAGE = P.MANAGE_PARTICIPATION
SHOWN = 50  # rows of a long list on one page


def _posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None


def _crumbs(senate: Senate, *more: tuple[str, str]) -> list[dict[str, str]]:
    crumbs = [{"href": f"/{senate.slug}/", "text": senate.name}]
    return crumbs + [{"href": href, "text": text} for href, text in more]


def _home(senate: Senate) -> tuple[str, str]:
    return (f"/{senate.slug}/participation/", "Members' terms and participation")


@requires(MANAGE)
def overview(http: SignedInRequest, senate: Senate) -> HttpResponse:
    today = dt.date.today()
    days = max(senate.term_warning_days, max(terms.REMINDER_DAYS))
    terms_ending = terms.ending_within(senate, days, today=today)
    without = queries.without_induction(senate, today=today)
    interested = queries.developments(senate).filter(status=Development.Status.INTERESTED)
    ending_count, waiting, without_count, interests = queries.counts_of(
        terms_ending, queries.claims_waiting(senate), without, interested
    )
    # A national Senate has a hundred and more terms ending in any quarter: paged, soonest first.
    paginator = Paginator(terms_ending, SHOWN)
    paginator.count = ending_count  # counted with the others above
    ending = paginator.get_page(http.GET.get("page"))
    ending.object_list = queries.term_rows(ending.object_list, today=today)  # the shown page, as plain rows
    context = {
        "ending": ending,
        "days": days,
        "claims_waiting": waiting,
        "without_induction": queries.member_rows(without[:SHOWN]),
        "without_count": without_count,
        "interests": interests,
        "today": today,
        # Each row's links, reversed once for the page.
        "record": row_address("participation:member_record", senate.slug),
        "renewal": row_address("participation:renewal", senate.slug, numbers=2),
        "start_induction": row_address("participation:start_induction", senate.slug, numbers=2),
        "page_title": "Members' terms and participation",
        "breadcrumbs": _crumbs(senate),
    }
    return render(http, "participation/overview.jinja", context)


@requires(MANAGE, on=RENEWAL)
def renewal(http: SignedInRequest, senate: Senate, membership: Membership) -> HttpResponse:
    today = dt.date.today()
    form = RenewalForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = terms.decide_renewal(
                membership=membership, outcome=data["outcome"], reason=data["reason"], by=http.user, today=today
            )
        except AppointmentRefused as refusal:
            form.add_error("outcome", str(refusal))
        else:
            done = "renewed for another term" if decision.next_membership else "not renewed"
            messages.success(http, f"{membership.profile}'s term has been {done}.")
            return redirect(f"/{senate.slug}/participation/")
    year = record.appraisal_year(today)
    context = {
        "membership": membership,
        "profile": membership.profile,
        "form": form,
        "attendance": queries.attendance_in_term(membership, today=today),
        "record": record.panels_of(membership.profile, senate, year),
        "wish": getattr(membership, "continue_wish", None),
        "decision": getattr(membership, "renewal_decision", None),
        "max_terms": senate.council_max_terms,
        "page_title": "Renewal review",
        "breadcrumbs": _crumbs(senate, _home(senate)),
    }
    return render(http, "participation/renewal.jinja", context)


@require_POST
@requires(MANAGE, on=MEMBERSHIP)
def begin_induction(http: SignedInRequest, senate: Senate, membership: Membership) -> HttpResponse:
    induction.start_induction(membership, by=http.user)
    messages.success(http, f"{membership.profile}'s induction has started.")
    return redirect(f"/{senate.slug}/participation/induction/")


@requires(MANAGE)
def induction_overview(http: SignedInRequest, senate: Senate) -> HttpResponse:
    today = dt.date.today()
    people: dict[int, dict[str, Any]] = {}
    # Plain rows, not a step, membership, profile and user each: every current member's every step.
    fields = ("membership_id", "item", "completed_at", "declared", "membership__body")
    names = ("membership__profile__user__full_name", "membership__profile__user__email")
    for membership_id, item, completed_at, declared, body, full_name, email in queries.induction_progress(
        senate, today=today
    ).values_list(*fields, *names):
        entry = people.setdefault(
            membership_id, {"name": full_name or email, "body_label": Body(body).label, "done": {}, "count": 0, "of": 0}
        )
        done = induction.is_done(item, completed_at, declared)
        entry["done"][item] = done
        entry["count"] += done
        entry["of"] += 1
    context = {
        "people": list(people.values()),
        "items": InductionItem.choices,
        "without": queries.without_induction(senate, today=today).count(),  # counted, not read member by member
        "page_title": "Induction",
        "breadcrumbs": _crumbs(senate, _home(senate)),
    }
    return render(http, "participation/induction_overview.jinja", context)


@requires(MANAGE, on=MEMBER)
def member_record(http: SignedInRequest, senate: Senate, profile: MemberProfile) -> HttpResponse:
    today = dt.date.today()
    held = record.memberships_in(profile, senate)
    years = record.years_of(profile, senate, today=today, held=held)
    chosen = _year(http.GET.get("year"), years) or (years[0] if years else record.appraisal_year(today))
    error = ""
    if http.method == "POST":
        chosen = _year(http.POST.get("year"), years) or chosen
        try:
            statements.sign_off(profile=profile, senate=senate, year_from=chosen, by=http.user, today=today)
        except statements.SignOffRefused as refusal:
            error = str(refusal)
        else:
            messages.success(http, f"The statement for {_label(chosen)} has been signed off.")
            return redirect(f"/{senate.slug}/participation/members/{profile.pk}/?year={chosen.year}")
    context = {
        "profile": profile,
        "years": [(y, _label(y)) for y in years],
        "year": chosen,
        "year_label": _label(chosen),
        "record": record.record_of(profile, senate, chosen, held=held),
        "signed": record.sign_off_of(profile, senate, chosen),
        "error": error,
        "page_title": f"Participation record: {profile}",
        "breadcrumbs": _crumbs(senate, _home(senate)),
    }
    return render(http, "participation/member_record.jinja", context)


@requires(MANAGE, on=MEMBER)
def member_statement(http: SignedInRequest, senate: Senate, profile: MemberProfile) -> HttpResponse:
    """The statement for the appraisal year starting 1 April of `?year=` (by default, the latest)."""
    years = record.years_of(profile, senate, today=dt.date.today())
    year = _year(http.GET.get("year"), years) if "year" in http.GET else (years[0] if years else None)
    if year is None:
        raise Http404("They were not a member of this Senate in that year.")
    return statement_response(profile, senate, year)


def statement_response(profile: MemberProfile, senate: Senate, year_from: dt.date) -> HttpResponse:
    pdf = statements.statement_pdf(profile, senate, year_from)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"statement-of-participation-{year_from.year}-{year_from.year + 1}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _year(value: str | None, years: list[dt.date]) -> dt.date | None:
    return next((y for y in years if str(y.year) == (value or "")), None)


def _label(year_from: dt.date) -> str:
    return f"1 April {year_from.year} to 31 March {year_from.year + 1}"


@requires(MANAGE)
def claim_list(http: SignedInRequest, senate: Senate) -> HttpResponse:
    context = {
        "waiting": queries.claims_waiting(senate),
        "decided": queries.claims_decided(senate)[:50],
        "rates": claims.rates_of(senate),
        "page_title": "Involvement payments and expenses claims",
        "breadcrumbs": _crumbs(senate, _home(senate)),
    }
    return render(http, "participation/claims.jinja", context)


@requires(MANAGE, on=CLAIM)
def decide_claim(http: SignedInRequest, senate: Senate, claim: Claim) -> HttpResponse:
    form = DecideClaimForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            claims.decide_claim(claim=claim, approve=approve, reason=form.cleaned_data["reason"], by=http.user)
        except claims.ClaimRefused as refusal:
            form.add_error(refusal.field or "decision", str(refusal))
        else:
            messages.success(http, f"The claim by {claim.profile} has been {claim.get_status_display().lower()}.")
            return redirect(f"/{senate.slug}/participation/claims/")
    context = {
        "claim": claim,
        "form": form,
        "page_title": "Decide a claim",
        "breadcrumbs": _crumbs(senate, _home(senate), (f"/{senate.slug}/participation/claims/", "Claims")),
    }
    return render(http, "participation/decide_claim.jinja", context)


@requires(MANAGE)
def claims_csv(http: SignedInRequest, senate: Senate) -> HttpResponse:
    response = HttpResponse(claims.approved_csv(queries.approved_claims(senate)), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="approved-claims-{senate.slug}.csv"'
    return response


@requires(MANAGE)
def rates(http: SignedInRequest, senate: Senate) -> HttpResponse:
    current = claims.rates_of(senate)
    initial = {"half_day": current.half_day, "full_day": current.full_day, "per_mile": current.per_mile}
    form = RatesForm(_posted(http), initial=initial)
    if http.method == "POST" and form.is_valid():
        claims.set_rates(senate=senate, by=http.user, **form.cleaned_data)
        messages.success(http, "The rates have been saved. Claims submitted from now on use them.")
        return redirect(f"/{senate.slug}/participation/claims/")
    context = {
        "form": form,
        "page_title": "Involvement payment and expenses rates",
        "breadcrumbs": _crumbs(senate, _home(senate), (f"/{senate.slug}/participation/claims/", "Claims")),
    }
    return render(http, "participation/rates.jinja", context)


@requires(MANAGE)
def development_list(http: SignedInRequest, senate: Senate) -> HttpResponse:
    context = {
        "developments": queries.developments(senate)[:100],
        "experience": queries.experience(senate),
        "page_title": "Development opportunities",
        "breadcrumbs": _crumbs(senate, _home(senate)),
    }
    return render(http, "participation/development.jinja", context)


@requires(MANAGE, on=DEVELOPMENT)
def make_offer(http: SignedInRequest, senate: Senate, development: Development) -> HttpResponse:
    form = OfferForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        try:
            developing.offer(development=development, offer_text=form.cleaned_data["offer"], by=http.user)
        except developing.DevelopmentRefused as refusal:
            form.add_error("offer", str(refusal))
        else:
            messages.success(http, f"{development.profile} has been offered {development.get_kind_display().lower()}.")
            return redirect(f"/{senate.slug}/participation/development/")
    context = {
        "development": development,
        "form": form,
        "page_title": "Offer a development opportunity",
        "breadcrumbs": _crumbs(senate, _home(senate), (f"/{senate.slug}/participation/development/", "Development")),
    }
    return render(http, "participation/offer.jinja", context)
