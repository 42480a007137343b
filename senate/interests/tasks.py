import datetime as dt

from django_tasks import task

from senate.interests.reminders import send_declaration_reminders
from senate.organisations.models import Senate


@task()
def send_reminders_for_all_senates() -> int:
    """Run daily: declaration reminders for every current Senate. Keys stop repeats."""
    today = dt.date.today()
    return sum(send_declaration_reminders(senate, today=today) for senate in Senate.objects.current(today))
