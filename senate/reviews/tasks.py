import datetime as dt

from django_tasks import task

from senate.organisations.models import Senate
from senate.reviews.deadlines import send_reminders


@task()
def send_deadline_reminders() -> int:
    """Run daily (see `senate daily`): reminders for every overdue step in every current Senate."""
    today = dt.date.today()
    return sum(send_reminders(senate, today=today) for senate in Senate.objects.current(today))
