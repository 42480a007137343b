"""The background worker's health: a heartbeat per worker process, a time limit on every task, and
recovering the work a dead worker left behind. `senate worker` runs django_tasks_db's worker loop
with these added; pages that wait on background work ask `worker_alive()`.

Settings (all optional, in seconds): SENATE_WORKER_BEAT_SECONDS (5), how often a worker beats;
SENATE_WORKER_FRESH_SECONDS (30), how old a beat may be for the worker to count as alive;
SENATE_TASK_TIMEOUT (1800), how long one task may run; SENATE_TASK_MAX_ATTEMPTS (3), how many
workers may die running one task before it is given up; SENATE_WORKER_RECOVER_SECONDS (30), how
often a worker looks for lost work.

Other apps add what they recover (e.g. emails left half-sent) with `add_recovery(name, fn)` from
their AppConfig.ready(); `fn(now)` returns how many records it put right."""

import datetime as dt
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker as DBWorker

from senate.core import registry
from senate.core.models import WorkerHeartbeat

if TYPE_CHECKING:  # its models load after this module
    from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("senate.worker")

# What each app puts right after a dead worker, `fn(now) -> count`, named (add_recovery).
RECOVERY = registry.point("core.recovery", "what an app recovers after a dead worker: fn(now) -> count")


class TaskTimedOut(Exception):  # noqa: N818 - reads as what happened
    """Raised inside a task that ran past its time limit."""


class WorkerLost(Exception):  # noqa: N818
    """Recorded on a task given up because the workers running it kept dying."""


def _seconds(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


def beat_seconds() -> float:
    return _seconds("SENATE_WORKER_BEAT_SECONDS", 5)


def fresh_for() -> dt.timedelta:
    return dt.timedelta(seconds=_seconds("SENATE_WORKER_FRESH_SECONDS", 30))


def task_timeout() -> float:
    return _seconds("SENATE_TASK_TIMEOUT", 30 * 60)


def max_attempts() -> int:
    return int(_seconds("SENATE_TASK_MAX_ATTEMPTS", 3))


def add_recovery(name: str, fn: Callable[[dt.datetime], int]) -> None:
    registry.register(RECOVERY, fn, order=0, label=name)


def worker_needed() -> bool:
    """Only the database backend needs a worker; the immediate backend (tests) runs tasks inline."""
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def worker_alive(now: dt.datetime | None = None) -> bool:
    """Is some worker beating, so queued work will start? Always yes when tasks run inline."""
    if not worker_needed():
        return True
    return bool(live_worker_ids(now))


def live_worker_ids(now: dt.datetime | None = None) -> set[str]:
    since = (now or timezone.now()) - fresh_for()
    beating = WorkerHeartbeat.objects.filter(stopped_at__isnull=True, beat_at__gte=since)
    return set(beating.values_list("worker_id", flat=True))


def beat(worker_id: str, *, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    touched = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now, stopped_at=None)
    if not touched:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id, host=socket.gethostname()[:200], pid=os.getpid(), started_at=now, beat_at=now
        )


def stopped(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).update(stopped_at=timezone.now())


def recover(now: dt.datetime | None = None) -> dict[str, int]:
    """Put right what dead workers left: tasks stuck RUNNING, then each app's own records."""
    now = now or timezone.now()
    counts = {"tasks": recover_tasks(now)}
    for name, fn in registry.labelled(RECOVERY):
        counts[name] = fn(now)
    return counts


def recover_tasks(now: dt.datetime | None = None) -> int:
    """Re-queue each RUNNING task whose worker has stopped beating (or, for a worker that never beat,
    that has run past the time limit; or that has run past twice the limit whatever its worker says).
    A task whose workers have died `max_attempts()` times is marked failed instead, with the reason."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    live, known = live_worker_ids(now), set(WorkerHeartbeat.objects.values_list("worker_id", flat=True))
    limit = dt.timedelta(seconds=task_timeout())
    recovered = 0
    for result in DBTaskResult.objects.running().only("id", "worker_ids", "started_at", "task_path"):
        last = result.worker_ids[-1] if result.worker_ids else ""
        ran_for = now - (result.started_at or now)
        if last in live:
            lost = ran_for > 2 * limit
        elif last in known:
            lost = True  # its worker's heartbeat stopped
        else:
            lost = ran_for > limit
        if not lost:
            continue
        still_running = DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING)
        if len(result.worker_ids) >= max_attempts():
            error = WorkerLost(f"Given up after {len(result.worker_ids)} attempts: the worker running it stopped.")
            changed = still_running.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                traceback=str(error),
            )
        else:
            changed = still_running.update(status=TaskResultStatus.READY, run_after=now, started_at=None)
        if changed:
            logger.warning("Recovered task %s (%s) from worker %s", result.pk, result.task_path, last or "?")
        recovered += changed
    return recovered


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TaskTimedOut in the code inside after `seconds` (main thread on Unix; elsewhere none)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TaskTimedOut(f"The task took longer than {seconds:g} seconds.")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Worker(DBWorker):
    """django_tasks_db's worker, which also beats, limits each task's time, and recovers lost work at
    start-up and every `SENATE_WORKER_RECOVER_SECONDS`. `beat_every=0` beats only at start-up (tests)."""

    def __init__(self, *, beat_every: float | None = None, timeout: float | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.beat_every = beat_seconds() if beat_every is None else beat_every
        self.timeout = task_timeout() if timeout is None else timeout
        self.recover_every = _seconds("SENATE_WORKER_RECOVER_SECONDS", 30)
        self._stop = threading.Event()

    def run(self) -> None:
        beat(self.worker_id)
        logger.info("Recovered at start-up: %s", recover())
        beater = None
        if self.beat_every:
            beater = threading.Thread(target=self._beat_loop, name="senate-heartbeat", daemon=True)
            beater.start()
        try:
            super().run()
        finally:
            self._stop.set()
            if beater is not None:
                beater.join(timeout=self.beat_every + 5)
            stopped(self.worker_id)

    def run_task(self, db_task_result: "DBTaskResult") -> None:
        try:
            with time_limit(self.timeout):
                super().run_task(db_task_result)
        except TaskTimedOut:  # the limit struck after the task had finished: its outcome is stored
            logger.warning("Task %s timed out while its result was stored", db_task_result.id)

    def _beat_loop(self) -> None:
        last_recovery = time.monotonic()
        try:
            while not self._stop.wait(self.beat_every):
                try:
                    close_old_connections()
                    beat(self.worker_id)
                    if time.monotonic() - last_recovery >= self.recover_every:
                        last_recovery = time.monotonic()
                        counts = recover()
                        if any(counts.values()):
                            logger.warning("Recovered lost work: %s", counts)
                except OperationalError:  # the database is busy or away; beat again next time
                    logger.warning("Could not record the worker heartbeat", exc_info=True)
                except Exception:
                    logger.exception("Worker heartbeat or recovery failed")
        finally:
            connections.close_all()
