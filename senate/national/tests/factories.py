"""Requests as the national view finds them: issued (not published), and published by the council
app's own steps."""

import datetime as dt

from django.utils import timezone

from senate.reviews.models import RequestEvent
from senate.reviews.tests.factories import RequestFactory


def issued_request(cast, *, title="Issued advice on stroke services", sent_days_before_issue=40, **fields):
    """A request whose advice was issued today, sent `sent_days_before_issue` days before (made directly)."""
    now = timezone.now()
    request = RequestFactory(
        created_by=cast["requester"],
        stage="issued",
        title=title,
        submitted_at=now - dt.timedelta(days=sent_days_before_issue),
        **fields,
    )
    RequestEvent.objects.create(request=request, action="issue", from_stage="approved", to_stage="issued")
    return request
