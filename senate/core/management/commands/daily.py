import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from senate.organisations.models import Senate


class Command(BaseCommand):
    help = (
        "The daily run (cron it): deadline reminders for requests, declaration reminders and reviews of urgent "
        "temporary changes, every Senate; requesters asked for their board's decision three months after advice; "
        "and work a dead background worker left behind is queued again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        from senate.assurance.reminders import send_temporary_change_reminders
        from senate.core.worker import recover
        from senate.evidence.reminders import send_evidence_reminders
        from senate.interests.reminders import send_declaration_reminders
        from senate.panels.invitations import send_invitation_reminders as send_panel_reminders
        from senate.programme.feedback import ask_for_board_decisions
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
            asked = ask_for_board_decisions(senate, today=today)
            self.stdout.write(f"{senate.name}: {asked} requesters asked for their board's decision")
            temporary = send_temporary_change_reminders(senate, today=today)
            self.stdout.write(f"{senate.name}: {temporary} temporary-change review reminders queued")
