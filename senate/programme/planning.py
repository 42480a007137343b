"""The forward plan: which requests and topics the Senate expects to work on in a year, when, with
how many panels and at which Council meeting; and its priorities, scored against criteria the Senate
sets. A plan year is the NHS financial year: 2026 is 1 April 2026 to 31 March 2027."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.organisations.models import Senate
from senate.programme.models import Criterion, PlanItem, Score, Topic
from senate.reviews.models import Request
from senate.reviews.stages import Stage

DEFAULT_CRITERIA = [
    ("Scale of impact", "How many patients, and how much of the system, the advice would affect"),
    ("Urgency", "How soon a decision is due, and the risk of waiting"),
    ("Inequalities", "How far the work could narrow inequalities in access, experience or outcomes"),
    (
        "Fit with the Senate's remit",
        "Independent strategic clinical advice on service change the Senate is placed to give",
    ),
]
MAX_SCORE = 5


class PlanRefused(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def plan_year_of(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def criteria_for(senate: Senate) -> list[Criterion]:
    """The Senate's criteria; the four defaults, weighted equally, until the team changes them."""
    found = list(Criterion.objects.filter(senate=senate))
    if not found:
        Criterion.objects.bulk_create(
            [
                Criterion(senate=senate, name=name, description=text, weight=1, order=i)
                for i, (name, text) in enumerate(DEFAULT_CRITERIA)
            ],
            ignore_conflicts=True,
        )
        found = list(Criterion.objects.filter(senate=senate))
    return found


def set_weights(senate: Senate, weights: dict[int, int], *, by: User) -> None:
    """Change the criteria's weights (0 to 10) and rescore every plan item of the Senate with them."""
    criteria = {c.pk: c for c in criteria_for(senate)}
    if any(not 0 <= w <= 10 for w in weights.values()):
        raise PlanRefused("weights", "Each weight must be a whole number from 0 to 10")
    if not any(weights.get(pk, c.weight) for pk, c in criteria.items()):
        raise PlanRefused("weights", "At least one criterion needs a weight above 0")
    with transaction.atomic():
        changed = {}
        for pk, weight in weights.items():
            criterion = criteria[pk]
            if criterion.weight != weight:
                changed[criterion.name] = [criterion.weight, weight]
                criterion.weight = weight
                criterion.save(update_fields=["weight"])
        if changed:
            for item in PlanItem.objects.filter(senate=senate):
                _rescore(item)
            audit.record(
                "plan.weights_changed",
                next(iter(criteria.values())),
                by=by,
                senate=senate,
                summary="Priority weights changed",
                data={"changed": changed},
            )


def add_to_plan(*, senate: Senate, year: int, request: Request | None = None, topic: Topic | None = None,
                by: User, **dates: object) -> PlanItem:  # fmt: skip
    """Put a request (sent, not finished) or a Senate topic into the year's plan, once."""
    if (request is None) == (topic is None):
        raise PlanRefused("what", "Choose one request or one topic")
    if request is not None and request.stage in {Stage.DRAFT, Stage.DECLINED, Stage.REDIRECTED, Stage.WITHDRAWN}:
        raise PlanRefused("what", "Only a request the Senate has received and is still open can be planned")
    if PlanItem.objects.filter(year=year, request=request, topic=topic).exists():
        raise PlanRefused("what", f"That is already in the {year_label(year)} plan")
    _check_dates(dates)
    with transaction.atomic():
        item = PlanItem.objects.create(senate=senate, year=year, request=request, topic=topic, added_by=by, **dates)
        audit.record(
            "plan.item_added", item, by=by, senate=senate, summary=f"Added to the {year_label(year)} plan: {item.title}"
        )
    return item


def update_item(item: PlanItem, *, by: User, **changes: object) -> PlanItem:
    """Change an item's expected dates, panels or Council meeting; the audit trail keeps before and after."""
    _check_dates({k: changes.get(k, getattr(item, k)) for k in ("expected_start", "expected_panel", "advice_due")})
    with transaction.atomic():
        changed = {k: [getattr(item, k), v] for k, v in changes.items() if getattr(item, k) != v}
        for field, value in changes.items():
            setattr(item, field, value)
        item.save()
        if changed:
            audit.record(
                "plan.item_changed",
                item,
                by=by,
                senate=item.senate,
                summary=f"Plan changed: {item.title}",
                data={"changed": {k: [str(a), str(b)] for k, (a, b) in changed.items()}},
            )
    return item


def _check_dates(dates: dict[str, Any]) -> None:
    start, panel, due = dates.get("expected_start"), dates.get("expected_panel"), dates.get("advice_due")
    if start and panel and panel < start:
        raise PlanRefused("expected_panel", "The panel date must be on or after the expected start")
    if start and due and due < start:
        raise PlanRefused("advice_due", "The advice due date must be on or after the expected start")
    if panel and due and due < panel:
        raise PlanRefused("advice_due", "The advice due date must be on or after the panel date")


def score_item(item: PlanItem, scores: dict[int, tuple[int, str]], *, by: User) -> PlanItem:
    """Score the item against criteria (criterion id -> (0 to 5, rationale)). Every score needs its
    rationale; the audit trail keeps each score and rationale before and after."""
    criteria = {c.pk: c for c in criteria_for(item.senate)}
    for pk, (value, rationale) in scores.items():
        if pk not in criteria:
            raise PlanRefused("scores", "That criterion is not one of this Senate's")
        if not 0 <= value <= MAX_SCORE:
            raise PlanRefused(f"score_{pk}", f"{criteria[pk].name}: the score must be from 0 to {MAX_SCORE}")
        if not rationale.strip():
            raise PlanRefused(f"rationale_{pk}", f"{criteria[pk].name}: give the reason for the score")
    with transaction.atomic():
        before = {s.criterion_id: s for s in item.scores.all()}
        changed = {}
        for pk, (value, rationale) in scores.items():
            old = before.get(pk)
            if old is None or (old.value, old.rationale) != (value, rationale):
                changed[criteria[pk].name] = [
                    None if old is None else f"{old.value}: {old.rationale}",
                    f"{value}: {rationale}",
                ]
            Score.objects.update_or_create(
                item=item, criterion=criteria[pk], defaults={"value": value, "rationale": rationale, "by": by}
            )
        _rescore(item)
        if changed:
            audit.record(
                "plan.item_scored",
                item,
                by=by,
                senate=item.senate,
                summary=f"Priority scored: {item.title} ({item.score})",
                data={"changed": changed},
            )
    return item


def _rescore(item: PlanItem) -> None:
    """The weighted score out of 100: each criterion's score (0-5) times its weight, over the most it could be."""
    pairs = [(s.value, s.criterion.weight) for s in item.scores.select_related("criterion")]
    most = sum(w for _v, w in pairs) * MAX_SCORE
    item.score = (
        None
        if not pairs or not most
        else (Decimal(100 * sum(v * w for v, w in pairs)) / most).quantize(Decimal("0.01"))
    )
    item.save(update_fields=["score"])
