"""What a Senate publishes, over the API: its register of interests (as on the public page, never a
withheld or unpublishable entry) and the advice it has published with the requester's permission
(redacted as agreed). Public records, so any valid token may read them."""

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from senate.council import publication
from senate.interests.register import date_error, public_register
from senate.organisations.queries import senate_named

router = Router(tags=["Published records"])


class EntryOut(Schema):
    member: str
    role: str
    kind: str
    organisation_or_body: str
    nature: str
    started_on: dt.date | None
    ended_on: dt.date | None
    declared_on: dt.date


class NotDeclaredOut(Schema):
    member: str
    status: str


class RegisterOut(Schema):
    senate: str
    on: dt.date
    entries: list[EntryOut]
    not_declared: list[NotDeclaredOut]
    withheld: int


class PublishedAdviceOut(Schema):
    reference: str | None
    title: str
    kind: str
    requesting_organisation: str
    permission_given_on: dt.date
    published_from: dt.date | None
    page: str


@router.get("/senates/{slug}/register", response=RegisterOut, summary="The published register of interests")
def register(request: HttpRequest, slug: str, on: dt.date | None = None) -> dict:
    """As on the Senate's public page, today or as it stood `on` a past date."""
    senate, today = senate_named(slug), timezone.localdate()
    if on is not None and (error := date_error(senate, on, today)):
        raise HttpError(400, f"on: {error}.")
    found = public_register(senate, on=on or today)
    return {
        "senate": senate.slug,
        "on": found.on,
        "entries": [
            {
                "member": e.member,
                "role": e.role,
                "kind": e.kind,
                "organisation_or_body": e.body,
                "nature": e.nature,
                "started_on": e.started_on,
                "ended_on": e.ended_on,
                "declared_on": e.declared_on,
            }  # fmt: skip
            for e in found.entries
        ],
        "not_declared": [{"member": name, "status": what} for name, what in found.not_declared],
        "withheld": found.withheld,
    }


@router.get(
    "/senates/{slug}/published-advice", response=list[PublishedAdviceOut], summary="Advice the Senate has published"
)
def published_advice(request: HttpRequest, slug: str) -> list[dict]:
    """Ratified, issued advice whose requester has permitted publication from today or earlier."""
    senate = senate_named(slug)
    return [
        {
            "reference": r.reference,
            "title": publication.public_title(r),
            "kind": r.kind,
            "requesting_organisation": r.requesting_organisation.code,
            "permission_given_on": r.publication_permission.given_on,
            "published_from": r.publication_permission.publish_from,
            "page": request.build_absolute_uri(reverse("council:public_report", args=[senate.slug, r.pk])),
        }
        for r in publication.public_requests(senate, today=timezone.localdate())
    ]
