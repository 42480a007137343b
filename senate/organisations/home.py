"""What a signed-in person has to do in a Senate, shown at the top of its front page. Each app registers
its `home.tasks(user, senate, today) -> list[Task]` for the things it owns (a declaration due, an
invitation to answer, terms to agree, a Council meeting coming up) at the extension point `HOME_TASKS`
from its `AppConfig.ready()`, so this app never imports them (`senate.core.registry`)."""

import datetime as dt
from dataclasses import dataclass

from senate.accounts.models import User
from senate.accounts.people import Visitor
from senate.core import registry
from senate.core.cache import until_next_act
from senate.organisations.models import Senate

HOME_TASKS = registry.point("organisations.home_tasks", "a Senate's front page tasks: tasks(user, senate, today)")


@dataclass(frozen=True)
class Task:
    text: str
    href: str
    due_on: dt.date | None = None
    overdue: bool = False
    date_word: str = "by"  # "by 3 March" for a deadline, "on 3 March" for a meeting


def tasks_for(user: Visitor, senate: Senate, today: dt.date) -> list[Task]:
    """Everything waiting for this person in this Senate: overdue first, then by date. Worked out once
    per person, Senate and day until the next act (`senate.core.cache`): every task comes from a record
    that changes only through an audited act, and a day's tasks change at midnight with the key. The
    front page is the page people open most, and asking every app costs more than the rest of it."""
    if not user.is_authenticated:
        return []
    return until_next_act(
        f"home-tasks:{user.pk}:{senate.pk}:{today.isoformat()}", lambda: _work_out(user, senate, today)
    )


def _work_out(user: User, senate: Senate, today: dt.date) -> list[Task]:
    found: list[Task] = []
    for tasks in registry.contributions(HOME_TASKS):
        found += tasks(user, senate, today)
    return sorted(found, key=lambda t: (not t.overdue, t.due_on or dt.date.max, t.text))
