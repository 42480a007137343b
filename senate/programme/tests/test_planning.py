"""The forward plan: items with expected dates, scored against weighted criteria, ranked."""

import datetime as dt
from decimal import Decimal

import pytest

from senate.core.models import AuditEvent
from senate.programme import planning, queries
from senate.programme.tests.factories import YEAR
from senate.reviews.tests.factories import RequestFactory


@pytest.fixture
def criteria(senate):
    return planning.criteria_for(senate)


def _scores(criteria, *values):
    return {c.pk: (v, f"Because {v}") for c, v in zip(criteria, values, strict=True)}


def test_the_four_default_criteria_weigh_equally(criteria):
    assert [c.name for c in criteria] == [
        "Scale of impact", "Urgency", "Inequalities", "Fit with the Senate's remit"
    ]  # fmt: skip
    assert {c.weight for c in criteria} == {1}


def test_items_rank_by_weighted_score_and_weights_rescore_them(senate, cast, criteria):
    a = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    b = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.score_item(a, _scores(criteria, 5, 1, 1, 1), by=cast["manager"])
    planning.score_item(b, _scores(criteria, 1, 3, 3, 3), by=cast["manager"])
    assert a.score == Decimal("40.00") and b.score == Decimal("50.00")
    assert list(queries.plan_items(senate, YEAR)) == [b, a]
    planning.set_weights(senate, {criteria[0].pk: 10}, by=cast["chair"])
    assert list(queries.plan_items(senate, YEAR)) == [a, b]
    assert AuditEvent.objects.filter(action="plan.weights_changed").exists()


def test_a_score_needs_its_reason_and_a_refused_score_writes_nothing(senate, cast, criteria):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    scores = _scores(criteria, 3, 3, 3, 3) | {criteria[2].pk: (3, "  ")}
    with pytest.raises(planning.PlanRefused) as refused:
        planning.score_item(item, scores, by=cast["manager"])
    assert refused.value.field == f"rationale_{criteria[2].pk}"
    assert not item.scores.exists()


def test_a_changed_score_is_audited_with_its_rationale_before_and_after(senate, cast, criteria):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.score_item(item, {criteria[1].pk: (2, "Decision next year")}, by=cast["manager"])
    planning.score_item(item, {criteria[1].pk: (5, "Decision brought forward")}, by=cast["manager"])
    event = AuditEvent.objects.filter(action="plan.item_scored").order_by("-id").first()
    assert event.data["changed"]["Urgency"] == ["2: Decision next year", "5: Decision brought forward"]


def test_dates_out_of_order_are_refused_naming_the_field(senate, cast):
    start = dt.date(YEAR, 6, 1)
    with pytest.raises(planning.PlanRefused) as refused:
        planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"],
                             expected_start=start, advice_due=start - dt.timedelta(days=1))  # fmt: skip
    assert refused.value.field == "advice_due"


def test_a_request_is_planned_once_a_year_and_never_as_a_draft(senate, cast):
    request = RequestFactory()
    planning.add_to_plan(senate=senate, year=YEAR, request=request, by=cast["manager"])
    with pytest.raises(planning.PlanRefused, match="already"):
        planning.add_to_plan(senate=senate, year=YEAR, request=request, by=cast["manager"])
    with pytest.raises(planning.PlanRefused, match="received"):
        planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(stage="draft"), by=cast["manager"])


def test_the_plan_year_runs_april_to_march():
    assert planning.plan_year_of(dt.date(2027, 3, 31)) == 2026
    assert planning.plan_year_of(dt.date(2027, 4, 1)) == 2027
    assert planning.year_label(2026) == "2026/27"


def test_an_unscored_item_ranks_last_on_every_database(senate, cast, criteria):
    """PostgreSQL puts NULL first when sorting downwards; the plan says unscored items come last."""
    unscored = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    scored = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.score_item(scored, _scores(criteria, 1, 1, 1, 1), by=cast["manager"])
    assert list(queries.plan_items(senate, YEAR)) == [scored, unscored]
