"""Running a model in the background: the results are those of calling the comparison directly,
progress is kept on the model, and a scenario that cannot run is refused before it is queued."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.utils import timezone

from senate.beds import modelling
from senate.beds.models import BedModel
from senate.beds.tests.conftest import page_url
from senate.beds.tests.factories import BedModelFactory, compare_directly, small_scenario
from senate.core.models import AuditEvent


def test_a_run_stores_the_same_comparison_as_calling_compare_directly(
    as_manager, bed_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_manager.post(page_url(bed_model, "run/"))
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.DONE and bed_model.progress == 1.0
    assert bed_model.result == compare_directly(bed_model.scenario).to_dict()
    assert [c["key"] for c in bed_model.charts] == ["refusals-by-beds", "by-month", "by-weekday"]
    assert bed_model.started_at and bed_model.finished_at
    assert set(AuditEvent.objects.filter(object_id=str(bed_model.pk)).values_list("action", flat=True)) >= {
        "beds.run_started",
        "beds.run_finished",
    }


def test_the_results_page_shows_baseline_beside_proposal_with_charts(
    as_manager, bed_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_manager.post(page_url(bed_model, "run/"))
    html = as_manager.get(page_url(bed_model)).content.decode()
    for text in (
        "Beds at the target occupancy (rule of thumb)",
        "Chance an admission finds no bed (Erlang loss)",
        "Beds for under 0.1% finding no bed",
        "Days a year with someone without a bed",
        "Peak hour: chance of no bed",
        "by month (simulated, 95% confidence intervals)",
        "4 WTE band 6 nurses",  # the workforce, in the assumptions
    ):
        assert text in html
    assert (
        html.count('<figure class="beds-chart"') == 3
        and html.count('<desc id="bed-chart-') == 3
        and "<?xml" not in html
    )


def test_progress_is_written_while_the_simulation_runs():
    bed_model = BedModelFactory(scenario=small_scenario(simulation={"replications": 20, "years": 1, "seed": 2}))
    seen = []
    writer = modelling._progress_writer(BedModel.objects.filter(pk=bed_model.pk))
    for fraction in (0.1, 0.5, 1.0):
        writer(fraction)
        seen.append(BedModel.objects.get(pk=bed_model.pk).progress)
    assert seen[0] == 0.1 and seen[-1] == 0.99  # 1.0 is written only when the results are stored


def test_the_progress_poll_asks_the_page_to_reload_when_the_run_has_ended(as_manager, bed_model):
    bed_model.status = BedModel.Status.RUNNING
    bed_model.progress = 0.42
    bed_model.save()
    polled = as_manager.get(page_url(bed_model, "progress/"), HTTP_HX_REQUEST="true")
    assert "42% done" in polled.content.decode() and 'hx-trigger="every 2s"' in polled.content.decode()
    assert "HX-Refresh" not in polled
    BedModel.objects.filter(pk=bed_model.pk).update(status=BedModel.Status.DONE)
    assert as_manager.get(page_url(bed_model, "progress/"), HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


def test_an_incomplete_model_is_refused_with_the_reason(as_manager, cast):
    bed_model = BedModelFactory(created_by=cast["manager"], scenario=small_scenario(proposal={}))
    response = as_manager.post(page_url(bed_model, "run/"))
    assert response.status_code == 400 and "enter the proposal first" in response.content.decode()
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.DRAFT


def test_a_model_already_running_is_not_started_twice(cast):
    bed_model = BedModelFactory(status=BedModel.Status.RUNNING)
    with pytest.raises(modelling.RunRefused, match="already running"):
        modelling.start_run(bed_model, by=cast["manager"])


def test_a_scenario_that_fails_in_the_worker_is_marked_failed_with_its_message():
    scenario = small_scenario()
    scenario["baseline"]["beds"] = 9000  # too many to simulate; the worker still checks
    bed_model = BedModelFactory(scenario=scenario, status=BedModel.Status.QUEUED)
    modelling.run(bed_model.pk)
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.FAILED and "baseline.beds" in bed_model.error


def test_relying_on_a_model_for_the_bed_test_replaces_the_earlier_choice(cast):
    from senate.beds import presenters
    from senate.beds.tests.factories import finished_model

    first = finished_model()
    second = finished_model(request=first.request)
    modelling.rely_on_for_bed_test(first, by=cast["manager"])
    modelling.rely_on_for_bed_test(second, by=cast["chair"])
    assert presenters.bed_test_model(first.request) == second


def test_a_model_without_results_cannot_be_relied_on(cast, bed_model):
    with pytest.raises(modelling.RunRefused, match="Run the model"):
        modelling.rely_on_for_bed_test(bed_model, by=cast["manager"])


def _gone_quiet(bed_model, status, minutes=20):
    """As if the worker took the run and then died (or never came) `minutes` ago."""
    ago = timezone.now() - dt.timedelta(minutes=minutes)
    BedModel.objects.filter(pk=bed_model.pk).update(status=status, started_at=ago, updated_at=ago)
    bed_model.refresh_from_db()
    return bed_model


@pytest.mark.parametrize("status", [BedModel.Status.RUNNING, BedModel.Status.QUEUED])
def test_a_run_whose_worker_went_quiet_is_shown_as_stalled_and_can_be_run_again(
    as_manager, bed_model, status, django_capture_on_commit_callbacks
):
    _gone_quiet(bed_model, status)
    html = as_manager.get(page_url(bed_model)).content.decode()
    assert "stopped without finishing" in html or "no background worker has picked it up" in html
    assert "Run the model" in html and "every 2s" not in html
    with django_capture_on_commit_callbacks(execute=True):
        as_manager.post(page_url(bed_model, "run/"))
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.DONE
    assert AuditEvent.objects.filter(summary="Bed model run again after the last run stalled").exists()


def test_a_run_that_is_still_writing_progress_is_not_stalled(cast, bed_model):
    _gone_quiet(bed_model, BedModel.Status.RUNNING, minutes=2)
    assert bed_model.is_busy and not bed_model.is_stalled
    with pytest.raises(modelling.RunRefused, match="already running"):
        modelling.start_run(bed_model, by=cast["manager"])


def test_a_lost_run_that_wakes_up_after_a_new_run_does_not_overwrite_it(cast, bed_model):
    """The old task's results are dropped: the run queued after it is the one that counts."""
    BedModel.objects.filter(pk=bed_model.pk).update(status=BedModel.Status.QUEUED)
    old_run = BedModel.objects.filter(pk=bed_model.pk, started_at=timezone.now())  # never matches a new run
    modelling._finish(bed_model, old_run, status=BedModel.Status.FAILED, error="worker killed")
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.QUEUED and bed_model.error == ""
    assert modelling.run(bed_model.pk).status == BedModel.Status.DONE
    assert modelling.run(bed_model.pk).status == BedModel.Status.DONE  # a duplicate task changes nothing
    assert AuditEvent.objects.filter(object_id=str(bed_model.pk), action="beds.run_finished").count() == 1


