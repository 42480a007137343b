"""Requests for advice over the API: the same visibility as the pages (a requester sees only their
organisation's requests, nobody else's drafts), through `reviews.queries.requests_visible_to`."""

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from senate.organisations.models import Senate
from senate.reviews import queries
from senate.reviews.models import Request

router = Router(tags=["Requests for advice"])


class EventOut(Schema):
    at: dt.datetime
    action: str
    from_stage: str
    to_stage: str
    reason: str


class RequestOut(Schema):
    id: int
    reference: str | None
    title: str
    kind: str
    stage: str
    requesting_organisation: str
    programme: str | None
    decision_date: dt.date | None
    short_notice: bool
    submitted_at: dt.datetime | None


class RequestDetailOut(RequestOut):
    questions: str
    places: str
    timeline: list[EventOut]


def _senate(request: HttpRequest, slug: str) -> Senate:
    senate = get_object_or_404(Senate, slug=slug)
    if not request.user.has_perm("reviews.view_requests", senate):
        raise HttpError(403, "You do not have permission to see this Senate's requests for advice.")
    return senate


def _out(r: Request) -> dict:
    return {
        "id": r.pk,
        "reference": r.reference,
        "title": r.title,
        "kind": r.kind,
        "stage": r.stage,
        "requesting_organisation": r.requesting_organisation.code,
        "programme": r.programme.title if r.programme else None,
        "decision_date": r.decision_date,
        "short_notice": r.short_notice,
        "submitted_at": r.submitted_at,
    }


@router.get("/senates/{slug}/requests", response=list[RequestOut], summary="Requests for advice you may see")
@paginate(LimitOffsetPagination)
def list_requests(request: HttpRequest, slug: str, stage: str | None = None) -> list[dict]:
    found = queries.requests_visible_to(request.user, _senate(request, slug)).order_by("-created_at")
    if stage:
        found = found.filter(stage=stage)
    return [_out(r) for r in found]


@router.get("/senates/{slug}/requests/{pk}", response=RequestDetailOut, summary="One request with its timeline")
def get_request(request: HttpRequest, slug: str, pk: int) -> dict:
    senate = _senate(request, slug)
    found = queries.requests_visible_to(request.user, senate).filter(pk=pk).first()
    if found is None or not request.user.has_perm("reviews.view_request", found):
        raise HttpError(404, "There is no request with that number that you may see.")
    timeline = [
        {"at": e.at, "action": e.action, "from_stage": e.from_stage, "to_stage": e.to_stage, "reason": e.reason}
        for e in found.events.all()
    ]
    return _out(found) | {"questions": found.questions, "places": found.places, "timeline": timeline}
