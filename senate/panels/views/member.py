"""A member's own pages: invitations with accept or decline, and their panel settings."""

from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from senate.core.access import requires, signed_in
from senate.panels import invitations
from senate.panels.forms import AvailabilityForm, RespondForm
from senate.panels.models import PanelAvailability, PanelMember
from senate.panels.permissions import PanelsPermission as P
from senate.panels.views.common import crumbs


def _own_seat(http: HttpRequest, senate: Any, pk: int) -> PanelMember:
    seat = (
        PanelMember.objects.filter(pk=pk, profile__user_id=cast(int, http.user.pk))
        .select_related("request__senate", "profile__user")
        .first()
    )
    if seat is None:
        raise Http404("You have no invitation with that number.")
    return seat


# Lent members belong to another Senate, so this page is open to anyone signed in and shows
# only the signed-in person's own invitation (404 otherwise).
@signed_in
def invitation(http: HttpRequest, senate: Any, pk: int) -> HttpResponse:
    seat = _own_seat(http, senate, pk)
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
    return render(
        http,
        "panels/invitation.jinja",
        {
            "seat": seat,
            "request_": seat.request,
            "form": form,
            "page_title": f"Panel invitation: {seat.request}",
            # A lent member's own list is under their own Senate, not the borrowing one.
            "breadcrumbs": crumbs(senate, (reverse("panels:mine", args=[senate.slug]), "Your panels"))
            if http.user.has_perm(P.OWN, senate)
            else crumbs(senate),
        },
    )


@requires(P.OWN)
def mine(http: HttpRequest, senate: Any) -> HttpResponse:
    profile = getattr(http.user, "profile", None)
    if profile is None:
        raise Http404("You have no member profile.")
    current = PanelAvailability.objects.filter(profile=profile).first()
    initial = {"max_panels": 2, "consents_to_loan": str(profile.willing_to_serve_other_senates)}
    if current:
        initial = {
            "max_panels": current.max_panels,
            "away_from": current.away_from,
            "away_until": current.away_until,
            "consents_to_loan": str(current.consents_to_loan),
        }
    form = AvailabilityForm(http.POST if http.method == "POST" else None, initial=initial)
    if http.method == "POST" and form.is_valid():
        from senate.core import audit

        saved, _ = PanelAvailability.objects.update_or_create(profile=profile, defaults=form.cleaned_data)
        audit.record("panels.availability", saved, by=http.user, senate=senate, summary="Panel availability changed")
        messages.success(http, "Your panel settings have been saved.")
        return redirect("panels:mine", senate.slug)
    seats = PanelMember.objects.filter(profile=profile).select_related("request__senate").order_by("-invited_at")
    return render(
        http,
        "panels/mine.jinja",
        {"seats": seats, "form": form, "page_title": "Your panels", "breadcrumbs": crumbs(senate)},
    )
