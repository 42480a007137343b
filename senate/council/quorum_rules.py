"""Changing the Council's quorum rules: one act, saved and audited together (before → after)."""

from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.council.models import QuorumRule
from senate.organisations.models import Senate

FIELDS = ("share_percent", "min_members", "needs_chair", "min_ppv", "council_approves")


def set_quorum_rules(senate: Senate, *, changes: dict[str, Any], by: User) -> QuorumRule:
    """Save the Senate's quorum rules with `changes` and record who changed what. All or nothing."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValueError(f"Not a quorum rule: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        rule = QuorumRule.objects.select_for_update().filter(senate=senate).first() or QuorumRule(senate=senate)
        changed = {
            name: [getattr(rule, name), value] for name, value in changes.items() if getattr(rule, name) != value
        }
        for name, value in changes.items():
            setattr(rule, name, value)
        rule.save()
        summary = "Quorum rules changed" if changed else "Quorum rules saved unchanged"
        audit.record("council.quorum_changed", rule, by=by, senate=senate, summary=summary, data={"changed": changed})
    return rule
