"""A requester's front-page tasks (organisations.home): feedback on advice their organisation asked
for, once it is issued, and their board's decision from three months after issue."""

import datetime as dt

from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils.timezone import localdate

from senate.accounts.models import Role, User
from senate.accounts.roles import organisations_for, roles_in
from senate.council.publication import ISSUED_OR_LATER
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.programme.feedback import BOARD_DECISION_AFTER
from senate.programme.models import BoardDecision, Feedback
from senate.reviews.models import Origin, Request


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    if Role.REQUESTER not in roles_in(user, senate):
        return []
    issued = (
        Request.objects.filter(
            senate=senate,
            origin=Origin.REQUESTER,
            requesting_organisation_id__in=organisations_for(user, senate),
            stage__in=ISSUED_OR_LATER,
        )
        .annotate(
            answered=Exists(Feedback.objects.filter(request=OuterRef("pk"))),
            decided=Exists(BoardDecision.objects.filter(request=OuterRef("pk"))),
            issued_at=Max("events__at", filter=Q(events__action="issue")),
        )
        .filter(Q(answered=False) | Q(decided=False))
        .order_by("reference")
    )
    found = []
    for r in issued:
        args = [senate.slug, r.pk]
        if not r.answered:
            href = reverse("programme:feedback", args=args)
            found.append(Task(f"Give feedback on the advice: {r.reference} {r.title}", href))
        if not r.decided and r.issued_at and localdate(r.issued_at) <= today - BOARD_DECISION_AFTER:
            href = reverse("programme:board_decision", args=args)
            found.append(Task(f"Record your board's decision: {r.reference} {r.title}", href))
    return found
