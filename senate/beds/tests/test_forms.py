"""The baseline and proposal pages refuse bad input with a message next to the box it concerns,
naming it, and store good input in the shared scenario format."""

from senate.analytics.bed_capacity import validate_scenario
from senate.beds.models import BedModel
from senate.beds.tests.conftest import page_url
from senate.beds.tests.factories import BedModelFactory

GOOD_BASELINE = {
    "name": "Acute medical beds 2024/25",
    "admissions_per_year": "40,000",
    "beds": "620",
    "los_kind": "lognormal",
    "los_mean_days": "5",
    "los_cv": "1.2",
    "target_occupancy": "0.85",
    "month_shares": "",
    "weekday_shares": "0.165, 0.150, 0.147, 0.146, 0.150, 0.122, 0.120",
    "hour_shares": "",
}
GOOD_PROPOSAL = {
    "name": "Proposed",
    "proposed_beds": "26",
    "alt_description": "Virtual wards",
    "alt_avoided": "100",
    "alt_workforce": "14 WTE band 6 nurses",
    "treatment_1_category": "COPD exacerbations",
    "treatment_1_reduced": "50",
    "los_benchmark": "4.4",
    "los_gap_share": "0.5",
    "growth_rate": "0.011",
    "growth_base_year": "2024",
    "growth_horizon_year": "2029",
    "replications": "10",
    "years": "2",
    "seed": "3",
}


def _error_at(response, field_id):
    """The inline error message of one box (NHS error message component)."""
    html = response.content.decode()
    marker = f'id="{field_id}-error"'
    assert marker in html, f"no error shown at {field_id}"
    start = html.index(marker)
    return html[start : html.index("</span>", html.index("</span>", start) + 1)]


def test_a_good_baseline_is_stored_in_the_scenario_format(as_manager, cast):
    bed_model = BedModelFactory(created_by=cast["manager"], scenario={})
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE)
    assert response.status_code == 302 and response["Location"].endswith("/proposal/")
    bed_model.refresh_from_db()
    base = bed_model.scenario["baseline"]
    assert base["admissions_per_year"] == 40000 and base["beds"] == 620
    assert base["length_of_stay"] == {"distribution": "lognormal", "mean_days": 5, "cv": 1.2}
    assert len(base["month_shares"]) == 12 and abs(sum(base["month_shares"]) - 1) < 1e-9


def test_negative_admissions_are_refused_naming_the_box(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE | {"admissions_per_year": "-5"})
    assert response.status_code == 400
    assert "Admissions per year: must be zero or more and at most 5,000,000 (got -5)" in _error_at(
        response, "id_admissions_per_year"
    )
    assert "There is a problem" in response.content.decode()


def test_shares_that_do_not_sum_to_one_are_refused_naming_the_box(as_manager, bed_model):
    response = as_manager.post(
        page_url(bed_model, "baseline/"), GOOD_BASELINE | {"weekday_shares": "0.2, 0.2, 0.2, 0.2, 0.2, 0.1, 0.1"}
    )
    message = _error_at(response, "id_weekday_shares")
    assert "Split of admissions by weekday, Monday to Sunday: 7 shares must sum to 1 (they sum to 1.2)" in message


def test_the_wrong_number_of_monthly_shares_is_refused(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE | {"month_shares": "0.5, 0.5"})
    assert "expected 12 shares, got 2" in _error_at(response, "id_month_shares")


def test_text_in_a_number_box_is_refused(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE | {"los_mean_days": "five"})
    assert "Mean length of stay in days must be a number" in _error_at(response, "id_los_mean_days")


def test_too_many_beds_to_simulate_are_refused_at_the_beds_box(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE | {"beds": "6000"})
    assert "Beds available now: 6,000 beds is more than the 5,000 that can be simulated" in _error_at(
        response, "id_beds"
    )


def test_a_missing_number_is_asked_for(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE | {"los_cv": ""})
    assert "Enter coefficient of variation of length of stay" in _error_at(response, "id_los_cv")


