"""Front-page tasks from participation (see organisations.home): for the Senate team, terms ending
without a renewal decision and claims waiting; for a member, induction items to complete and their
answer on continuing when their term is ending."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import User
from senate.members.models import Membership
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.participation import queries, terms
from senate.participation.models import InductionStep
from senate.participation.permission_names import ParticipationPermission as P


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    found: list[Task] = []
    if user.has_perm(P.MANAGE_PARTICIPATION, senate):
        found += _team(senate, today)
    if user.has_perm(P.TAKE_PART, senate):
        found += _member(user, senate, today)
    return found


def _team(senate: Senate, today: dt.date) -> list[Task]:
    found = []
    undecided = terms.ending_within(senate, max(terms.REMINDER_DAYS), today=today).filter(renewal_decision__isnull=True)
    if count := undecided.count():
        href = reverse("participation:overview", args=[senate.slug])
        found.append(Task(f"Review the renewal of {count} term{'s' if count != 1 else ''} ending soon", href))
    if waiting := queries.claims_waiting(senate).count():
        href = reverse("participation:claims", args=[senate.slug])
        found.append(
            Task(f"Decide {waiting} involvement payment and expenses claim{'s' if waiting != 1 else ''}", href)
        )
    return found


def _member(user: User, senate: Senate, today: dt.date) -> list[Task]:
    mine = reverse("participation:mine", args=[senate.slug])
    found = []
    left = InductionStep.objects.filter(
        membership__profile__user=user,
        membership__senate=senate,
        membership__ended_on__isnull=True,
        completed_at__isnull=True,
    ).exclude(item="declarations")
    if n := left.count():
        found.append(Task(f"Complete your induction ({n} item{'s' if n != 1 else ''} left)", mine + "#induction"))
    ending = Membership.objects.current(today).filter(
        profile__user=user,
        senate=senate,
        term_end__lte=today + dt.timedelta(days=senate.term_warning_days),
        continue_wish__isnull=True,
        renewal_decision__isnull=True,
    )
    for m in ending:
        found.append(Task("Tell the Senate team whether you wish to continue", mine, due_on=m.term_end))
    return found
