"""The forward plan's rules beyond ranking: weights, what may be planned, and changes to an item."""

import datetime as dt
from decimal import Decimal

import pytest

from senate.core.models import AuditEvent
from senate.programme import planning
from senate.programme.tests.factories import YEAR, thematic_topic
from senate.reviews.tests.factories import RequestFactory


@pytest.fixture
def criteria(senate):
    return planning.criteria_for(senate)


def _scores(criteria, *values):
    return {c.pk: (v, f"Because {v}") for c, v in zip(criteria, values, strict=True)}


def test_plan_years_are_labelled_across_the_turn_of_the_century():
    assert planning.year_label(2099) == "2099/00"
    assert planning.year_bounds(2026) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_a_weight_above_ten_is_refused(senate, cast, criteria):
    with pytest.raises(planning.PlanRefused, match="from 0 to 10"):
        planning.set_weights(senate, {criteria[0].pk: 11}, by=cast["manager"])


def test_every_weight_at_zero_is_refused(senate, cast, criteria):
    with pytest.raises(planning.PlanRefused, match="weight above 0"):
        planning.set_weights(senate, {c.pk: 0 for c in criteria}, by=cast["manager"])


def test_unchanged_weights_record_nothing(senate, cast, criteria):
    planning.set_weights(senate, {c.pk: c.weight for c in criteria}, by=cast["manager"])
    assert not AuditEvent.objects.filter(action="plan.weights_changed").exists()


def test_a_criterion_weighted_zero_no_longer_counts_in_the_score(senate, cast, criteria):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.score_item(item, _scores(criteria, 5, 0, 0, 0), by=cast["manager"])
    assert item.score == Decimal("25.00")
    planning.set_weights(senate, {c.pk: 0 for c in criteria[1:]}, by=cast["manager"])
    item.refresh_from_db()
    assert item.score == Decimal("100.00")
    event = AuditEvent.objects.get(action="plan.weights_changed")
    assert event.data["changed"]["Urgency"] == [1, 0]


def test_a_score_above_five_is_refused_on_its_criterion(senate, cast, criteria):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    with pytest.raises(planning.PlanRefused, match="Urgency: the score must be from 0 to 5") as refused:
        planning.score_item(item, {criteria[1].pk: (6, "Very urgent")}, by=cast["manager"])
    assert refused.value.field == f"score_{criteria[1].pk}"


def test_a_score_against_another_senates_criterion_is_refused(senate, other_senate, cast, criteria):
    theirs = planning.criteria_for(other_senate)[0]
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    with pytest.raises(planning.PlanRefused, match="not one of this Senate's"):
        planning.score_item(item, {theirs.pk: (3, "Because")}, by=cast["manager"])


def test_rescoring_with_the_same_scores_records_nothing_new(senate, cast, criteria):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.score_item(item, _scores(criteria, 2, 2, 2, 2), by=cast["manager"])
    planning.score_item(item, _scores(criteria, 2, 2, 2, 2), by=cast["manager"])
    assert AuditEvent.objects.filter(action="plan.item_scored").count() == 1


def test_a_partly_scored_item_is_scored_on_the_criteria_it_has(senate, cast, criteria):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.score_item(item, {criteria[0].pk: (4, "Large")}, by=cast["manager"])
    assert item.score == Decimal("80.00")


def test_a_plan_item_is_one_request_or_one_topic_never_both_nor_neither(senate, cast, icb):
    topic = thematic_topic(senate, cast, icb)
    with pytest.raises(planning.PlanRefused, match="one request or one topic"):
        planning.add_to_plan(senate=senate, year=YEAR, by=cast["manager"])
    with pytest.raises(planning.PlanRefused, match="one request or one topic"):
        planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), topic=topic, by=cast["manager"])


@pytest.mark.parametrize("stage", ["declined", "redirected", "withdrawn"])
def test_a_closed_request_is_not_planned(senate, cast, stage):
    with pytest.raises(planning.PlanRefused, match="still open"):
        planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(stage=stage), by=cast["manager"])


def test_a_request_planned_this_year_may_be_planned_next_year_too(senate, cast):
    request = RequestFactory()
    planning.add_to_plan(senate=senate, year=YEAR, request=request, by=cast["manager"])
    later = planning.add_to_plan(senate=senate, year=YEAR + 1, request=request, by=cast["manager"])
    assert AuditEvent.objects.get(object_id=str(later.pk), action="plan.item_added").summary.startswith(
        f"Added to the {planning.year_label(YEAR + 1)} plan"
    )


def test_a_panel_after_the_advice_is_due_is_refused(senate, cast):
    with pytest.raises(planning.PlanRefused, match="on or after the panel date") as refused:
        planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"],
                             expected_panel=dt.date(YEAR, 9, 1), advice_due=dt.date(YEAR, 8, 1))  # fmt: skip
    assert refused.value.field == "advice_due"


def test_a_panel_before_the_start_is_refused(senate, cast):
    with pytest.raises(planning.PlanRefused) as refused:
        planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"],
                             expected_start=dt.date(YEAR, 9, 1), expected_panel=dt.date(YEAR, 8, 1))  # fmt: skip
    assert refused.value.field == "expected_panel"


def test_changing_an_items_dates_is_checked_against_the_dates_it_keeps(senate, cast):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"],
                                expected_start=dt.date(YEAR, 6, 1))  # fmt: skip
    with pytest.raises(planning.PlanRefused, match="on or after the expected start"):
        planning.update_item(item, advice_due=dt.date(YEAR, 5, 1), by=cast["manager"])


def test_a_change_to_an_item_is_recorded_with_before_and_after(senate, cast):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.update_item(item, panels_needed=2, advice_due=dt.date(YEAR, 12, 1), by=cast["manager"])
    changed = AuditEvent.objects.get(action="plan.item_changed").data["changed"]
    assert changed == {"panels_needed": ["1", "2"], "advice_due": ["None", f"{YEAR}-12-01"]}


def test_saving_an_item_unchanged_records_nothing(senate, cast):
    item = planning.add_to_plan(senate=senate, year=YEAR, request=RequestFactory(), by=cast["manager"])
    planning.update_item(item, panels_needed=1, by=cast["manager"])
    assert not AuditEvent.objects.filter(action="plan.item_changed").exists()
