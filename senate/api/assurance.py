"""The assurance timeline of a request over the API: the same visibility as its page (the request
must be one you may see, and the assurance permission is asked of it as the page asks it)."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from senate.api.requests import _visible
from senate.assurance import recording, timeline
from senate.assurance.permission_names import AssurancePermission

router = Router(tags=["Service-change assurance"])


class RowOut(Schema):
    on: dt.date
    side: str
    what: str
    detail: str


class AssuranceOut(Schema):
    reference: str | None
    placement: str
    informs: str
    capital_involved: bool | None
    substantial_variation: bool | None
    notifiable: bool | None
    advice_needed_by: dt.date | None
    temporary_review_date: dt.date | None
    timeline: list[RowOut]


@router.get(
    "/senates/{slug}/requests/{pk}/assurance",
    response=AssuranceOut,
    summary="Where the advice sits: the assurance timeline beside the Senate's own",
)
def get_assurance(request: HttpRequest, slug: str, pk: int) -> dict:
    found = _visible(request, slug, pk)
    if not request.user.has_perm(AssurancePermission.VIEW, found):
        raise HttpError(404, "There is no request with that number that you may see.")
    ctx = recording.context_of(found)
    return {
        "reference": found.reference,
        "placement": timeline.placement(found, ctx),
        "informs": ctx.informs,
        "capital_involved": ctx.capital_involved,
        "substantial_variation": ctx.substantial_variation,
        "notifiable": False if recording.is_urgent_temporary(found) else ctx.notifiable,
        "advice_needed_by": ctx.advice_needed_by,
        "temporary_review_date": ctx.temporary_review_date,
        "timeline": [r.__dict__ for r in timeline.rows(found, ctx)],
    }
