import datetime as dt

from django_tasks import task

from senate.evidence import library
from senate.evidence.reminders import send_evidence_reminders
from senate.organisations.models import Senate


@task()
def send_reminders_for_all_senates() -> int:
    """Run daily: evidence reminders for every current Senate. Keys stop repeats."""
    today = dt.date.today()
    return sum(send_evidence_reminders(senate, today=today) for senate in Senate.objects.current(today))


@task()
def extract_version_text(version_id: int) -> int:
    """Queued when an upload commits: keep the version's text for search (best effort, limited in
    time and memory). Returns how many characters were kept."""
    return library.store_extracted_text(version_id)
