"""Standing orders every Council module shares: which stage a request must have reached for each kind
of item to be put to the Council, who sits on the Council on a date, and the refusal that says why a
change is not allowed. Meetings, declarations, chairing and decisions all build on this module, so
none of them needs another that builds on it."""

import datetime as dt

from django.db.models import QuerySet

from senate.council.models import AgendaItem
from senate.members.models import Body, Membership
from senate.organisations.models import Senate
from senate.reviews.stages import Stage


class MeetingRefused(Exception):
    """The change is not allowed; the message says why."""


# The stages from which each kind of item can be put to the Council (reviews.lifecycle.ACTS).
READY: dict[str, set[str]] = {
    AgendaItem.Kind.APPROVE_TERMS: {Stage.TOR_DRAFTED, Stage.TOR_AGREED},
    AgendaItem.Kind.RATIFY_REPORT: {Stage.DRAFT_REPORT, Stage.FACTUAL_ACCURACY, Stage.REPORT_REVISED},
    AgendaItem.Kind.APPROVE_ADVICE: {Stage.ADVICE_DRAFTED},
}


def council_members(senate: Senate, on: dt.date) -> QuerySet[Membership]:
    return (
        Membership.objects.current(on)
        .filter(senate=senate, body=Body.COUNCIL)
        .select_related("profile__user")
        .order_by("profile__user__full_name")
    )
