import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from senate.interests.reminders import send_declaration_reminders
from senate.organisations.models import Senate


class Command(BaseCommand):
    help = "Queue declaration-of-interest reminders for every current Senate. Safe to run daily from cron."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None, help="As if today were YYYY-MM-DD.")

    def handle(self, *args: Any, date: dt.date | None, **options: Any) -> None:
        today = date or dt.date.today()
        total = 0
        for senate in Senate.objects.current(today).order_by("name"):
            sent = send_declaration_reminders(senate, today=today)
            total += sent
            self.stdout.write(f"{senate.name}: {sent} reminder{'' if sent == 1 else 's'} queued")
        self.stdout.write(self.style.SUCCESS(f"{total} reminders queued in all."))
