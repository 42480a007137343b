"""Front-page tasks from the register of interests (see organisations.home): a member's own
declaration when one is due, and for the Senate team how many members are overdue or never declared."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import User
from senate.interests import due
from senate.interests.permission_names import InterestsPermission as P
from senate.organisations.home import Task
from senate.organisations.models import Senate


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    found = []
    profile = getattr(user, "profile", None)  # read once for the page (the header asks too)
    if profile is not None:
        for row in due.due_rows(senate, today=today, profile=profile):
            if row.status == due.Status.NEVER:
                found.append(Task("Make your first declaration of interests (or a nil return)", _mine(), overdue=True))
            elif row.status in (due.Status.DUE, due.Status.OVERDUE):
                what = "; ".join(o.what for o in row.obligations)
                found.append(
                    Task(
                        f"Declare your interests: {what}",
                        _mine(),
                        due_on=row.due_on,
                        overdue=row.status == due.Status.OVERDUE,
                    )
                )
    if user.has_perm(P.VIEW_DUE, senate):
        counted = due.counted(senate, today=today)
        late = counted[due.Status.OVERDUE.value] + counted[due.Status.NEVER.value]
        if late:
            found.append(
                Task(
                    f"{late} member{'' if late == 1 else 's'} overdue with declarations or never declared",
                    reverse("interests:due", args=[senate.slug]),
                    overdue=True,
                )
            )
    return found


def _mine() -> str:
    return reverse("declarations:list")
