import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from senate.organisations.models import Senate


class Command(BaseCommand):
    help = (
        "The daily run (cron it): deadline reminders for requests and declaration reminders, every Senate; "
        "and work a dead background worker left behind is queued again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        from senate.core.worker import recover
        from senate.evidence.reminders import send_evidence_reminders
        from senate.interests.reminders import send_declaration_reminders
        from senate.panels.invitations import send_invitation_reminders as send_panel_reminders
        from senate.reviews.deadlines import send_reminders

        recovered = recover()
        self.stdout.write(
            "Recovered from stopped workers: " + ", ".join(f"{n} {what}" for what, n in recovered.items())
        )

        today = dt.date.today()
        for senate in Senate.objects.current(today):
            requests = send_reminders(senate, today=today)
            declarations = send_declaration_reminders(senate, today=today)
            self.stdout.write(f"{senate.name}: {requests} deadline and {declarations} declaration reminders queued")
            self.stdout.write(f"{senate.name}: {send_evidence_reminders(senate, today=today)} evidence reminders")
            self.stdout.write(f"{senate.name}: {send_panel_reminders(senate, today=today)} panel reminders queued")
