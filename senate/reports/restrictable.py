"""What the reports app answers for conflict restrictions (`interests.restrictions`, earlier in the
app order): the assessment criteria a restriction may name. Registered in `ReportsConfig.ready()`."""

from typing import Any

from django.db.models import Q

from senate.interests.restrictions import Restrictable
from senate.reports.models import Criterion, ReviewCriterion
from senate.reviews.models import Request


def criterion_choices(request: Request) -> list[tuple[str, str]]:
    """This review's criteria or, before they are chosen, the Senate's framework."""
    chosen = ReviewCriterion.objects.filter(request=request).values("criterion_id")
    criteria = Criterion.objects.filter(pk__in=chosen)
    if not criteria.exists():
        criteria = Criterion.objects.filter(Q(senate__isnull=True) | Q(senate=request.senate), optional=False)
    return [(str(c.pk), c.title) for c in criteria.order_by("order", "pk")]


def _in_framework(request: Request, pks: list[Any]) -> int:
    """How many of these criteria are in this Senate's framework."""
    return Criterion.objects.filter(Q(senate__isnull=True) | Q(senate=request.senate), pk__in=pks).count()


def _titles(pks: list[Any]) -> dict[Any, str]:
    return {criterion.pk: str(criterion) for criterion in Criterion.objects.filter(pk__in=pks)}


CRITERIA = Restrictable(choices=criterion_choices, count_valid=_in_framework, titles=_titles)
