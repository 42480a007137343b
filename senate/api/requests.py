"""Requests for advice over the API: the same visibility as the pages (a requester sees only their
organisation's requests, nobody else's drafts), through `reviews.queries.requests_visible_to`."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from senate.accounts.people import signed_in_person
from senate.organisations.models import Senate
from senate.organisations.queries import senate_named
from senate.reviews import queries
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission

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


class ResponseOut(Schema):
    decision: str
    narrative: str
    planned_date: dt.date | None
    at: dt.datetime


class FollowUpOut(Schema):
    note: str
    at: dt.datetime


class RecommendationOut(Schema):
    number: int
    theme: str
    text: str
    addressee: str
    priority: str
    responses: list[ResponseOut]
    follow_ups: list[FollowUpOut]


class RequestDetailOut(RequestOut):
    questions: str
    places: str
    timeline: list[EventOut]


def _senate(request: HttpRequest, slug: str) -> Senate:
    senate = senate_named(slug)
    if not request.user.has_perm(ReviewsPermission.VIEW_REQUESTS, senate):
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
    found = queries.requests_visible_to(signed_in_person(request), _senate(request, slug)).order_by("-created_at")
    if stage:
        found = found.filter(stage=stage)
    return [_out(r) for r in found]


def _visible(request: HttpRequest, slug: str, pk: int) -> Request:
    found = queries.requests_visible_to(signed_in_person(request), _senate(request, slug)).filter(pk=pk).first()
    if found is None or not request.user.has_perm(ReviewsPermission.VIEW_REQUEST, found):
        raise HttpError(404, "There is no request with that number that you may see.")
    return found


@router.get("/senates/{slug}/requests/{pk}", response=RequestDetailOut, summary="One request with its timeline")
def get_request(request: HttpRequest, slug: str, pk: int) -> dict:
    found = _visible(request, slug, pk)
    timeline = [
        {"at": e.at, "action": e.action, "from_stage": e.from_stage, "to_stage": e.to_stage, "reason": e.reason}
        for e in found.events.all()
    ]
    return _out(found) | {"questions": found.questions, "places": found.places, "timeline": timeline}


@router.get(
    "/senates/{slug}/requests/{pk}/recommendations",
    response=list[RecommendationOut],
    summary="The advice's recommendations, with responses and follow-up",
)
def list_recommendations(request: HttpRequest, slug: str, pk: int) -> list[dict]:
    """Only once the advice is shared with you: the requester from the factual accuracy check (a letter
    of advice: once issued), the Council when asked to approve, NHS England's assurance once issued."""
    found = _visible(request, slug, pk)
    if not request.user.has_perm(ReviewsPermission.VIEW_RECOMMENDATIONS, found):
        raise HttpError(403, "The recommendations are part of the draft advice and have not been shared with you.")
    recs = found.recommendations.order_by("number").prefetch_related("responses", "follow_ups")
    return [
        {
            "number": r.number,
            "theme": r.theme,
            "text": r.text,
            "addressee": r.addressee,
            "priority": r.priority,
            "responses": [
                {"decision": x.decision, "narrative": x.narrative, "planned_date": x.planned_date, "at": x.at}
                for x in r.responses.all()
            ],
            "follow_ups": [{"note": f.note, "at": f.at} for f in r.follow_ups.all()],
        }
        for r in recs
    ]
