"""Support-team time on a request: a few minutes' typing, optional, read by the Senate team and
summed for dashboards (queries.effort_summary)."""

import datetime as dt

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.programme.models import Activity, Effort
from senate.reviews.models import Request


class EffortRefused(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def record_effort(request: Request, *, minutes: int, activity: str, on: dt.date, note: str, by: User) -> Effort:
    if not 1 <= minutes <= 24 * 60:
        raise EffortRefused("minutes", "Enter the time in minutes, from 1 to 1440 (a whole day)")
    if on > dt.date.today():
        raise EffortRefused("on", "The day the time was spent must be today or in the past")
    if activity not in Activity.values:
        raise EffortRefused("activity", "Choose what the time was spent on")
    with transaction.atomic():
        entry = Effort.objects.create(request=request, minutes=minutes, activity=activity, on=on, note=note, by=by)
        audit.record(
            "request.effort_recorded",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference}: {minutes} minutes on {entry.get_activity_display().lower()}",
        )
    return entry
