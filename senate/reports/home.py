"""Front-page tasks from reports (see organisations.home): for the Senate manager, each request whose
factual-accuracy comments from the requester still need an answer before the report is revised."""

import datetime as dt
from typing import Any

from django.db.models import Count
from django.urls import reverse

from senate.accounts.models import Role
from senate.accounts.roles import roles_in
from senate.organisations.home import Task
from senate.reports.models import AccuracyComment


def tasks(user: Any, senate: Any, today: dt.date) -> list[Task]:
    if Role.MANAGER not in roles_in(user, senate):
        return []
    waiting = (
        AccuracyComment.objects.filter(round__request__senate=senate, response="")
        .values("round__request_id", "round__request__reference")
        .annotate(n=Count("id"))
        .order_by("round__request__reference")
    )
    return [
        Task(
            f"{row['round__request__reference']}: answer {row['n']} factual-accuracy "
            f"comment{'' if row['n'] == 1 else 's'}",
            reverse("reports:accuracy", args=[senate.slug, row["round__request_id"]]),
        )
        for row in waiting
    ]
