"""A request's invited witnesses and experts: the list, recording one with their declaration, the
witness's page with the screening outcome, and the Senate team's decision. Each write calls one domain
function in senate.participation.witnesses; a refusal is shown on the form in its words."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.interests.facts import facts_for_request
from senate.organisations.models import Senate
from senate.participation import witnesses
from senate.participation.forms import WitnessDecisionForm, WitnessForm
from senate.participation.models import Witness
from senate.participation.permission_names import ParticipationPermission as P
from senate.participation.served import WITNESS
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST


def _posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None


def _list_url(request: Request) -> str:
    return f"/{request.senate.slug}/participation/requests/{request.pk}/witnesses/"


def _crumbs(http: HttpRequest, request: Request, *more: tuple[str, str]) -> list[dict[str, str]]:
    slug = request.senate.slug
    items = [{"href": f"/{slug}/", "text": request.senate.name}]
    if http.user.has_perm(ReviewsPermission.VIEW_REQUEST, request):
        items.append({"href": f"/{slug}/requests/{request.pk}/", "text": request.reference or "Request"})
    return items + [{"href": href, "text": text} for href, text in more]


@requires(P.VIEW_WITNESSES, on=REQUEST)
def witness_list(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    facts = facts_for_request(request)  # once for the page, not once a witness
    rows = [(w, witnesses.outcome(witnesses.screen_witness(w, facts))) for w in witnesses.witnesses_of(request)]
    context = {
        "advice_request": request,
        "rows": rows,
        "can_record": http.user.has_perm(P.RECORD_WITNESSES, request),
        "page_title": "Witnesses and experts",
        "breadcrumbs": _crumbs(http, request),
    }
    return render(http, "participation/witnesses.jinja", context)


@requires(P.RECORD_WITNESSES, on=REQUEST)
def new_witness(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = WitnessForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            witness = witnesses.record_witness(
                request=request,
                name=data["name"],
                organisation=data["organisation"],
                kind=data["kind"],
                spoke_to=data["spoke_to"],
                heard_on=data["heard_on"],
                declared=form.declared(),
                nothing_to_declare=data["nothing_to_declare"],
                by=http.user,
            )
        except witnesses.WitnessRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else "interest_1_organisation", str(refusal))
        else:
            messages.success(http, f"{witness.name} has been recorded. Decide how their interests are handled.")
            return redirect(f"{_list_url(request)}{witness.pk}/")
    context = {
        "form": form,
        "back": _list_url(request),
        "submit": "Record the witness",
        "page_title": "Record a witness or expert",
        "breadcrumbs": _crumbs(http, request, (_list_url(request), "Witnesses and experts")),
    }
    return render(http, "participation/new_witness.jinja", context)


@requires(P.VIEW_WITNESSES, on=WITNESS)
def witness_page(http: SignedInRequest, senate: Senate, witness: Witness) -> HttpResponse:
    request = witness.request
    found = witnesses.screen_witness(witness)
    context = {
        "advice_request": request,
        "witness": witness,
        "conflicts": found,
        "outcome": witnesses.outcome(found),
        "can_decide": http.user.has_perm(P.RECORD_WITNESSES, request),
        "page_title": witness.name,
        "breadcrumbs": _crumbs(http, request, (_list_url(request), "Witnesses and experts")),
    }
    return render(http, "participation/witness.jinja", context)


@requires(P.RECORD_WITNESSES, on=WITNESS)
def decide_witness(http: SignedInRequest, senate: Senate, witness: Witness) -> HttpResponse:
    request = witness.request
    initial = {"decision": witness.decision, "reason": witness.decision_reason} if witness.decision else None
    form = WitnessDecisionForm(_posted(http), initial=initial)
    if http.method == "POST" and form.is_valid():
        try:
            witnesses.decide_witness(
                witness=witness,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                by=http.user,
            )
        except witnesses.WitnessRefused as refusal:
            form.add_error(refusal.field or "decision", str(refusal))
        else:
            messages.success(http, f"The decision on {witness.name} has been saved.")
            return redirect(f"{_list_url(request)}{witness.pk}/")
    found = witnesses.screen_witness(witness)
    context = {
        "form": form,
        "witness": witness,
        "conflicts": found,
        "outcome": witnesses.outcome(found),
        "back": f"{_list_url(request)}{witness.pk}/",
        "submit": "Save the decision",
        "page_title": f"Decide on {witness.name}'s interests",
        "breadcrumbs": _crumbs(http, request, (_list_url(request), "Witnesses and experts")),
    }
    return render(http, "participation/decide_witness.jinja", context)
