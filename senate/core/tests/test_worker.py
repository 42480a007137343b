"""The worker's heartbeat, its time limit on a task, and the recovery of tasks a dead worker left
RUNNING. The database backend is switched on here; elsewhere tests run tasks inline."""

import datetime as dt
import time

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from senate.core import worker
from senate.core.models import WorkerHeartbeat
from senate.notifications.models import Email
from senate.notifications.outbox import queue_email


@task()
def sleepy() -> None:
    time.sleep(5)


@pytest.fixture
def database_tasks(settings, transactional_db):
    """The database backend, with the database in autocommit as a real worker has it: the worker
    loop closes connections it finds inside a transaction, which on PostgreSQL would close the test's
    own connection."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _worker(worker_id: str, **options) -> worker.Worker:
    """A worker that runs what is queued, then stops; it beats once, at start-up."""
    defaults = {
        "queue_names": ["default"],
        "excluded_queue_names": [],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": worker_id,
        "beat_every": 0,
    }
    return worker.Worker(**(defaults | options))


def _ago(**kwargs) -> dt.datetime:
    return timezone.now() - dt.timedelta(**kwargs)


def test_tasks_run_inline_in_tests_so_the_worker_counts_as_alive(db):
    assert not worker.worker_needed() and worker.worker_alive()


def test_the_worker_is_alive_only_while_its_heartbeat_is_fresh(database_tasks):
    assert not worker.worker_alive()
    worker.beat("w1")
    assert worker.worker_alive() and worker.live_worker_ids() == {"w1"}
    WorkerHeartbeat.objects.update(beat_at=_ago(seconds=31))
    assert not worker.worker_alive()
    worker.beat("w1")
    worker.stopped("w1")
    assert not worker.worker_alive()


def _running_email_task(worker_id: str, *, started: dt.datetime, django_capture_on_commit_callbacks) -> Email:
    """An email whose delivery task a worker took (RUNNING) and then never finished."""
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(to="a@example.org", subject="Lost", body="", kind="test")
    result = DBTaskResult.objects.get()
    result.claim(worker_id)
    DBTaskResult.objects.filter(pk=result.pk).update(started_at=started)
    return email


def test_a_task_left_running_by_a_dead_worker_is_requeued_and_then_runs_once(
    database_tasks, django_capture_on_commit_callbacks
):
    worker.beat("dead", now=_ago(seconds=5))
    email = _running_email_task(
        "dead", started=_ago(seconds=5), django_capture_on_commit_callbacks=django_capture_on_commit_callbacks
    )
    assert worker.recover_tasks() == 0  # its worker is still beating: leave it alone
    WorkerHeartbeat.objects.filter(worker_id="dead").update(beat_at=_ago(minutes=2))
    assert worker.recover_tasks() == 1
    assert DBTaskResult.objects.get().status == "READY"
    _worker("second").run()
    assert [m.subject for m in mail.outbox] == ["Lost"]
    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL" and result.worker_ids == ["dead", "second"]
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert worker.recover_tasks() == 0
    _worker("third").run()
    assert len(mail.outbox) == 1


def test_a_worker_recovers_lost_tasks_when_it_starts(database_tasks, django_capture_on_commit_callbacks):
    worker.beat("dead", now=_ago(minutes=10))
    _running_email_task(
        "dead", started=_ago(minutes=10), django_capture_on_commit_callbacks=django_capture_on_commit_callbacks
    )
    _worker("new").run()
    assert len(mail.outbox) == 1 and DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_task_from_a_worker_that_never_beat_is_recovered_only_after_the_time_limit(
    database_tasks, settings, django_capture_on_commit_callbacks
):
    settings.SENATE_TASK_TIMEOUT = 60
    _running_email_task(
        "old-style", started=_ago(seconds=30), django_capture_on_commit_callbacks=django_capture_on_commit_callbacks
    )
    assert worker.recover_tasks() == 0
    DBTaskResult.objects.update(started_at=_ago(seconds=61))
    assert worker.recover_tasks() == 1


def test_a_task_whose_workers_keep_dying_is_given_up_with_the_reason(
    database_tasks, settings, django_capture_on_commit_callbacks
):
    settings.SENATE_TASK_MAX_ATTEMPTS = 2
    for worker_id in ("a", "b"):
        worker.beat(worker_id, now=_ago(minutes=5))
    _running_email_task(
        "a", started=_ago(minutes=5), django_capture_on_commit_callbacks=django_capture_on_commit_callbacks
    )
    DBTaskResult.objects.update(worker_ids=["a", "b"])
    assert worker.recover_tasks() == 1
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED" and result.exception_class_path.endswith("WorkerLost")
    assert "Given up after 2 attempts" in result.traceback


def test_a_task_past_its_time_limit_is_stopped_and_marked_failed(database_tasks):
    sleepy.enqueue()
    begun = time.monotonic()
    _worker("w", timeout=0.2).run()
    assert time.monotonic() - begun < 2
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED" and result.exception_class_path == "senate.core.worker.TaskTimedOut"


def test_the_daily_run_also_recovers_lost_work(database_tasks, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    worker.beat("dead", now=_ago(minutes=10))
    _running_email_task(
        "dead", started=_ago(minutes=10), django_capture_on_commit_callbacks=django_capture_on_commit_callbacks
    )
    call_command("daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert DBTaskResult.objects.get().status == "READY"
