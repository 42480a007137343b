"""Reminders to members who owe a declaration, sent through the outbox by the background worker.
Each email has a key naming the member, what they owe and whether it is due or overdue, so a daily
run never sends the same reminder twice."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from senate.interests.due import DueRow, Status, due_rows
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate


def send_declaration_reminders(senate: Senate, *, today: dt.date) -> int:
    """Queue a reminder for every member of this Senate who owes a declaration. Returns how many."""
    sent = 0
    with transaction.atomic():
        for row in due_rows(senate, today=today):
            if row.status != Status.UP_TO_DATE and _remind(row, senate, today):
                sent += 1
    return sent


def _remind(row: DueRow, senate: Senate, today: dt.date) -> bool:
    late = row.due_on is not None and row.due_on < today
    owed = "+".join(sorted(o.key for o in row.obligations))
    email = queue_email(
        to=row.profile.user,
        subject=f"{'Overdue' if late else 'Due'}: your declaration of interests for the {senate.name}",
        body=_body(row, senate, late),
        kind="interests.reminder",
        about=row.profile,
        senate=senate,
        dedupe_key=f"interests.reminder:{senate.pk}:{row.profile.pk}:{owed}:{'overdue' if late else 'due'}",
    )
    return email is not None


def _body(row: DueRow, senate: Senate, late: bool) -> str:
    owed = "\n".join(f"- {o.what} (due by {o.due_on:%-d %B %Y})" for o in row.obligations)
    when = "is overdue" if late else f"is due by {row.due_on:%-d %B %Y}" if row.due_on else "is due"
    return (
        f"Dear {row.profile.user.full_name},\n\n"
        f"Your declaration of interests for the {senate.name} {when}:\n{owed}\n\n"
        "Declare any interests, or make a nil return if you have none, or confirm that your declarations "
        f"are up to date:\n{settings.SITE_URL}{reverse('declarations:list')}\n\n"
        "A Senate's advice is worth only as much as its impartiality. Thank you.\n"
    )
