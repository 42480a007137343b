"""Reminders to the requester about evidence the Senate asked for and has not received: once when it
is due within REMIND_DAYS, and once when overdue. Keys stop a daily run from repeating one."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from senate.accounts.models import User
from senate.evidence.library import requester_contacts
from senate.evidence.models import EvidenceRequest
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate
from senate.reviews.stages import FINISHED

REMIND_DAYS = 7


def send_evidence_reminders(senate: Senate, *, today: dt.date) -> int:
    """Queue reminders for every outstanding evidence request in this Senate. Returns how many."""
    sent = 0
    asked = (
        EvidenceRequest.objects.filter(request__senate=senate, due_on__lte=today + dt.timedelta(days=REMIND_DAYS))
        .exclude(items__versions__isnull=False)
        .exclude(request__stage__in=FINISHED)
        .select_related("request", "request__senate")
        .distinct()
    )
    with transaction.atomic():
        for one in asked:
            late = one.due_on < today
            queued = 0
            for contact in requester_contacts(one.request):
                email = queue_email(
                    to=contact,
                    subject=f"{'Overdue' if late else 'Due soon'}: evidence for {one.request.title}"[:200],
                    body=_body(one, contact, late),
                    kind="evidence.reminder",
                    about=one,
                    senate=senate,
                    dedupe_key=f"evidence.reminder:{one.pk}:{contact.pk}:{'overdue' if late else 'due'}",
                )
                queued += email is not None
            sent += queued
            if queued:
                EvidenceRequest.objects.filter(pk=one.pk).update(last_reminded_on=today)
    return sent


def _body(asked: EvidenceRequest, contact: User, late: bool) -> str:
    link = reverse("evidence:library", kwargs={"senate": asked.request.senate.slug, "pk": asked.request_id})
    when = f"was due on {asked.due_on:%-d %B %Y}" if late else f"is due by {asked.due_on:%-d %B %Y}"
    return (
        f"Dear {contact.full_name},\n\n"
        f"The {asked.request.senate.name} asked for “{asked.title}” for the review of “{asked.request.title}”. "
        f"It {when} and has not been uploaded yet.\n\nUpload it here:\n{settings.SITE_URL}{link}\n\n"
        "If it will be late, please tell the Senate team.\n"
    )
