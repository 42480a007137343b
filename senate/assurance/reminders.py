"""The daily reminder (`senate daily`) that an urgent temporary change must be looked at again: to
the Senate team and the requester's contacts, from a week before its review date until the change is
looked at (a new review date, or the request closed). One email per person per review date."""

import datetime as dt

from django.db import transaction

from senate.assurance.models import AssuranceContext
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate
from senate.reviews.notices import recipients
from senate.reviews.stages import Stage

WARNING = dt.timedelta(days=7)


def due_for_review(senate: Senate, today: dt.date) -> list[AssuranceContext]:
    return list(
        AssuranceContext.objects.filter(
            request__senate=senate,
            request__kind="urgent_temporary",
            temporary_review_date__lte=today + WARNING,
        )
        .exclude(request__stage__in=[Stage.DRAFT, Stage.CLOSED, Stage.WITHDRAWN])
        .select_related("request__senate", "request__requesting_organisation")
    )


def send_temporary_change_reminders(senate: Senate, *, today: dt.date) -> int:
    sent = 0
    with transaction.atomic():
        for context in due_for_review(senate, today):
            request, on = context.request, context.temporary_review_date
            assert on is not None
            for person in recipients(request, "both"):
                sent += bool(
                    queue_email(
                        to=person,
                        subject=f"{request.reference}: the temporary change must be looked at again by {on:%-d %B %Y}",
                        body=(
                            f"{request.title} is an urgent temporary change. It was to be looked at again by "
                            f"{on:%-d %B %Y}: decide whether it ends, continues with a new review date, or "
                            "becomes a proposal for permanent change (which may be notifiable)."
                        ),
                        kind="assurance.temporary_review",
                        about=request,
                        senate=senate,
                        dedupe_key=f"temporary-review:{request.pk}:{on.isoformat()}:{person.pk}",
                    )
                )
    return sent
