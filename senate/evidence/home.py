"""Front-page tasks from evidence (see organisations.home): for a requester, each piece of evidence
the Senate asked their organisation for that has not been uploaded yet, with its due date."""

import datetime as dt
from typing import Any

from django.urls import reverse

from senate.accounts.models import Role
from senate.accounts.roles import organisations_for, roles_in
from senate.evidence.models import EvidenceRequest
from senate.organisations.home import Task
from senate.reviews.stages import FINISHED


def tasks(user: Any, senate: Any, today: dt.date) -> list[Task]:
    if Role.REQUESTER not in roles_in(user, senate):
        return []
    waiting = (
        EvidenceRequest.objects.filter(
            request__senate=senate,
            request__requesting_organisation_id__in=organisations_for(user, senate),
            items__isnull=True,
        )
        .exclude(request__stage__in=FINISHED)
        .select_related("request")
    )
    return [
        Task(
            f"{asked.request.reference}: upload {asked.title}",
            reverse("evidence:library", args=[senate.slug, asked.request_id]),
            due_on=asked.due_on,
            overdue=asked.due_on < today,
        )
        for asked in waiting
    ]
