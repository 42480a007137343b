from typing import Any

from django.db.models import QuerySet

from senate.accounts.roles import organisations_for, roles_in
from senate.reviews.models import Origin, Programme, Request
from senate.reviews.stages import Stage


def requests_visible_to(user: Any, senate: Any) -> QuerySet[Request]:
    """The Senate team and overseers see every submitted request; requesters see their organisation's."""
    base = Request.objects.filter(senate=senate).select_related("requesting_organisation", "programme")
    roles = roles_in(user, senate)
    if roles & {"manager", "chair", "vice_chair", "council_member", "assurance_viewer"}:
        return base.exclude(stage=Stage.DRAFT) | base.filter(stage=Stage.DRAFT, created_by=user)
    orgs = organisations_for(user, senate)
    mine = base.filter(requesting_organisation_id__in=orgs) | base.filter(sponsor_organisation_id__in=orgs)
    return mine.exclude(origin=Origin.SENATE)


def request_in(senate: Any, pk: int) -> Request | None:
    return (
        Request.objects.filter(senate=senate, pk=pk)
        .select_related("requesting_organisation", "sponsor_organisation", "programme", "senate", "created_by")
        .prefetch_related("service_areas", "affected_organisations")
        .first()
    )


def programmes_of(senate: Any) -> QuerySet[Programme]:
    return Programme.objects.filter(senate=senate).select_related("lead_organisation").order_by("title")
