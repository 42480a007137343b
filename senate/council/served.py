"""The records Council pages serve, found and checked by the framework before the view runs
(`requires(permission, on=…)`, see senate.core.access): a meeting of the current Senate. Pages about
a request (issue, publication) are served it by reviews' REQUEST."""

from typing import Any

from django.http import HttpRequest

from senate.core.access import Served
from senate.council.models import Meeting


def _meeting(http: HttpRequest, pk: int) -> Any:
    meetings = Meeting.objects.filter(senate=getattr(http, "senate", None), pk=pk)
    return meetings.select_related("senate", "chair").first()


MEETING = Served(
    name="meeting", key="pk", find=_meeting, missing="There is no meeting with that number in this Senate."
)
