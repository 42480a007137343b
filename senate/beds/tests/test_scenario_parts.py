"""Building a scenario a part at a time: what is asked for first, what an edit keeps, and what the
pages' boxes are filled with when a model is opened again. Plain dictionaries, no database."""

from senate.analytics.bed_capacity import SCENARIO_FORMAT
from senate.beds.scenarios import (
    assemble,
    baseline_initial,
    baseline_problems,
    keep_pools,
    problems,
    proposal_initial,
    stored_values,
)
from senate.beds.tests.factories import small_scenario


def test_a_good_small_scenario_has_no_problems():
    assert problems(small_scenario()) == []


def test_a_scenario_without_a_baseline_asks_for_the_baseline_first():
    assert problems(small_scenario(baseline={})) == ["baseline: enter the baseline first"]


def test_a_scenario_without_a_proposal_asks_for_the_proposal_first():
    assert problems(small_scenario(proposal=None)) == ["proposal: enter the proposal first"]


def test_no_ranges_entered_is_no_uncertainty_analysis_rather_than_a_problem():
    assert problems(small_scenario(uncertainty={})) == []


def test_a_bad_baseline_is_named_by_its_field():
    found = problems(small_scenario(baseline=small_scenario()["baseline"] | {"beds": -3}))
    assert any(p.startswith("baseline.beds") for p in found)


def test_a_baseline_is_checked_on_its_own_before_any_proposal():
    baseline = small_scenario()["baseline"] | {"admissions_per_year": -1}
    found = baseline_problems({}, baseline)
    assert found and all(p.startswith("baseline") for p in found)


def test_a_good_baseline_on_its_own_has_no_problems():
    assert baseline_problems(small_scenario(), small_scenario()["baseline"]) == []


def test_an_assembled_scenario_carries_the_format_and_leaves_out_what_was_not_given():
    scenario = assemble(title="Ward", baseline={"beds": 1}, proposal={"proposed_beds": 1}, simulation=None)
    assert scenario == {
        "format": SCENARIO_FORMAT,
        "title": "Ward",
        "baseline": {"beds": 1},
        "proposal": {"proposed_beds": 1},
    }


def test_an_edit_keeps_the_other_pools_and_the_baselines_links_to_them():
    previous = {"pools": [{"name": "Stroke"}], "baseline": {"beds": 30, "outlie_to": "Stroke"}}
    kept = keep_pools(previous, {"baseline": {"beds": 28}})
    assert kept == {"pools": [{"name": "Stroke"}], "baseline": {"beds": 28, "outlie_to": "Stroke"}}


def test_an_edit_of_a_single_pool_scenario_adds_no_pools():
    assert keep_pools({"baseline": {"beds": 30}}, {"baseline": {"beds": 28}}) == {"baseline": {"beds": 28}}


def test_a_link_the_edit_sets_itself_is_not_overwritten():
    previous = {"baseline": {"electives": ["old"]}}
    assert keep_pools(previous, {"baseline": {"electives": ["new"]}})["baseline"]["electives"] == ["new"]


def test_an_opened_baseline_fills_its_boxes():
    initial = baseline_initial(small_scenario())
    assert (initial["beds"], initial["los_kind"], initial["los_mean_days"], initial["los_cv"]) == (
        30,
        "lognormal",
        4.0,
        1.2,
    )
    assert "delayed_share" not in initial


def test_a_baseline_of_recorded_stays_opens_as_recorded_stays():
    baseline = small_scenario()["baseline"] | {"length_of_stay": {"distribution": "empirical", "values_days": [1, 2.5]}}
    scenario = small_scenario(baseline=baseline)
    assert baseline_initial(scenario)["los_kind"] == "empirical"
    assert stored_values(scenario) == [1, 2.5]


def test_an_empty_scenario_opens_with_lognormal_stays_and_no_stored_values():
    assert baseline_initial({}) == {"los_kind": "lognormal"}
    assert stored_values({}) == []


def test_an_opened_proposal_fills_its_boxes_and_its_simulation_settings():
    initial = proposal_initial(small_scenario())
    assert (initial["proposed_beds"], initial["alt_avoided"], initial["replications"], initial["seed"]) == (
        26,
        200,
        4,
        7,
    )
    assert "warmup_days" not in initial


def test_each_new_treatment_opens_in_its_own_numbered_boxes():
    proposal = small_scenario()["proposal"] | {
        "new_treatments": [
            {"category": "drug", "admissions_reduced_per_year": 10},
            {"category": "device", "admissions_reduced_per_year": 5},
        ]
    }
    initial = proposal_initial(small_scenario(proposal=proposal))
    assert (initial["treatment_2_category"], initial["treatment_2_reduced"]) == ("device", 5)


def test_a_range_opens_in_its_low_and_high_boxes():
    uncertainty = {
        "target": 0.9,
        "draws": 20,
        "ranges": {"demographic_growth.annual_rate": {"low": 0.01, "high": 0.03}},
    }
    initial = proposal_initial(small_scenario(uncertainty=uncertainty))
    assert (initial["growth_rate_low"], initial["growth_rate_high"], initial["uncertainty_draws"]) == (0.01, 0.03, 20)
    assert "alt_avoided_low" not in initial