def test_an_uploaded_csv_of_stays_is_read_and_its_bad_lines_named(as_manager, bed_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("stays.csv", b"days\n2.5\nlots\n3\n", content_type="text/csv")
    response = as_manager.post(
        page_url(bed_model, "baseline/"), GOOD_BASELINE | {"los_kind": "empirical", "los_csv": bad}
    )
    assert "Lengths of stay file: line 3: &#39;lots&#39; is not a number of days" in _error_at(response, "id_los_csv")
    good = SimpleUploadedFile("stays.csv", b"days\n2.5\n1\n3\n", content_type="text/csv")
    response = as_manager.post(
        page_url(bed_model, "baseline/"), GOOD_BASELINE | {"los_kind": "empirical", "los_csv": good}
    )
    bed_model.refresh_from_db()
    assert bed_model.scenario["baseline"]["length_of_stay"] == {
        "distribution": "empirical",
        "values_days": [2.5, 1.0, 3.0],
    }


def test_an_uploaded_stays_file_goes_through_the_upload_policy(as_manager, bed_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = SimpleUploadedFile("stays.csv", b"<!doctype html><script>alert(1)</script>", content_type="text/csv")
    response = as_manager.post(
        page_url(bed_model, "baseline/"), GOOD_BASELINE | {"los_kind": "empirical", "los_csv": page}
    )
    assert "Lengths of stay file: stays.csv is a web page (HTML). Upload a CSV file" in _error_at(
        response, "id_los_csv"
    )


def test_a_good_proposal_makes_a_scenario_the_validator_accepts(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL)
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert validate_scenario(bed_model.scenario) == []
    proposal = bed_model.scenario["proposal"]
    assert proposal["alternative_provision"]["workforce_note"] == "14 WTE band 6 nurses"
    assert proposal["new_treatments"] == [{"category": "COPD exacerbations", "admissions_reduced_per_year": 50}]
    assert bed_model.scenario["simulation"] == {"replications": 10, "years": 2, "seed": 3}


def test_avoided_admissions_need_their_workforce(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"alt_workforce": ""})
    assert "Enter the workforce for the alternative provision" in _error_at(response, "id_alt_workforce")


def test_negative_proposed_beds_and_bad_treatment_rows_are_refused(as_manager, bed_model):
    response = as_manager.post(
        page_url(bed_model, "proposal/"),
        GOOD_PROPOSAL | {"proposed_beds": "-3", "treatment_2_reduced": "-10", "treatment_2_category": "Stroke"},
    )
    assert "Beds proposed: must be a whole number from 1 to 1,000,000 (got -3)" in _error_at(
        response, "id_proposed_beds"
    )
    assert "New treatment 2: admissions reduced each year: must be zero or more" in _error_at(
        response, "id_treatment_2_reduced"
    )


def test_a_simulation_too_big_to_run_in_time_is_refused_at_replications(as_manager, bed_model):
    bed_model.scenario["baseline"]["admissions_per_year"] = 40000
    bed_model.save()
    response = as_manager.post(
        page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"replications": "1000", "years": "50"}
    )
    assert "more than the 150,000,000 that can be simulated in time" in _error_at(response, "id_replications")


def test_reductions_larger_than_demand_are_refused(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"alt_avoided": "900000"})
    assert response.status_code == 400
    assert (
        "The proposal: the admissions avoided and reduced exceed the projected admissions" in response.content.decode()
    )


def test_changing_the_inputs_clears_old_results(as_manager, cast):
    from senate.beds.tests.factories import finished_model

    bed_model = finished_model(created_by=cast["manager"])
    as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL)
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.DRAFT and bed_model.result is None


def test_the_proposal_page_asks_what_happens_when_every_bed_is_full(as_manager, bed_model):
    page = as_manager.get(page_url(bed_model, "proposal/")).content.decode()
    assert "When every bed is full" in page and 'type="radio"' in page
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"when_full": "waits"})
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert bed_model.scenario["simulation"]["when_full"] == "waits"


