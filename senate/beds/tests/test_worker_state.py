"""What a bed model's page says about the background worker, driven by its heartbeat: a queued run
with no worker says so at once; a running run whose worker stopped is stalled at once; a run re-queued
after its worker died takes over where it was left; a run past the time limit fails with the reason."""

import pytest

from senate.beds import modelling
from senate.beds.models import BedModel
from senate.beds.tests.conftest import page_url
from senate.core import worker

NO_WORKER = "No background worker is running, so this will not start until one is"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _with_status(bed_model, status):
    BedModel.objects.filter(pk=bed_model.pk).update(status=status)
    bed_model.refresh_from_db()
    return bed_model


def test_a_queued_run_with_no_worker_says_so_at_once_and_keeps_polling(as_manager, bed_model, database_tasks):
    _with_status(bed_model, BedModel.Status.QUEUED)
    html = as_manager.get(page_url(bed_model)).content.decode()
    assert NO_WORKER in html and "every 2s" in html and "0% done" not in html
    worker.beat("w1")
    html = as_manager.get(page_url(bed_model, "progress/"), HTTP_HX_REQUEST="true").content.decode()
    assert NO_WORKER not in html and "Waiting to run: 0% done" in html


def test_a_running_run_whose_worker_stopped_is_stalled_at_once(as_manager, bed_model, database_tasks):
    _with_status(bed_model, BedModel.Status.RUNNING)
    worker.beat("w1")
    assert bed_model.is_busy and not bed_model.is_stalled
    worker.stopped("w1")
    assert bed_model.is_stalled and not bed_model.is_busy
    html = as_manager.get(page_url(bed_model)).content.decode()
    assert "stopped without finishing" in html and NO_WORKER in html and "Run the model" in html


def test_under_the_immediate_backend_the_worker_counts_as_alive(as_manager, bed_model):
    _with_status(bed_model, BedModel.Status.QUEUED)
    html = as_manager.get(page_url(bed_model)).content.decode()
    assert NO_WORKER not in html and "Waiting to run: 0% done" in html


def test_a_run_requeued_after_its_worker_died_takes_over_the_run_left_running(bed_model):
    _with_status(bed_model, BedModel.Status.RUNNING)
    assert modelling.run(bed_model.pk).status == BedModel.Status.RUNNING  # a first attempt leaves it alone
    assert modelling.run(bed_model.pk, resumed=True).status == BedModel.Status.DONE


def test_a_run_past_the_time_limit_fails_with_the_reason(bed_model, monkeypatch):
    def too_slow(*args, **kwargs):
        raise worker.TaskTimedOut("The task took longer than 1 seconds.")

    monkeypatch.setattr(modelling, "run_scenario", too_slow)
    _with_status(bed_model, BedModel.Status.QUEUED)
    finished = modelling.run(bed_model.pk)
    assert (
        finished.status == BedModel.Status.FAILED and "took longer than the background worker allows" in finished.error
    )


@pytest.mark.django_db(transaction=True)  # the worker runs in autocommit, as in production
def test_a_run_whose_worker_was_killed_is_recovered_and_finished_by_the_next_worker(bed_model, database_tasks):
    import datetime as dt

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from senate.beds.tasks import run_bed_model

    _with_status(bed_model, BedModel.Status.RUNNING)
    run_bed_model.enqueue(bed_model.pk)
    worker.beat("killed", now=timezone.now() - dt.timedelta(minutes=5))
    DBTaskResult.objects.get().claim("killed")
    options = {"queue_names": ["default"], "excluded_queue_names": [], "interval": 0, "batch": True}
    options |= {"backend_name": "default", "startup_delay": False, "max_tasks": None, "beat_every": 0}
    worker.Worker(worker_id="next", **options).run()
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.DONE and DBTaskResult.objects.get().status == "SUCCESSFUL"
