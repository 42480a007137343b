"""Recommendations and what happens to them: the requester's response to each, and the Senate's
follow-up until the request is closed. (The report issue composes recommendations into reports.)"""

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.interests.restrictions import restrictions_for
from senate.reviews.models import FollowUp, Implementation, Recommendation, RecommendationResponse, Request
from senate.reviews.stages import Stage

EDITABLE = {
    Stage.PANEL_MEETING,
    Stage.DRAFT_REPORT,
    Stage.FACTUAL_ACCURACY,
    Stage.REPORT_REVISED,
    Stage.ACCEPTED,
    Stage.ADVICE_DRAFTED,
}
ANSWERABLE = {Stage.ISSUED, Stage.PUBLISHED}
RESTRICTED = "Your restriction on this review means you may not agree or vote on the recommendations"


def add_recommendation(
    request: Request, *, text: str, theme: str, addressee: str, priority: str, by: User
) -> Recommendation:
    if request.stage not in EDITABLE:
        raise ValueError("Recommendations can be added while the advice is being written, not after it is approved.")
    if not restrictions_for(by, request).may_agree_recommendations():
        raise ValueError(RESTRICTED)
    with transaction.atomic():
        number = (request.recommendations.aggregate(n=Max("number"))["n"] or 0) + 1
        rec = Recommendation.objects.create(
            request=request, number=number, theme=theme, text=text, addressee=addressee, priority=priority
        )
        audit.record(
            "recommendation.added", rec, by=by, senate=request.senate, summary=f"Recommendation {number} added"
        )
    return rec


def respond(
    rec: Recommendation, *, decision: str, narrative: str, planned_date: dt.date | None, by: User
) -> RecommendationResponse:
    if rec.request.stage not in ANSWERABLE:
        raise ValueError("Responses are recorded once the advice has been issued.")
    with transaction.atomic():
        response = RecommendationResponse.objects.create(
            recommendation=rec, decision=decision, narrative=narrative, planned_date=planned_date, by=by
        )
        audit.record(
            "recommendation.responded",
            rec,
            by=by,
            senate=rec.request.senate,
            summary=f"Response to recommendation {rec.number}: {response.get_decision_display()}",
        )
    return response


def record_follow_up(request: Request, *, note: str, recommendation: Recommendation | None, by: User) -> FollowUp:
    if request.stage not in {Stage.RESPONSE_RECEIVED, Stage.FOLLOW_UP}:
        raise ValueError("Follow-up is recorded after the requester has responded.")
    with transaction.atomic():
        entry = FollowUp.objects.create(request=request, recommendation=recommendation, note=note, by=by)
        audit.record("request.followed_up", request, by=by, senate=request.senate, summary="Follow-up recorded")
    return entry


# Follow-up continues to implementation, during follow-up and after the request is closed.
IMPLEMENTABLE = {Stage.RESPONSE_RECEIVED, Stage.FOLLOW_UP, Stage.CLOSED}


class Refused(ValueError):
    """Input the rule refuses, naming the field it was entered in."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def record_implementation(
    rec: Recommendation, *, status: str, on: dt.date, evidence: str, by: User, today: dt.date
) -> Implementation:
    """Where a recommendation stands in being implemented, with the evidence, on a day between the
    advice being issued and today. The requester or the Senate's manager records it."""
    request = rec.request
    if request.stage not in IMPLEMENTABLE:
        raise ValueError("Implementation is recorded once the requester has responded to the recommendations.")
    if status not in Implementation.Status.values:
        raise Refused("status", "Select where implementation stands")
    if not evidence.strip():
        raise Refused("evidence", "Describe the evidence for where implementation stands")
    if on > today:
        raise Refused("on", "The date must be today or in the past")
    issued = request.events.filter(action="issue").order_by("at").values_list("at", flat=True).first()
    if issued is not None and on < timezone.localdate(issued):
        raise Refused(
            "on", f"The date must be on or after the advice was issued ({timezone.localdate(issued):%-d %B %Y})"
        )
    with transaction.atomic():
        entry = Implementation.objects.create(
            recommendation=rec, status=status, on=on, evidence=evidence.strip(), by=by
        )
        audit.record(
            "recommendation.implementation",
            rec,
            by=by,
            senate=request.senate,
            summary=f"Recommendation {rec.number}: {entry.get_status_display()} on {on:%-d %B %Y}",
        )
    return entry
