"""The facts of a review that conflict screening needs, as plain values. Reviews sit above interests in
the import order, so screening never sees a Request: reviews (and later panels) pass a ReviewFacts,
and `facts_for_request` reads one from a request through the ORM alone (docs/adr/0003)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q

from senate.interests.models import ConflictDecision
from senate.organisations.models import Organisation, OrganisationType


@dataclass(frozen=True)
class ReviewFacts:
    requesting_organisation_id: int | None
    affected_organisation_ids: frozenset[int] = frozenset()
    affected_icb_ids: frozenset[int] = frozenset()
    service_codes: frozenset[str] = frozenset()
    places: str = ""
    contentious: bool = False
    sponsor_organisation_id: int | None = None
    on: dt.date | None = None


def request_model() -> Any:
    """reviews.Request, reached through the foreign key by name that a conflict decision has to it
    (docs/adr/0003), so this app never imports the reviews app."""
    return ConflictDecision._meta.get_field("request").related_model


def facts_for_request(request: Any, *, on: dt.date | None = None) -> ReviewFacts:
    """A request's facts: its organisations, the ICB areas they sit in, services, places and whether
    it is contentious. The requester's and sponsor's own areas count as affected areas too."""
    # The affected organisations and the requester's and sponsor's, with their ICBs, in one query.
    listed = request.affected_organisations.through.objects.filter(request_id=request.pk)
    own = [i for i in (request.requesting_organisation_id, request.sponsor_organisation_id) if i]
    parties = Organisation.objects.filter(Q(pk__in=listed.values("organisation_id")) | Q(pk__in=own)).annotate(
        affected=Exists(listed.filter(organisation_id=OuterRef("pk")))
    )
    affected: set[int] = set()
    icbs = set()
    for pk, kind, icb_id, is_affected in parties.values_list("pk", "type", "icb_id", "affected"):
        icbs.add(pk if kind == OrganisationType.ICB else icb_id)
        if is_affected:
            affected.add(pk)
    return ReviewFacts(
        requesting_organisation_id=request.requesting_organisation_id,
        sponsor_organisation_id=request.sponsor_organisation_id,
        affected_organisation_ids=frozenset(affected),
        affected_icb_ids=frozenset(i for i in icbs if i),
        service_codes=frozenset(request.service_areas.values_list("code", flat=True)),
        places=request.places or "",
        contentious=bool(request.contentious),
        on=on,
    )
