"""Patient and public voice members' involvement payments and expenses claims, at the Senate's rates
(set by the Senate team), approved or rejected by the team and exported as CSV for finance."""

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.members.models import MemberProfile, Membership, MembershipRole
from senate.organisations.models import Senate
from senate.participation.models import Claim, ClaimRates


class ClaimRefused(ValueError):
    """The message names what is wrong, for the form."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def rates_of(senate: Senate) -> ClaimRates:
    return ClaimRates.objects.filter(senate=senate).first() or ClaimRates(senate=senate)


def set_rates(*, senate: Senate, half_day: Decimal, full_day: Decimal, per_mile: Decimal, by: User) -> ClaimRates:
    rates = rates_of(senate)
    before = {k: str(getattr(rates, k)) for k in ("half_day", "full_day", "per_mile")}
    with transaction.atomic():
        # In pence, as stored, so "150" typed over a stored 150.00 is not recorded as a change.
        rates.half_day, rates.full_day, rates.per_mile = (_pence(v) for v in (half_day, full_day, per_mile))
        rates.updated_by, rates.updated_at = by, timezone.now()
        rates.save()
        after = {k: str(getattr(rates, k)) for k in before}
        audit.record(
            "participation.rates_set",
            rates,
            by=by,
            senate=senate,
            summary="Involvement payment and expenses rates changed",
            data={"changed": {k: [before[k], after[k]] for k in before if before[k] != after[k]}},
        )
    return rates


def _pence(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"))


def may_claim(profile: MemberProfile | None, senate: Senate, on: dt.date) -> bool:
    """Patient and public voice members of the Council or Assembly claim; a claim for a day they
    were a member (a past member may still claim for their time)."""
    if profile is None:
        return False
    ppv = Membership.objects.filter(profile=profile, senate=senate, role=MembershipRole.PPV)
    return ppv.filter(term_start__lte=on, term_end__gte=on).exists()


def submit_claim(
    *,
    profile: MemberProfile,
    senate: Senate,
    activity_on: dt.date,
    activity: str,
    involvement: str,
    miles: int = 0,
    other_expenses: Decimal = Decimal("0"),
    other_description: str = "",
    by: User,
    today: dt.date | None = None,
) -> Claim:
    today = today or dt.date.today()
    if activity_on > today:
        raise ClaimRefused("Claim after the day you took part", "activity_on")
    if not may_claim(profile, senate, activity_on):
        raise ClaimRefused("Only patient and public voice members claim, for a day they were a member", "activity_on")
    if other_expenses and not other_description.strip():
        raise ClaimRefused("Say what the other expenses were for (keep the receipts)", "other_description")
    rates = rates_of(senate)
    payment = {Claim.Involvement.HALF_DAY: rates.half_day, Claim.Involvement.FULL_DAY: rates.full_day}.get(
        Claim.Involvement(involvement), Decimal("0")
    )
    with transaction.atomic():
        claim = Claim.objects.create(
            senate=senate,
            profile=profile,
            activity_on=activity_on,
            activity=activity.strip(),
            involvement=involvement,
            miles=miles,
            other_expenses=other_expenses,
            other_description=other_description.strip(),
            payment=payment,
            expenses=(rates.per_mile * miles + other_expenses).quantize(Decimal("0.01")),
        )
        audit.record(
            "participation.claim_submitted",
            claim,
            by=by,
            senate=senate,
            summary=f"{profile}: claim of £{claim.total} for {activity.strip()}",
            data={"person": profile.user_id},
        )
    return claim


def decide_claim(*, claim: Claim, approve: bool, reason: str, by: User) -> Claim:
    if claim.status != Claim.Status.SUBMITTED:
        raise ClaimRefused(f"This claim has already been {claim.get_status_display().lower()}")
    if not approve and not reason.strip():
        raise ClaimRefused("Say why the claim is rejected: the member is told", "reason")
    if claim.profile.user_id == getattr(by, "pk", None):
        raise ClaimRefused("Someone else must decide your own claim")
    with transaction.atomic():
        claim.status = Claim.Status.APPROVED if approve else Claim.Status.REJECTED
        claim.decided_by, claim.decided_at, claim.decision_reason = by, timezone.now(), reason.strip()[:300]
        claim.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        audit.record(
            f"participation.claim_{claim.status}",
            claim,
            by=by,
            senate=claim.senate,
            summary=f"{claim.profile}: claim of £{claim.total} {claim.status}",
            data={"person": claim.profile.user_id, "reason": reason.strip()},
        )
    return claim


CSV_HEADER = [
    "Claim",
    "Member",
    "Email",
    "Date of activity",
    "Activity",
    "Involvement",
    "Involvement payment",
    "Miles",
    "Mileage and other expenses",
    "Other expenses for",
    "Total",
    "Approved by",
    "Approved on",
]


def approved_csv(claims: Iterable[Claim]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for c in claims:
        writer.writerow(
            [
                c.pk,
                str(c.profile),
                c.profile.user.email,
                c.activity_on.isoformat(),
                _safe(c.activity),
                c.get_involvement_display(),
                c.payment,
                c.miles,
                c.expenses,
                _safe(c.other_description),
                c.total,
                str(c.decided_by),
                timezone.localtime(c.decided_at).date().isoformat() if c.decided_at else "",
            ]
        )
    return out.getvalue()


def _safe(text: str) -> str:
    """A member's words must not run as a formula in finance's spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
