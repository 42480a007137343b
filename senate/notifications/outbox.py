"""Queue and deliver emails. `queue_email` is called inside the write it belongs to; delivery
happens in the background worker once that write has committed."""

from typing import Any

from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone

from senate.notifications.models import Email


def queue_email(
    *,
    to: Any,
    subject: str,
    body: str,
    kind: str,
    about: models.Model | None = None,
    senate: Any = None,
    dedupe_key: str = "",
) -> Email | None:
    """Queue one email to a person (a User) or an address. With `dedupe_key`, an email with the same
    key is never queued twice (reminders run daily)."""
    if dedupe_key and Email.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    address = to if isinstance(to, str) else to.email
    email = Email.objects.create(
        senate=senate,
        to=address,
        recipient=None if isinstance(to, str) else to,
        subject=subject[:200],
        body=body,
        kind=kind,
        object_type=about._meta.label_lower if about is not None else "",
        object_id=str(about.pk) if about is not None else "",
        dedupe_key=dedupe_key,
    )
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _enqueue(email_id: int) -> None:
    from senate.notifications.tasks import deliver_email

    deliver_email.enqueue(email_id)


def deliver(email_id: int) -> Email:
    email = Email.objects.get(pk=email_id)
    if email.status == Email.Status.SENT:
        return email
    try:
        send_mail(email.subject, email.body, None, [email.to])
    except Exception as error:  # noqa: BLE001 - any transport failure is recorded, not lost
        email.status, email.error = Email.Status.FAILED, str(error)[:300]
    else:
        email.status, email.sent_at = Email.Status.SENT, timezone.now()
    email.save(update_fields=["status", "sent_at", "error"])
    return email


def emails_about(obj: models.Model) -> models.QuerySet[Email]:
    return Email.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