def test_a_scenario_with_several_pools_shows_each_pool_on_the_results_page(
    as_manager, cast, django_capture_on_commit_callbacks
):
    """Issue 18: a multi-pool scenario (outlying, electives) runs as the CLI runs it and its result page
    has a table per pool with outliers sent and taken in, refusals after outlying and cancellations."""
    scenario = small_scenario()
    scenario["baseline"]["outlie_to"] = "Surgical annex"
    scenario["baseline"]["electives"] = {"per_weekday": [3, 3, 3, 3, 3, 0, 0], "cancel_above_occupancy": 0.8}
    annex = {k: v for k, v in scenario["baseline"].items() if k not in ("outlie_to", "electives")}
    scenario["pools"] = [annex | {"name": "Surgical annex", "admissions_per_year": 500, "beds": 12}]
    bed_model = BedModelFactory(created_by=cast["manager"], scenario=scenario)
    with django_capture_on_commit_callbacks(execute=True):
        as_manager.post(page_url(bed_model, "run/"))
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.DONE
    assert bed_model.result == compare_directly(bed_model.scenario).to_dict()
    ward = bed_model.result["proposal"]["pools"]["pools"][0]
    assert ward["outliers_sent_per_year"]["mean"] > 0 and ward["electives_cancelled_per_year"]["mean"] > 0
    html = as_manager.get(page_url(bed_model)).content.decode()
    for text in (
        "Ward now: pools simulated together (95% confidence intervals)",
        "Surgical annex: pools simulated together",
        "Patients outlying to Surgical annex per year",
        "Turned away per year, after outlying",
        "Outliers from other pools taken in per year",
        "Elective admissions cancelled per year",
        f"{ward['outliers_sent_per_year']['mean']:,.0f} (95% CI",
    ):
        assert text in html, text


