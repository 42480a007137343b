"""Reading and changing a Senate's conflicts-of-interest settings, and the gift and hospitality
thresholds they set."""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.interests.models import ConflictPolicy, Kind
from senate.organisations.models import Senate

EDITABLE = (
    "gift_promotional_limit",
    "gift_declare_limit",
    "hospitality_declare_from",
    "hospitality_refuse_over",
    "annual_month",
    "new_interest_days",
    "lookback_years",
    "retention_years",
    "ended_shown_months",
    "local_area_always",
)


def conflict_policy_for(senate: Senate | None) -> ConflictPolicy:
    """The Senate's rules, made with the NHS defaults the first time they are asked for."""
    if senate is None:
        return ConflictPolicy()
    rules, _ = ConflictPolicy.objects.get_or_create(senate=senate)
    return rules


def conflict_policies_of(senates: Sequence[Senate]) -> dict[int, ConflictPolicy]:
    """Several Senates' conflict policies by id, in one query (made with the NHS defaults for any that has none yet)."""
    kept = {r.senate_id: r for r in ConflictPolicy.objects.filter(senate__in=list(senates))}
    return {senate.pk: kept.get(senate.pk) or conflict_policy_for(senate) for senate in senates}


def update_conflict_policy(rules: ConflictPolicy, *, changes: dict[str, Any], by: User) -> ConflictPolicy:
    """Change the Senate's settings, with an audit event listing what changed from what."""
    changed = {
        name: [str(getattr(rules, name)), str(value)]
        for name, value in changes.items()
        if name in EDITABLE and getattr(rules, name) != value
    }
    with transaction.atomic():
        for name in changed:
            setattr(rules, name, changes[name])
        rules.updated_by = by
        rules.save()
        audit.record(
            "interests.rules_changed",
            rules,
            by=by,
            senate=rules.senate,
            summary=f"Conflicts of interest policy changed: {', '.join(changed) or 'nothing'}",
            data={"changed": changed},
        )
    return rules


def money(value: Decimal) -> str:
    return f"£{value:,.2f}".removesuffix(".00")


def threshold_advice(kind: str, value: Decimal | None, rules: ConflictPolicy) -> str:
    """What the Senate's thresholds say about a gift or hospitality of this value."""
    if value is None or kind not in (Kind.GIFT, Kind.HOSPITALITY):
        return ""
    if kind == Kind.GIFT:
        if value <= rules.gift_promotional_limit:
            return f"Low-cost promotional item ({money(rules.gift_promotional_limit)} or less)"
        if value <= rules.gift_declare_limit:
            return "Gifts from suppliers should be declined; other gifts are declared"
        return f"Over {money(rules.gift_declare_limit)}: accept only on the organisation's behalf, and declare"
    if value < rules.hospitality_declare_from:
        return f"Under {money(rules.hospitality_declare_from)}: may be accepted without declaring"
    if value <= rules.hospitality_refuse_over:
        return f"{money(rules.hospitality_declare_from)} to {money(rules.hospitality_refuse_over)}: must be declared"
    return f"Over {money(rules.hospitality_refuse_over)}: refuse unless a senior manager approves"
