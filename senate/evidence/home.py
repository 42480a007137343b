"""Front-page tasks from evidence (see organisations.home): for a requester, each piece of evidence
the Senate asked their organisation for that has not been uploaded yet, with its due date; for a
panel member, each review whose evidence they cannot open until they confirm their declarations."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import Role, User
from senate.accounts.roles import organisations_for, roles_in
from senate.evidence.models import EvidenceRequest
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.reviews.stages import FINISHED

# The stages in which the panel works on the evidence.
PANEL_WORK = {"panel_recruited", "evidence_received", "desktop_review", "fieldwork", "panel_meeting"}


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    found = _to_attest(user, senate)
    if Role.REQUESTER in roles_in(user, senate):
        found += _to_upload(user, senate, today)
    return found


def _to_attest(user: User, senate: Senate) -> list[Task]:
    from django.apps import apps

    from senate.interests.models import Attestation

    # Panels sit below evidence in the layering: its model is looked up by name, as access.is_on_panel does.
    panel_member = apps.get_model("panels", "PanelMember")
    seats = panel_member.objects.filter(
        profile__user=user, status="accepted", request__senate=senate, request__stage__in=PANEL_WORK
    ).select_related("request")
    attested = set(
        Attestation.objects.filter(profile__user=user, request__senate=senate).values_list("request_id", flat=True)
    )
    return [
        Task(
            f"Confirm your declarations of interest for {seat.request.reference} to open its evidence",
            reverse("evidence:library", args=[senate.slug, seat.request_id]),
        )
        for seat in seats
        if seat.request_id not in attested
    ]


def _to_upload(user: User, senate: Senate, today: dt.date) -> list[Task]:
    waiting = (
        EvidenceRequest.objects.filter(
            request__senate=senate,
            request__requesting_organisation_id__in=organisations_for(user, senate),
            items__isnull=True,
        )
        .exclude(request__stage__in=FINISHED)
        .exclude(request__origin="senate")
        .select_related("request")
    )
    return [
        Task(
            f"{asked.request.reference}: upload {asked.title}",
            reverse("evidence:library", args=[senate.slug, asked.request_id]),
            due_on=asked.due_on,
            overdue=asked.due_on < today,
        )
        for asked in waiting
    ]
