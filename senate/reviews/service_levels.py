"""A Senate's service levels: the notice it asks for and the windows it gives (docs/domain.md §2.5).
They drive the short-notice flag, the work queue's due dates and the daily reminders."""

from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.organisations.models import Senate

FIELDS = [
    "request_notice_days",
    "panel_notice_days",
    "papers_notice_days",
    "factual_accuracy_days",
    "response_days",
    "requires_commissioner_sponsor",
]


def change_service_levels(senate: Senate, *, values: dict[str, Any], by: User) -> list[str]:
    """Save the new values with an audit event naming what changed, from what, to what."""
    changed = {f: (getattr(senate, f), values[f]) for f in FIELDS if f in values and getattr(senate, f) != values[f]}
    if not changed:
        return []
    with transaction.atomic():
        for field, (_old, new) in changed.items():
            setattr(senate, field, new)
        senate.save(update_fields=list(changed))
        audit.record(
            "senate.service_levels_changed",
            senate,
            by=by,
            senate=senate,
            summary="Service levels changed: " + ", ".join(f"{f} {o} → {n}" for f, (o, n) in changed.items()),
            data={f: [o, n] for f, (o, n) in changed.items()},
        )
    return list(changed)
