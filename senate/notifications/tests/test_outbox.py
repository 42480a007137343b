from django.core import mail

from senate.notifications.models import Email
from senate.notifications.outbox import emails_about, queue_email


def test_queued_email_is_delivered_after_commit_and_listed_on_its_record(
    cast, senate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(to=cast["manager"], subject="Hello", body="Body", kind="test", about=senate, senate=senate)
    assert [m.subject for m in mail.outbox] == ["Hello"]
    assert emails_about(senate).get().status == Email.Status.SENT


def test_nothing_is_sent_if_the_write_fails(cast, senate, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue_email(to=cast["manager"], subject="Never", body="", kind="test", about=senate)
                raise RuntimeError("the write failed")
        except RuntimeError:
            pass
    assert mail.outbox == [] and not Email.objects.exists()


def test_a_reminder_with_the_same_key_is_queued_once(cast, senate):
    first = queue_email(to="a@example.org", subject="Due", body="", kind="reminder", dedupe_key="k1")
    second = queue_email(to="a@example.org", subject="Due", body="", kind="reminder", dedupe_key="k1")
    assert first is not None and second is None
