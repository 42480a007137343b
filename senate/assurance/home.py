"""Front-page tasks from assurance (see organisations.home): an urgent temporary change due to be
looked at again within a week, for the Senate team and the requester's contacts."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import User
from senate.accounts.roles import organisations_for, roles_in
from senate.assurance.reminders import due_for_review
from senate.organisations.home import Task
from senate.organisations.models import Senate


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    team = bool(roles_in(user, senate) & {"manager", "chair", "vice_chair"})
    orgs = organisations_for(user, senate)
    if not (team or orgs):
        return []
    return [
        Task(
            f"{c.request.reference}: look again at the urgent temporary change",
            reverse("assurance:request", args=[senate.slug, c.request_id]),
            due_on=c.temporary_review_date,
            overdue=c.temporary_review_date is not None and c.temporary_review_date < today,
        )
        for c in due_for_review(senate, today)
        if team or {c.request.requesting_organisation_id, c.request.sponsor_organisation_id} & orgs
    ]
