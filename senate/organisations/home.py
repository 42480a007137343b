"""What a signed-in person has to do in a Senate, shown at the top of its front page. Each app lists
a module here with a function `tasks(user, senate, today) -> list[Task]` for the things it owns (a
declaration due, an invitation to answer, terms to agree, a Council meeting coming up); this app
imports them by name, so it never depends on them (the same pattern as reviews.sections)."""

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Any

from senate.core.cache import until_next_act

PROVIDERS: list[str] = [
    "senate.reviews.home",
    "senate.assurance.home",
    "senate.interests.home",
    "senate.evidence.home",
    "senate.panels.home",
    "senate.reports.home",
    "senate.council.home",
    "senate.programme.home",
    "senate.recruitment.home",
    "senate.participation.home",
]


@dataclass(frozen=True)
class Task:
    text: str
    href: str
    due_on: dt.date | None = None
    overdue: bool = False
    date_word: str = "by"  # "by 3 March" for a deadline, "on 3 March" for a meeting


def tasks_for(user: Any, senate: Any, today: dt.date) -> list[Task]:
    """Everything waiting for this person in this Senate: overdue first, then by date. Worked out once
    per person, Senate and day until the next act (`senate.core.cache`): every task comes from a record
    that changes only through an audited act, and a day's tasks change at midnight with the key. The
    front page is the page people open most, and asking every app costs more than the rest of it."""
    if not user.is_authenticated:
        return []
    return until_next_act(
        f"home-tasks:{user.pk}:{senate.pk}:{today.isoformat()}", lambda: _work_out(user, senate, today)
    )


def _work_out(user: Any, senate: Any, today: dt.date) -> list[Task]:
    found: list[Task] = []
    for provider in PROVIDERS:
        try:
            module = importlib.import_module(provider)
        except ModuleNotFoundError:
            continue
        found += module.tasks(user, senate, today)
    return sorted(found, key=lambda t: (not t.overdue, t.due_on or dt.date.max, t.text))
