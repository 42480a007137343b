"""A member's own pages: invitations with accept or decline, their panel settings and times away."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.interests.attestation import has_attested
from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.panels import availability, invitations, queries
from senate.panels.forms import AbsenceForm, AvailabilityForm, RespondForm
from senate.panels.models import PanelMember
from senate.panels.permission_names import PanelsPermission as P
from senate.panels.served import SEAT
from senate.panels.views.common import crumbs
from senate.reviews import sections


# Lent members belong to another Senate, so this page is open to the member whose seat it is,
# whichever Senate they come from; anyone else is told there is no such invitation (404).
@requires(P.ANSWER, on=SEAT)
def invitation(http: SignedInRequest, senate: Senate, seat: PanelMember) -> HttpResponse:
    form = RespondForm(http.POST if http.method == "POST" else None)
    if http.method == "POST" and form.is_valid():
        try:
            invitations.respond(
                seat, accept=form.cleaned_data["answer"] == "accept", reason=form.cleaned_data["reason"], by=http.user
            )
        except invitations.AnswerRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, "Thank you. Your answer has been sent to the Senate team.")
            if http.user.has_perm(P.OWN, senate):
                return redirect("panels:mine", senate.slug)
            return redirect("panels:invitation", senate.slug, seat.pk)
    # Once accepted, the seat page is the member's way into the review's work: each part they may open.
    work = sections.links_for(http, seat.request) if seat.status == PanelMember.Status.ACCEPTED else []
    return render(
        http,
        "panels/invitation.jinja",
        {
            "seat": seat,
            "advice_request": seat.request,
            "form": form,
            "work": work,
            "must_attest": seat.status == PanelMember.Status.ACCEPTED and not has_attested(seat.profile, seat.request),
            "page_title": f"Panel invitation: {seat.request}",
            # A lent member's own list is under their own Senate, not the borrowing one.
            "breadcrumbs": crumbs(senate, (reverse("panels:mine", args=[senate.slug]), "Your panels"))
            if http.user.has_perm(P.OWN, senate)
            else crumbs(senate),
        },
    )


@requires(P.OWN)
def mine(http: SignedInRequest, senate: Senate) -> HttpResponse:
    """The member's own panels, their panel settings and their times away."""
    profile = _profile(http)
    current = queries.availability_of(profile)
    initial = {"max_panels": 2, "consents_to_loan": str(profile.willing_to_serve_other_senates)}
    if current:
        initial = {"max_panels": current.max_panels, "consents_to_loan": str(current.consents_to_loan)}
    form = AvailabilityForm(http.POST if http.method == "POST" else None, initial=initial)
    if http.method == "POST" and form.is_valid():
        availability.save_settings(
            profile,
            max_panels=form.cleaned_data["max_panels"],
            consents_to_loan=form.cleaned_data["consents_to_loan"],
            by=http.user,
            senate=senate,
        )
        messages.success(http, "Your panel settings have been saved.")
        return redirect("panels:mine", senate.slug)
    return _mine_page(http, senate, profile, form=form, absence_form=AbsenceForm())


@require_POST
@requires(P.OWN)
def add_absence(http: SignedInRequest, senate: Senate) -> HttpResponse:
    profile = _profile(http)
    form = AbsenceForm(http.POST)
    if form.is_valid():
        try:
            availability.add_absence(
                profile, **form.cleaned_data, by=http.user, senate=senate, today=timezone.localdate()
            )
        except availability.AbsenceRefused as refused:
            form.add_error(refused.field, str(refused))
        else:
            messages.success(http, "Your time away has been added.")
            return redirect("panels:mine", senate.slug)
    return _mine_page(http, senate, profile, form=None, absence_form=form, status=400)


@require_POST
@requires(P.OWN)
def remove_absence(http: SignedInRequest, senate: Senate, absence_id: int) -> HttpResponse:
    absence = queries.absence_of(_profile(http), absence_id)
    if absence is None:
        raise Http404("There is no such time away.")
    availability.remove_absence(absence, by=http.user, senate=senate)
    messages.success(http, "That time away has been removed.")
    return redirect("panels:mine", senate.slug)


def _profile(http: HttpRequest) -> Any:
    profile = getattr(http.user, "profile", None)
    if profile is None:
        raise Http404("You have no member profile.")
    return profile


def _mine_page(
    http: HttpRequest,
    senate: Senate,
    profile: MemberProfile,
    *,
    form: AvailabilityForm | None,
    absence_form: AbsenceForm | None,
    status: int = 200,
) -> HttpResponse:
    if form is None:
        current = queries.availability_of(profile)
        form = AvailabilityForm(
            initial={
                "max_panels": current.max_panels if current else 2,
                "consents_to_loan": str(
                    current.consents_to_loan if current else profile.willing_to_serve_other_senates
                ),
            }
        )
    seats = queries.seats_of_member(profile)
    context = {
        "seats": seats,
        "form": form,
        "absence_form": absence_form,
        "absences": availability.upcoming(profile, timezone.localdate()),
        "page_title": "Your panels",
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "panels/mine.jinja", context, status=status)
