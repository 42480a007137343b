"""A patient and public voice member's claim: the days they may claim for, what they are paid, and who
decides it."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from senate.core.models import AuditEvent
from senate.members.models import Membership, MembershipRole
from senate.participation import claims
from senate.participation.models import Claim

TODAY = dt.date.today()


@pytest.fixture
def ppv(cast):
    m = Membership.objects.get(profile__user=cast["council"])
    m.role = MembershipRole.PPV
    m.save()
    return m


def _claim(membership, senate, **fields):
    values = {"activity_on": TODAY - dt.timedelta(days=3), "activity": "Council meeting", "involvement": "full_day"}
    return claims.submit_claim(profile=membership.profile, senate=senate, by=None, **(values | fields))


def test_a_claim_for_a_day_still_to_come_is_refused(cast, senate, ppv):
    with pytest.raises(claims.ClaimRefused, match="after the day you took part") as refused:
        _claim(ppv, senate, activity_on=TODAY + dt.timedelta(days=1))
    assert refused.value.field == "activity_on"


def test_a_claim_for_a_day_before_the_term_began_is_refused(cast, senate, ppv):
    with pytest.raises(claims.ClaimRefused, match="a day they were a member"):
        _claim(ppv, senate, activity_on=ppv.term_start - dt.timedelta(days=1))


def test_a_past_member_may_still_claim_for_their_time(cast, senate, ppv):
    ppv.term_end = TODAY - dt.timedelta(days=10)
    ppv.save()
    assert _claim(ppv, senate, activity_on=TODAY - dt.timedelta(days=20)).status == Claim.Status.SUBMITTED


def test_someone_without_a_profile_may_not_claim(senate):
    assert not claims.may_claim(None, senate, TODAY)


def test_other_expenses_need_saying_what_they_were_for(cast, senate, ppv):
    with pytest.raises(claims.ClaimRefused, match="what the other expenses were for") as refused:
        _claim(ppv, senate, other_expenses=Decimal("5"), other_description=" ")
    assert refused.value.field == "other_description"


def test_a_half_day_is_paid_at_the_half_day_rate(cast, senate, ppv):
    claims.set_rates(
        senate=senate, half_day=Decimal("75"), full_day=Decimal("150"), per_mile=Decimal("0.45"), by=cast["manager"]
    )
    claim = _claim(ppv, senate, involvement="half_day", miles=10)
    assert (claim.payment, claim.expenses) == (Decimal("75"), Decimal("4.50"))


def test_expenses_only_claims_carry_no_involvement_payment(cast, senate, ppv):
    claims.set_rates(
        senate=senate, half_day=Decimal("75"), full_day=Decimal("150"), per_mile=Decimal("0.45"), by=cast["manager"]
    )
    assert _claim(ppv, senate, involvement=Claim.Involvement.NONE).payment == Decimal("0")


def test_a_senate_without_rates_set_has_the_default_rates(senate):
    rates = claims.rates_of(senate)
    assert rates.pk is None and rates.senate == senate


def test_changing_the_rates_records_only_what_changed(cast, senate):
    claims.set_rates(senate=senate, half_day=Decimal("80"), full_day=Decimal("160"), per_mile=Decimal("0.5"), by=None)
    claims.set_rates(
        senate=senate, half_day=Decimal("80"), full_day=Decimal("170"), per_mile=Decimal("0.5"), by=cast["manager"]
    )
    latest = AuditEvent.objects.filter(action="participation.rates_set").latest("id")
    assert list(latest.data["changed"]) == ["full_day"]
    assert claims.rates_of(senate).updated_by == cast["manager"]


def test_nobody_decides_their_own_claim(cast, senate, ppv):
    claim = _claim(ppv, senate)
    with pytest.raises(claims.ClaimRefused, match="Someone else must decide"):
        claims.decide_claim(claim=claim, approve=True, reason="", by=cast["council"])
    claim.refresh_from_db()
    assert claim.status == Claim.Status.SUBMITTED


def test_a_rejection_is_recorded_with_its_reason(cast, senate, ppv):
    claim = _claim(ppv, senate)
    claims.decide_claim(claim=claim, approve=False, reason=" Not a Senate activity ", by=cast["manager"])
    event = AuditEvent.objects.get(action="participation.claim_rejected")
    assert event.data["reason"] == "Not a Senate activity"
    assert claim.decision_reason == "Not a Senate activity"


def test_submitting_a_claim_is_recorded_with_its_total(cast, senate, ppv):
    claim = _claim(ppv, senate)
    event = AuditEvent.objects.get(action="participation.claim_submitted")
    assert f"£{claim.total}" in event.summary


def test_the_finance_csv_has_a_row_per_claim_with_the_approval_date(cast, senate, ppv):
    claim = claims.decide_claim(claim=_claim(ppv, senate), approve=True, reason="", by=cast["manager"])
    header, row = list(csv.reader(io.StringIO(claims.approved_csv([claim]))))
    assert header == claims.CSV_HEADER
    by_column = dict(zip(header, row, strict=True))
    assert by_column["Email"] == cast["council"].email
    assert by_column["Approved on"] == TODAY.isoformat()
    assert by_column["Date of activity"] == claim.activity_on.isoformat()


@pytest.mark.parametrize("start", ["+", "-", "@"])
def test_other_formula_starts_are_made_plain_text_for_finance(cast, senate, ppv, start):
    claim = _claim(ppv, senate, other_expenses=Decimal("2"), other_description=f"{start}SUM(A1)")
    [_header, row] = list(csv.reader(io.StringIO(claims.approved_csv([claim]))))
    assert f"'{start}SUM(A1)" in row
