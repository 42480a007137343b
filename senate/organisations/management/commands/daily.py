import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from senate.core import registry
from senate.core.worker import recover
from senate.organisations.daily import DAILY
from senate.organisations.models import Senate


class Command(BaseCommand):
    help = (
        "The daily run (cron it): for every Senate, what each app registered for the day (deadline reminders for "
        "requests, declaration reminders, terms ending, reviews of urgent temporary changes, requesters asked for "
        "their board's decision three months after advice…); and work a dead background worker left behind is "
        "queued again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        recovered = recover()
        self.stdout.write(
            "Recovered from stopped workers: " + ", ".join(f"{n} {what}" for what, n in recovered.items())
        )
        today = dt.date.today()
        work = registry.labelled(DAILY)
        for senate in Senate.objects.current(today):
            for label, run in work:
                self.stdout.write(f"{senate.name}: {run(senate, today=today)} {label}")
