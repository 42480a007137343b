"""Recommendations as records: reviews.Recommendation rows (which feed the follow-up reviews already
runs) each linked to the criterion they arise from."""

from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core.memo import remembered
from senate.interests.restrictions import restrictions_for
from senate.reports.models import Criterion, RecommendationCriterion, ReviewCriterion
from senate.reviews import follow_up
from senate.reviews.models import Request


def add(
    request: Request, *, text: str, theme: str, addressee: str, priority: str, criterion: Criterion | None, by: User
) -> Any:
    if criterion is not None and not ReviewCriterion.objects.filter(request=request, criterion=criterion).exists():
        raise ValueError("That criterion is not one of this review's")
    if not text.strip():
        raise ValueError("Enter the recommendation")
    if not restrictions_for(by, request).may_agree_recommendations():
        raise ValueError(follow_up.RESTRICTED)
    with transaction.atomic():
        rec = follow_up.add_recommendation(
            request, text=text.strip(), theme=theme, addressee=addressee or request.requesting_organisation.name,
            priority=priority, by=by,
        )  # fmt: skip
        if criterion is not None:
            RecommendationCriterion.objects.create(recommendation=rec, criterion=criterion)
    return rec


def with_criteria(request: Request) -> list[Any]:
    """The request's recommendations in number order, each with `.criterion` (or None); read once per
    web request (a page that shows the report and the recommendations beside it asks twice)."""
    return remembered(("recommendations", request.pk), lambda: _with_criteria(request))


def _with_criteria(request: Request) -> list[Any]:
    # Any: each gets `.criterion`, an attribute the model does not declare, for the templates to read
    recs: list[Any] = list(request.recommendations.select_related("criterion_link__criterion").order_by("number"))
    for rec in recs:
        link = getattr(rec, "criterion_link", None)
        rec.criterion = link.criterion if link else None
    return recs
