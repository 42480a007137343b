"""The outbox: every email Senate sends is a row first, so it can be listed on the record it concerns
and nothing is lost if the mail server is down. The worker delivers rows after the write commits:
QUEUED → SENDING (claimed by one delivery) → SENT; a failed attempt goes back to QUEUED with a
back-off, and after `outbox.MAX_ATTEMPTS` the email is FAILED with the reason."""

from django.conf import settings
from django.db import models


class Email(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    senate = models.ForeignKey("organisations.Senate", null=True, blank=True, on_delete=models.SET_NULL)
    to = models.EmailField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="emails_received"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    kind = models.CharField(max_length=60, help_text="What the email is about, e.g. request.accepted")
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    dedupe_key = models.CharField(max_length=200, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.CharField(max_length=300, blank=True, help_text="Why the last attempt failed")
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Delivery attempts that failed or were lost")
    next_attempt_at = models.DateTimeField(null=True, blank=True, help_text="Not sent before this (back-off)")
    claimed_at = models.DateTimeField(null=True, blank=True, help_text="When a worker took it to send")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
