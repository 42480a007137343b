"""Base models and the audit trail. Reports can reach a judicial review, so every write that
matters leaves an AuditEvent in the same transaction: who, what, when, and on which record."""

from collections.abc import Iterable
from typing import TypedDict, Unpack

from django.conf import settings
from django.db import models
from django.db.models.base import ModelBase
from django.utils import timezone


class SaveOptions(TypedDict, total=False):
    """What `Model.save` takes, for the models that check something before passing them on."""

    force_insert: bool | tuple[ModelBase, ...]
    force_update: bool
    using: str | None
    update_fields: Iterable[str] | None


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """An immutable record of one act, and a link in its Senate's hash chain (`senate.core.audit`).

    Never updated or deleted: `save` refuses a second save, and a database trigger refuses UPDATE and
    DELETE (migration 0005). So that no delete elsewhere has to change a row here, the person and the
    Senate are PROTECTed: someone with audit history is deactivated, never deleted, and a Senate that
    closes is marked ended (`Senate.ended`, `merged_into`). SET_NULL would rewrite the event, break its
    hash and lose who acted, which is the point of the record."""

    at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    senate = models.ForeignKey(
        "organisations.Senate", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=40)
    summary = models.CharField(max_length=300)
    data = models.JSONField(default=dict, blank=True)
    # The hash chain: one per Senate ("senate:<id>"), one for events of no Senate ("platform").
    chain = models.CharField(max_length=40, editable=False)
    sequence = models.PositiveBigIntegerField(editable=False)
    previous_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        constraints = [models.UniqueConstraint(fields=["chain", "sequence"], name="core_auditevent_one_per_link")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.summary}"

    def save(self, **options: Unpack[SaveOptions]) -> None:
        if self.pk:
            raise ValueError("Audit events are immutable.")
        super().save(**options)


class AuditChainHead(models.Model):
    """The last link of one hash chain. `audit.record` locks this row (SELECT ... FOR UPDATE on
    PostgreSQL) to append, so two writers to one Senate's chain take turns; `verify_chains` checks
    that the chain's last event is the one named here, so deleting the newest events is noticed."""

    chain = models.CharField(max_length=40, unique=True)
    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"{self.chain} at {self.sequence}"


class WorkerHeartbeat(models.Model):
    """One row per background worker process, touched every few seconds while it lives. A page that
    waits on background work asks `senate.core.worker.worker_alive()`; a task claimed by a worker
    whose beat has stopped is re-queued (`senate.core.worker.recover`)."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=200, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)
    stopped_at = models.DateTimeField(null=True, blank=True, help_text="Set when the worker stops cleanly")

    def __str__(self) -> str:
        return f"worker {self.worker_id} on {self.host} (pid {self.pid})"
