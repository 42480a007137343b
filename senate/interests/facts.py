"""The facts of a review that conflict screening needs, as plain values. Reviews sit above interests in
the import order, so screening never sees a Request: reviews (and later panels) pass a ReviewFacts,
and `facts_for_request` reads one from a request through the ORM alone (docs/adr/0003)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from django.db.models import Exists, OuterRef, Q

from senate.interests.models import ConflictDecision
from senate.members.models import Expertise
from senate.organisations.models import Organisation, OrganisationType, Senate

T_co = TypeVar("T_co", covariant=True)


class Rows(Protocol[T_co]):
    """A request's related records as the ORM gives them (a related manager or a queryset)."""

    def all(self) -> Iterable[T_co]: ...
    def filter(self, *args: Any, **kwargs: Any) -> Any: ...
    def values(self, *fields: str) -> Any: ...
    def values_list(self, *fields: str, flat: bool = ...) -> Iterable[Any]: ...


class Partners(Protocol):
    """The Senates asked to join a request's joint review (reviews.PartnerSenate rows)."""

    def filter(self, *, status: str) -> Rows[object]: ...


class AdviceRequest(Protocol):
    """What this app reads of a request for advice (reviews.Request, which sits above interests in the
    import order, so it is named by what it offers rather than imported)."""

    @property
    def pk(self) -> int: ...
    @property
    def senate(self) -> Senate: ...
    @property
    def senate_id(self) -> int: ...
    @property
    def requesting_organisation(self) -> Organisation | None: ...
    @property
    def requesting_organisation_id(self) -> int | None: ...
    @property
    def sponsor_organisation(self) -> Organisation | None: ...
    @property
    def sponsor_organisation_id(self) -> int | None: ...
    @property
    def affected_organisations(self) -> Rows[Organisation]: ...
    @property
    def service_areas(self) -> Rows[Expertise]: ...
    @property
    def places(self) -> str: ...
    @property
    def contentious(self) -> bool: ...
    @property
    def partners(self) -> Partners: ...


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
    # The names of the organisations and ICB areas the request names, when read with the facts
    # (screening reads them itself otherwise).
    names: dict[int, str] | None = field(default=None, compare=False, hash=False)
    # The request's services by name, in their order, when read with the facts (pages show them).
    service_names: tuple[str, ...] | None = field(default=None, compare=False, hash=False)


def request_model() -> Any:
    """reviews.Request, reached through the foreign key by name that a conflict decision has to it
    (docs/adr/0003), so this app never imports the reviews app."""
    return ConflictDecision._meta.get_field("request").related_model


def facts_for_request(request: AdviceRequest, *, on: dt.date | None = None) -> ReviewFacts:
    """A request's facts: its organisations, the ICB areas they sit in, services, places and whether
    it is contentious. The requester's and sponsor's own areas count as affected areas too."""
    # Every organisation the request names, with whether it is an affected one, in one query.
    direct = [i for i in (request.requesting_organisation_id, request.sponsor_organisation_id) if i]
    listed = request.affected_organisations
    read = (
        Organisation.objects.filter(Q(pk__in=listed.values("pk")) | Q(pk__in=direct))
        .annotate(affected=Exists(listed.filter(pk=OuterRef("pk"))))
        .values_list("pk", "type", "icb_id", "name", "icb__name", "affected")
    )
    affected: set[int] = set()
    icbs: set[int] = set()
    names: dict[int, str] = {}
    for pk, kind, icb_id, name, icb_name, is_affected in read:
        if is_affected:
            affected.add(pk)
        names[pk] = name
        if kind == OrganisationType.ICB:
            icbs.add(pk)
        elif icb_id:
            icbs.add(icb_id)
            names[icb_id] = icb_name
    services = list(request.service_areas.all())  # as the request's loader prefetched them, if it did
    return ReviewFacts(
        requesting_organisation_id=request.requesting_organisation_id,
        sponsor_organisation_id=request.sponsor_organisation_id,
        affected_organisation_ids=frozenset(affected),
        affected_icb_ids=frozenset(i for i in icbs if i),
        service_codes=frozenset(area.code for area in services),
        places=request.places or "",
        contentious=bool(request.contentious),
        on=on,
        names=names,
        service_names=tuple(area.name for area in services),
    )
