"""What the reports app answers for conflict restrictions (`interests.restrictions`, earlier in the
app order): the assessment criteria a restriction may name. Registered in `ReportsConfig.ready()`."""

from typing import Any

from django.db.models import Exists, Q, QuerySet

from senate.interests.restrictions import Restrictable
from senate.reports.models import Criterion, ReviewCriterion
from senate.reviews.models import Request


def criterion_choices(request: Request) -> list[tuple[str, str]]:
    """This review's criteria or, before they are chosen, the Senate's framework."""
    chosen = ReviewCriterion.objects.filter(request=request)
    framework = (Q(senate__isnull=True) | Q(senate=request.senate)) & Q(optional=False)
    # One query either way: the chosen criteria, or the framework when none is chosen yet.
    return _choices(Criterion.objects.filter(Q(pk__in=chosen.values("criterion_id")) | (framework & ~Exists(chosen))))


def _choices(criteria: QuerySet[Criterion]) -> list[tuple[str, str]]:
    return [(str(pk), title) for pk, title in criteria.order_by("order", "pk").values_list("pk", "title")]


def _in_framework(request: Request, pks: list[Any]) -> int:
    """How many of these criteria are in this Senate's framework."""
    return Criterion.objects.filter(Q(senate__isnull=True) | Q(senate=request.senate), pk__in=pks).count()


def _titles(pks: list[Any]) -> dict[Any, str]:
    return {criterion.pk: str(criterion) for criterion in Criterion.objects.filter(pk__in=pks)}


CRITERIA = Restrictable(choices=criterion_choices, count_valid=_in_framework, titles=_titles)
