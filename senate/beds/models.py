"""A bed model belongs to one request for advice: the scenario a panel enters (in the shared
``senate-bed-scenario/1`` format), the state of its run, and the comparison it produced."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

# A run that has written nothing for this long has lost its worker (stopped, restarted or killed):
# the page says so and the model may be run again. Progress is written at least every few seconds.
# Sooner than that, a run with no background worker beating (senate.core.worker) is known to be lost.
STALLED_AFTER = dt.timedelta(minutes=15)


def _worker_alive() -> bool:
    from senate.core.worker import worker_alive

    return worker_alive()


class BedModel(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Not run yet"
        QUEUED = "queued", "Waiting to run"
        RUNNING = "running", "Running"
        DONE = "done", "Results ready"
        FAILED = "failed", "Could not run"

    request = models.ForeignKey("reviews.Request", on_delete=models.PROTECT, related_name="bed_models")
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scenario = models.JSONField(default=dict, blank=True, help_text="senate-bed-scenario/1")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    progress = models.FloatField(default=0.0, help_text="0 to 1 while running")
    result = models.JSONField(null=True, blank=True, help_text="senate-bed-comparison/1")
    charts = models.JSONField(default=list, blank=True, help_text="[{key, title, svg}] drawn from the result")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["request", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_busy(self) -> bool:
        """Queued or running, and still alive: the page polls and the inputs are locked."""
        return self.status in {self.Status.QUEUED, self.Status.RUNNING} and not self.is_stalled

    @property
    def is_stalled(self) -> bool:
        """Running with no background worker alive, or queued or running with nothing written for
        `STALLED_AFTER` although a worker is alive: its worker has gone, or its task was lost. (Queued
        with no worker alive is waiting, not stalled: see `waits_for_worker`.)"""
        if self.status not in {self.Status.QUEUED, self.Status.RUNNING}:
            return False
        alive = _worker_alive()
        if self.status == self.Status.RUNNING and not alive:
            return True
        quiet_since = self.updated_at or self.created_at
        return alive and quiet_since is not None and timezone.now() - quiet_since > STALLED_AFTER

    @property
    def worker_alive(self) -> bool:
        return _worker_alive()

    @property
    def waits_for_worker(self) -> bool:
        """Queued, but no background worker is running to start it."""
        return self.status == self.Status.QUEUED and not _worker_alive()

    @property
    def has_baseline(self) -> bool:
        return bool(self.scenario.get("baseline"))

    @property
    def has_proposal(self) -> bool:
        return bool(self.scenario.get("proposal"))


class BedTestLink(models.Model):
    """The bed model a request's panel relies on for the bed test (at most one per request)."""

    request = models.OneToOneField("reviews.Request", on_delete=models.PROTECT, related_name="bed_test_link")
    bed_model = models.ForeignKey(BedModel, on_delete=models.PROTECT, related_name="bed_test_links")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.bed_model} relied on for the bed test"