def test_changing_the_baseline_on_the_page_keeps_the_other_pools(cast):
    scenario = small_scenario()
    scenario["baseline"]["outlie_to"] = "Annex"
    scenario["pools"] = [scenario["baseline"] | {"name": "Annex", "outlie_to": "Ward now"}]
    bed_model = BedModelFactory(created_by=cast["manager"], scenario=scenario)
    changed = {k: v for k, v in scenario["baseline"].items() if k != "outlie_to"} | {"beds": 28}
    modelling.save_inputs(bed_model, by=cast["manager"], baseline=changed)
    bed_model.refresh_from_db()
    assert bed_model.scenario["baseline"]["beds"] == 28 and bed_model.scenario["baseline"]["outlie_to"] == "Annex"
    assert [p["name"] for p in bed_model.scenario["pools"]] == ["Annex"]


EXAMPLE_POOLS = Path(__file__).resolve().parents[3] / "docs" / "beds" / "example-pools.json"


def _upload(client, bed_model, content: bytes, name: str = "pools.json"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(page_url(bed_model, "scenario/"), {"scenario_file": SimpleUploadedFile(name, content)})


def test_a_scenario_file_with_several_pools_is_uploaded_run_and_shown(
    as_manager, bed_model, django_capture_on_commit_callbacks
):
    data = json.loads(EXAMPLE_POOLS.read_text())
    data["simulation"] = {"replications": 3, "years": 1, "seed": 9}
    response = _upload(as_manager, bed_model, json.dumps(data).encode())
    assert response.status_code == 302
    bed_model.refresh_from_db()
    assert [p["name"] for p in bed_model.scenario["pools"]] == ["Surgical annex", "Orthopaedics"]
    page = as_manager.get(page_url(bed_model)).content.decode()
    assert "Other pools simulated together" in page and "0 admissions a year; 60 beds" in page
    assert "patients outlie to Surgical annex" in page and "2 Mon, 2 Tue" in page
    with django_capture_on_commit_callbacks(execute=True):
        as_manager.post(page_url(bed_model, "run/"))
    page = as_manager.get(page_url(bed_model)).content.decode()
    assert "Orthopaedics: pools simulated together" in page and "Elective admissions cancelled per year" in page


def test_a_scenario_file_that_cannot_be_used_is_refused_naming_the_field(as_manager, bed_model):
    data = json.loads(EXAMPLE_POOLS.read_text())
    data["baseline"]["outlie_to"] = "Cardiology"
    response = _upload(as_manager, bed_model, json.dumps(data).encode())
    assert response.status_code == 400
    assert "baseline.outlie_to: must name another pool" in response.content.decode()
    response = _upload(as_manager, bed_model, b"{}", name="pools.txt")
    assert response.status_code == 400 and "must be a .json file" in response.content.decode()
    response = _upload(as_manager, bed_model, b"{not json", name="pools.json")
    assert "not valid JSON at line 1" in response.content.decode()
    bed_model.refresh_from_db()
    assert "pools" not in bed_model.scenario
