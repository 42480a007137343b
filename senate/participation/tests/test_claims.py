import datetime as dt
from decimal import Decimal

import pytest

from senate.members.models import Membership, MembershipRole
from senate.participation import claims
from senate.participation.models import Claim

TODAY = dt.date.today()


@pytest.fixture
def ppv(cast):
    m = Membership.objects.get(profile__user=cast["council"])
    m.role = MembershipRole.PPV
    m.save()
    return m.profile


def _claim(profile, senate, by, **fields):
    values = {"activity_on": TODAY - dt.timedelta(days=3), "activity": "Council meeting", "involvement": "full_day"}
    return claims.submit_claim(profile=profile, senate=senate, by=by, **(values | fields))


def test_a_claim_is_worked_out_at_the_senates_rates(cast, senate, ppv):
    claims.set_rates(
        senate=senate, half_day=Decimal("80"), full_day=Decimal("160"), per_mile=Decimal("0.5"), by=cast["manager"]
    )
    claim = _claim(ppv, senate, cast["council"], miles=30, other_expenses=Decimal("4.20"), other_description="Parking")
    assert (claim.payment, claim.expenses, claim.total) == (Decimal("160"), Decimal("19.20"), Decimal("179.20"))


def test_only_patient_and_public_voice_members_claim(cast, senate):
    clinical = Membership.objects.get(profile__user=cast["council"]).profile
    with pytest.raises(claims.ClaimRefused, match="Only patient and public voice members") as refused:
        _claim(clinical, senate, cast["council"])
    assert refused.value.field == "activity_on"


def test_rejecting_needs_a_reason_and_finance_gets_only_approved_claims(cast, senate, ppv):
    paid = _claim(ppv, senate, cast["council"])
    refused = _claim(ppv, senate, cast["council"], activity="=HYPERLINK(1)")
    with pytest.raises(claims.ClaimRefused, match="Say why"):
        claims.decide_claim(claim=refused, approve=False, reason="", by=cast["manager"])
    claims.decide_claim(claim=refused, approve=False, reason="Not a Senate activity", by=cast["manager"])
    claims.decide_claim(claim=paid, approve=True, reason="", by=cast["manager"])
    with pytest.raises(claims.ClaimRefused, match="already been approved"):
        claims.decide_claim(claim=paid, approve=False, reason="Oops", by=cast["manager"])

    csv = claims.approved_csv(Claim.objects.filter(status="approved"))
    assert csv.count("\n") == 2 and "HYPERLINK" not in csv
    assert "Council meeting" in csv and "Sarah Manager" in csv


def test_formulas_are_not_left_for_a_spreadsheet_to_run(cast, senate, ppv):
    claim = _claim(ppv, senate, cast["council"], activity="=HYPERLINK(1)")
    claims.decide_claim(claim=claim, approve=True, reason="", by=cast["manager"])
    assert "'=HYPERLINK(1)" in claims.approved_csv([claim])
