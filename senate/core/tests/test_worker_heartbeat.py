"""The worker's heartbeat as the status pages read it: a worker counts as alive only while it beats,
stops counting when it says it stopped, and counts again when it comes back."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.core import worker
from senate.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 12, 6, 9, 0))


def test_a_worker_beating_now_is_alive():
    worker.beat("w1", now=NOW)
    assert worker.live_worker_ids(NOW) == {"w1"}


def test_a_worker_that_has_not_beaten_for_longer_than_the_freshness_window_is_not_alive(settings):
    settings.SENATE_WORKER_FRESH_SECONDS = 30
    worker.beat("w1", now=NOW)
    assert worker.live_worker_ids(NOW + dt.timedelta(seconds=30)) == {"w1"}
    assert worker.live_worker_ids(NOW + dt.timedelta(seconds=31)) == set()


def test_a_worker_that_says_it_stopped_is_not_alive_however_recent_its_beat():
    worker.beat("w1", now=timezone.now())
    worker.stopped("w1")
    assert worker.live_worker_ids() == set()


def test_a_stopped_worker_that_beats_again_is_alive_and_keeps_one_record():
    worker.beat("w1", now=NOW - dt.timedelta(hours=1))
    worker.stopped("w1")
    worker.beat("w1", now=NOW)
    assert worker.live_worker_ids(NOW) == {"w1"}
    heartbeat = WorkerHeartbeat.objects.get()
    assert heartbeat.started_at == NOW - dt.timedelta(hours=1) and heartbeat.stopped_at is None


def test_each_worker_is_counted_by_its_own_beat():
    worker.beat("w1", now=NOW - dt.timedelta(minutes=5))
    worker.beat("w2", now=NOW)
    assert worker.live_worker_ids(NOW) == {"w2"}


def test_the_time_limit_and_the_attempts_are_settings(settings):
    settings.SENATE_TASK_TIMEOUT = 90
    settings.SENATE_TASK_MAX_ATTEMPTS = 5
    assert (worker.task_timeout(), worker.max_attempts()) == (90.0, 5)


def test_without_settings_a_task_may_run_half_an_hour_and_be_tried_three_times():
    assert (worker.task_timeout(), worker.max_attempts(), worker.beat_seconds()) == (1800.0, 3, 5.0)