def test_the_proposal_page_can_ask_for_the_beds_needed(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"required_beds_target": "0.01"})
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert bed_model.scenario["simulation"]["required_beds_target"] == 0.01
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"required_beds_target": "2"})
    assert "must be above 0 and at most 0.5 (got 2)" in _error_at(response, "id_required_beds_target")


def test_the_proposal_page_takes_ranges_for_its_assumptions(as_manager, bed_model):
    ranges = {
        "uncertainty_target": "0.01",
        "growth_rate_low": "0",
        "growth_rate_high": "0.02",
        "uncertainty_draws": "50",
    }
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | ranges)
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert bed_model.scenario["uncertainty"] == {
        "target": 0.01,
        "draws": 50,
        "ranges": {"demographic_growth.annual_rate": {"low": 0.0, "high": 0.02}},
    }
    assert not validate_scenario(bed_model.scenario)
    page = as_manager.get(page_url(bed_model, "proposal/")).content.decode()
    assert 'name="growth_rate_high" type="text" value="0.02"' in page or 'value="0.02"' in page


def test_a_range_that_leaves_out_the_stated_value_is_refused_next_to_its_box(as_manager, bed_model):
    ranges = {"uncertainty_target": "0.01", "growth_rate_low": "0.02", "growth_rate_high": "0.03"}
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | ranges)
    assert response.status_code == 400
    assert "must include the stated value 0.011" in _error_at(response, "id_growth_rate_low")
    bed_model.refresh_from_db()
    assert "uncertainty" not in bed_model.scenario, "nothing is saved from a refused form"


def test_the_proposal_page_opens_escalation_beds_above_an_occupancy(as_manager, bed_model):
    escalation = {"escalation_beds": "4", "escalation_threshold": "0.95"}
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | escalation)
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert bed_model.scenario["simulation"]["escalation_threshold"] == 0.95
    assert 'value="0.95"' in as_manager.get(page_url(bed_model, "proposal/")).content.decode()
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"escalation_threshold": "0.9"})
    assert "there are no escalation beds to open" in _error_at(response, "id_escalation_threshold")


def test_the_baseline_page_takes_delayed_discharges_and_discharge_times(as_manager, bed_model):
    discharges = {
        "delayed_share": "0.2",
        "delayed_mean_days": "5",
        "discharge_weekday_shares": "0.2, 0.2, 0.2, 0.2, 0.2, 0, 0",
    }
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE | discharges)
    assert response.status_code == 302
    bed_model.refresh_from_db()
    baseline = bed_model.scenario["baseline"]
    assert baseline["delayed_discharge"] == {"share_of_patients": 0.2, "mean_days": 5}
    assert baseline["discharge_profile"]["weekday_shares"] == [0.2, 0.2, 0.2, 0.2, 0.2, 0, 0]
    page = as_manager.get(page_url(bed_model, "baseline/")).content.decode()
    assert "0.2, 0.2, 0.2, 0.2, 0.2, 0, 0" in page
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"delayed_discharge_avoided": "0.5"})
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert bed_model.scenario["proposal"]["delayed_discharge_avoided"] == 0.5
    assert validate_scenario(bed_model.scenario) == []


def test_bad_discharge_boxes_are_refused_naming_the_box(as_manager, bed_model):
    bad = {"delayed_share": "1.5", "delayed_mean_days": "5", "discharge_hour_shares": "0.5, 0.5"}
    response = as_manager.post(page_url(bed_model, "baseline/"), GOOD_BASELINE | bad)
    assert response.status_code == 400
    assert "at most 1 (got 1.5)" in _error_at(response, "id_delayed_share")
    assert "expected 24 shares, got 2" in _error_at(response, "id_discharge_hour_shares")


def test_avoiding_delays_the_baseline_does_not_have_is_refused_at_its_box(as_manager, bed_model):
    response = as_manager.post(page_url(bed_model, "proposal/"), GOOD_PROPOSAL | {"delayed_discharge_avoided": "0.5"})
    assert "the baseline states no delayed discharges" in _error_at(response, "id_delayed_discharge_avoided")
