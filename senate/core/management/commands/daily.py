import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from senate.organisations.models import Senate


class Command(BaseCommand):
    help = "The daily run (cron it): deadline reminders for requests and declaration reminders, every Senate."

    def handle(self, *args: Any, **options: Any) -> None:
        from senate.interests.reminders import send_declaration_reminders
        from senate.reviews.deadlines import send_reminders

        today = dt.date.today()
        for senate in Senate.objects.current(today):
            requests = send_reminders(senate, today=today)
            declarations = send_declaration_reminders(senate, today=today)
            self.stdout.write(f"{senate.name}: {requests} deadline and {declarations} declaration reminders queued")
