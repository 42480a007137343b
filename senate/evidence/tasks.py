"""The evidence app's background tasks. Text extraction is defined beside the upload that queues it
(`library.extract_version_text`), so library and this file do not import each other."""

import datetime as dt

from django_tasks import task

from senate.evidence.library import extract_version_text
from senate.evidence.reminders import send_evidence_reminders
from senate.organisations.models import Senate


@task()
def send_reminders_for_all_senates() -> int:
    """Run daily: evidence reminders for every current Senate. Keys stop repeats."""
    today = dt.date.today()
    return sum(send_evidence_reminders(senate, today=today) for senate in Senate.objects.current(today))


__all__ = ["extract_version_text", "send_reminders_for_all_senates"]
