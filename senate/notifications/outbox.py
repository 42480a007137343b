"""Queue and deliver emails. `queue_email` is called inside the write it belongs to; delivery
happens in the background worker once that write has committed."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from senate.accounts.models import User
from senate.notifications.models import Email
from senate.organisations.models import Senate


def queue_email(
    *,
    to: User | str,
    subject: str,
    body: str,
    kind: str,
    about: models.Model | None = None,
    senate: Senate | None = None,
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


def _enqueue(email_id: int, *, run_after: dt.datetime | None = None) -> None:
    """Give the email a delivery task. A retry waits for its back-off where the backend can defer
    (the database backend); elsewhere `recover_emails` queues it again once it is due."""
    if run_after is None:
        deliver_email.enqueue(email_id)
    elif deliver_email.get_backend().supports_defer:
        deliver_email.using(run_after=run_after).enqueue(email_id)


def max_attempts() -> int:
    return int(getattr(settings, "SENATE_EMAIL_MAX_ATTEMPTS", 5))


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failure: 1, 2, 4 … minutes, at most an hour."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def sending_timeout() -> dt.timedelta:
    """A row SENDING for longer than this lost its worker mid-send. Well above EMAIL_TIMEOUT, which
    bounds each step of an SMTP conversation, so a slow send in progress is never taken for lost."""
    default = max(10 * float(getattr(settings, "EMAIL_TIMEOUT", None) or 30), 60)
    return dt.timedelta(seconds=float(getattr(settings, "SENATE_EMAIL_SENDING_TIMEOUT", default)))


def deliver(email_id: int) -> Email:
    """Send one queued email, at most once. The row is claimed first with a conditional update
    (QUEUED → SENDING), so a second delivery of the same email (a duplicate task, a task re-queued
    after its worker died) finds it taken and sends nothing. A transport failure puts it back in the
    queue with a back-off, or after `max_attempts()` marks it FAILED with the reason."""
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = Email.objects.filter(due, pk=email_id, status=Email.Status.QUEUED).update(
        status=Email.Status.SENDING, claimed_at=now
    )
    email = Email.objects.get(pk=email_id)
    if not claimed:  # sent, being sent, given up, or not due yet: nothing to do
        return email
    try:
        send_mail(email.subject, email.body, None, [email.to])
    except Exception as error:  # noqa: BLE001 - any transport failure is recorded and retried, not lost
        return _attempt_failed(email, f"{type(error).__name__}: {error}", claimed_at=now)
    Email.objects.filter(pk=email_id).update(status=Email.Status.SENT, sent_at=timezone.now(), error="")
    email.refresh_from_db()
    return email


@task()
def deliver_email(email_id: int) -> None:
    """The background task that delivers one email (queued by `_enqueue`, so it lives beside it)."""
    deliver(email_id)


def _attempt_failed(email: Email, reason: str, *, claimed_at: dt.datetime) -> Email:
    now = timezone.now()
    attempts = email.attempts + 1
    mine = Email.objects.filter(pk=email.pk, status=Email.Status.SENDING, claimed_at=claimed_at)
    if attempts >= max_attempts():
        mine.update(
            status=Email.Status.FAILED, attempts=attempts, error=f"Gave up after {attempts} attempts: {reason}"[:300]
        )
    else:
        retry_at = now + backoff(attempts)
        if mine.update(status=Email.Status.QUEUED, attempts=attempts, error=reason[:300], next_attempt_at=retry_at):
            _enqueue(email.pk, run_after=retry_at)
    email.refresh_from_db()
    return email


def recover_emails(now: dt.datetime | None = None) -> int:
    """Run by the worker every so often and by `senate daily`: an email left SENDING past the
    timeout (its worker died mid-send) counts as a failed attempt and is queued again; a queued email
    that is due but whose task was lost (none has taken it for a while) is given a new task."""
    now = now or timezone.now()
    count = 0
    lost = Email.objects.filter(status=Email.Status.SENDING, claimed_at__lt=now - sending_timeout())
    for email in lost:
        count += _lost_mid_send(email, now)
    grace = now - ORPHAN_AFTER
    orphaned = Email.objects.filter(status=Email.Status.QUEUED).filter(
        Q(next_attempt_at__isnull=True, created_at__lt=grace) | Q(next_attempt_at__lt=grace)
    )
    for email_id in orphaned.values_list("pk", flat=True):
        if Email.objects.filter(pk=email_id, status=Email.Status.QUEUED).update(next_attempt_at=now):
            _enqueue(email_id)
            count += 1
    return count


ORPHAN_AFTER = dt.timedelta(minutes=2)


def _lost_mid_send(email: Email, now: dt.datetime) -> int:
    attempts = email.attempts + 1
    reason = "The worker sending it stopped before it finished."
    mine = Email.objects.filter(pk=email.pk, status=Email.Status.SENDING, claimed_at=email.claimed_at)
    if attempts >= max_attempts():
        return mine.update(
            status=Email.Status.FAILED, attempts=attempts, error=f"Gave up after {attempts} attempts: {reason}"
        )
    if mine.update(status=Email.Status.QUEUED, attempts=attempts, error=reason, next_attempt_at=now):
        _enqueue(email.pk)
        return 1
    return 0


def emails_about(obj: models.Model) -> models.QuerySet[Email]:
    return Email.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
