from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet

from senate.accounts.models import User
from senate.accounts.roles import organisations_for, roles_in
from senate.organisations.models import Organisation, Senate
from senate.reviews.models import Origin, PartnerSenate, Programme, Request, RequestEvent
from senate.reviews.stages import Stage


def requests_visible_to(user: User, senate: Senate) -> QuerySet[Request]:
    """The Senate team and overseers see every submitted request; requesters see their organisation's.
    A Senate's team and Council also see the joint reviews another Senate leads with it as a partner."""
    base = Request.objects.filter(senate=senate)
    roles = roles_in(user, senate)
    if roles & {"manager", "chair", "vice_chair", "council_member", "assurance_viewer"}:
        found = base.exclude(stage=Stage.DRAFT) | base.filter(stage=Stage.DRAFT, created_by=user)
        if roles & {"manager", "chair", "vice_chair", "council_member"}:
            joint = PartnerSenate.objects.filter(senate=senate, status=PartnerSenate.Status.ACCEPTED)
            found = found | Request.objects.filter(pk__in=joint.values("request_id")).exclude(stage=Stage.DRAFT)
    else:
        orgs = organisations_for(user, senate)
        found = base.filter(requesting_organisation_id__in=orgs) | base.filter(sponsor_organisation_id__in=orgs)
        found = found.exclude(origin=Origin.SENATE)
    return found.select_related("requesting_organisation", "programme", "senate").prefetch_related(
        Prefetch("partners", queryset=PartnerSenate.objects.select_related("senate"))
    )


def request_in(senate: Senate, pk: int) -> Request | None:
    return (
        Request.objects.filter(senate=senate, pk=pk)
        .select_related("requesting_organisation", "sponsor_organisation", "programme", "senate", "created_by")
        .prefetch_related("service_areas", "affected_organisations")
        .first()
    )


def programme_in(senate: Senate, pk: int) -> Programme | None:
    return Programme.objects.filter(senate=senate, pk=pk).select_related("lead_organisation").first()


def programme_requests(user: User, senate: Senate, programme_id: int) -> list[Request]:
    """The programme's requests this person may see, oldest first, each with `moves`: the events
    that moved it from stage to stage, oldest first (all its page shows of them). Read once."""
    moves = Prefetch("events", queryset=RequestEvent.objects.exclude(to_stage=""), to_attr="moves")
    visible = requests_visible_to(user, senate).filter(programme_id=programme_id).order_by("submitted_at", "pk")
    return list(visible.prefetch_related(moves))


def first_organisation(ids: Iterable[int]) -> Organisation | None:
    """The first by name of the organisations with these ids (the one a new request is made for)."""
    return Organisation.objects.filter(pk__in=ids).order_by("name").first()


def programmes_of(senate: Senate) -> QuerySet[Programme]:
    return Programme.objects.filter(senate=senate).select_related("lead_organisation").order_by("title")


def recommendation_numbered(request: Request, number: int) -> Any:
    """The request's recommendation with this number (a 404 for any other)."""
    from django.http import Http404

    found = request.recommendations.filter(number=number).first()
    if found is None:
        raise Http404("No such recommendation.")
    return found
