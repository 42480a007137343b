"""Delivery that loses nothing and sends nothing twice: a silent or absent mail server costs an
attempt and a back-off, never the email; a row claimed by one delivery is not sent by another; a
row left half-sent by a dead worker is retried only after the timeout."""

import datetime as dt
import socket
import time

import pytest
from django.core import mail
from django.core.mail import get_connection
from django.utils import timezone

from senate.notifications import outbox
from senate.notifications.models import Email

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def silent_smtp_server(settings):
    """A mail server that accepts the connection and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        settings.EMAIL_BACKEND, settings.EMAIL_HOST = SMTP, "127.0.0.1"
        settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = listener.getsockname()[1], 0.3
        yield listener


@pytest.fixture
def no_smtp_server(settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = SMTP, "127.0.0.1", port


def _queue(django_capture_on_commit_callbacks, subject="Hello") -> Email:
    with django_capture_on_commit_callbacks(execute=True):
        email = outbox.queue_email(to="a@example.org", subject=subject, body="Body", kind="test")
    email.refresh_from_db()
    return email


def _time_passes(email: Email, **kwargs) -> None:
    """As if the back-off (and the grace after it) has passed."""
    Email.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now() - dt.timedelta(**kwargs))


def test_the_smtp_connection_has_a_timeout():
    from django.conf import settings

    assert settings.EMAIL_TIMEOUT and settings.EMAIL_TIMEOUT <= 60
    assert get_connection(SMTP).timeout == settings.EMAIL_TIMEOUT


def test_a_silent_mail_server_costs_an_attempt_and_the_email_is_sent_later(
    db, silent_smtp_server, settings, django_capture_on_commit_callbacks
):
    begun = time.monotonic()
    email = _queue(django_capture_on_commit_callbacks)
    assert time.monotonic() - begun < 2
    assert email.status == Email.Status.QUEUED and email.attempts == 1 and "timed out" in email.error
    assert dt.timedelta(seconds=50) < email.next_attempt_at - timezone.now() <= dt.timedelta(minutes=1)
    assert outbox.recover_emails() == 0  # not due yet

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    _time_passes(email, minutes=3)
    assert outbox.recover_emails() == 1
    email.refresh_from_db()
    assert email.status == Email.Status.SENT and email.attempts == 1 and email.error == ""
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_retries_back_off_and_give_up_with_the_reason(db, no_smtp_server, settings, django_capture_on_commit_callbacks):
    settings.SENATE_EMAIL_MAX_ATTEMPTS = 3
    assert [outbox.backoff(n) for n in (1, 2, 3, 4)] == [dt.timedelta(minutes=m) for m in (1, 2, 4, 8)]
    email = _queue(django_capture_on_commit_callbacks)
    for attempts in (2, 3):
        _time_passes(email, minutes=3)
        outbox.recover_emails()
        email.refresh_from_db()
        assert email.attempts == attempts
    assert email.status == Email.Status.FAILED and email.error.startswith("Gave up after 3 attempts: ")
    assert "refused" in email.error.lower()
    _time_passes(email, minutes=3)
    assert outbox.recover_emails() == 0


def test_an_email_claimed_by_one_delivery_is_not_sent_by_another(db, monkeypatch):
    email = outbox.queue_email(to="a@example.org", subject="Once", body="", kind="test")  # not yet delivered
    real_send, seen = outbox.send_mail, []

    def send_while_another_delivery_runs(*args, **kwargs):
        seen.append(outbox.deliver(email.pk).status)  # the second, concurrent delivery
        return real_send(*args, **kwargs)

    monkeypatch.setattr(outbox, "send_mail", send_while_another_delivery_runs)
    assert outbox.deliver(email.pk).status == Email.Status.SENT
    assert seen == [Email.Status.SENDING] and len(mail.outbox) == 1
    assert outbox.deliver(email.pk).status == Email.Status.SENT  # a sent email is never sent again
    assert len(mail.outbox) == 1


def test_an_email_left_sending_by_a_dead_worker_is_retried_only_after_the_timeout(db, settings):
    settings.SENATE_EMAIL_SENDING_TIMEOUT = 60
    email = outbox.queue_email(to="a@example.org", subject="Half-sent", body="", kind="test")
    Email.objects.filter(pk=email.pk).update(status=Email.Status.SENDING, claimed_at=timezone.now())
    assert outbox.recover_emails() == 0 and outbox.deliver(email.pk).status == Email.Status.SENDING
    assert mail.outbox == []
    Email.objects.filter(pk=email.pk).update(claimed_at=timezone.now() - dt.timedelta(seconds=61))
    assert outbox.recover_emails() == 1
    email.refresh_from_db()
    assert email.status == Email.Status.SENT and email.attempts == 1 and len(mail.outbox) == 1


def test_a_queued_email_whose_task_was_lost_is_given_a_new_one(db):
    email = outbox.queue_email(to="a@example.org", subject="Orphan", body="", kind="test")  # the task never ran
    assert outbox.recover_emails() == 0  # its task may still be waiting in the queue
    Email.objects.filter(pk=email.pk).update(created_at=timezone.now() - dt.timedelta(minutes=3))
    assert outbox.recover_emails() == 1 and len(mail.outbox) == 1
    assert outbox.recover_emails() == 0


def test_a_retry_waits_for_its_back_off_on_the_database_backend(
    db, no_smtp_server, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = _queue(django_capture_on_commit_callbacks)
    outbox.deliver(email.pk)
    email.refresh_from_db()
    retry = DBTaskResult.objects.exclude(run_after__year=9999).get()
    assert email.attempts == 1 and retry.run_after == email.next_attempt_at
