"""The advice shown beside a gift or hospitality at each edge of the Senate's thresholds (NHS
England 2017 defaults: £6, £50, £25 and £75), and how amounts are written. Plain values."""

from decimal import Decimal

from senate.interests.conflict_policy import money, threshold_advice
from senate.interests.models import ConflictPolicy

NHS = ConflictPolicy()


def test_a_gift_of_exactly_the_promotional_limit_is_a_promotional_item():
    assert threshold_advice("gift", Decimal("6"), NHS) == "Low-cost promotional item (£6 or less)"


def test_a_gift_of_exactly_the_declaring_limit_is_declined_from_suppliers_or_declared():
    assert (
        threshold_advice("gift", Decimal("50"), NHS)
        == "Gifts from suppliers should be declined; other gifts are declared"
    )


def test_a_gift_a_penny_over_the_declaring_limit_is_accepted_only_for_the_organisation():
    assert threshold_advice("gift", Decimal("50.01"), NHS) == (
        "Over £50: accept only on the organisation's behalf, and declare"
    )


def test_hospitality_of_exactly_the_declaring_threshold_must_be_declared():
    assert threshold_advice("hospitality", Decimal("25"), NHS) == "£25 to £75: must be declared"


def test_hospitality_of_exactly_the_refusal_threshold_is_still_only_declared():
    assert threshold_advice("hospitality", Decimal("75"), NHS) == "£25 to £75: must be declared"


def test_hospitality_just_under_the_declaring_threshold_may_be_accepted_without_declaring():
    assert threshold_advice("hospitality", Decimal("24.99"), NHS) == "Under £25: may be accepted without declaring"


def test_an_interest_or_a_gift_without_a_value_gets_no_advice():
    assert threshold_advice("interest", Decimal("500"), NHS) == ""
    assert threshold_advice("gift", None, NHS) == ""


def test_a_senates_own_thresholds_change_the_advice():
    strict = ConflictPolicy(hospitality_declare_from=Decimal("10"), hospitality_refuse_over=Decimal("40"))
    assert threshold_advice("hospitality", Decimal("45"), strict) == (
        "Over £40: refuse unless a senior manager approves"
    )


def test_amounts_are_written_in_pounds_with_pence_only_when_there_are_some():
    assert (money(Decimal("50.00")), money(Decimal("12.5")), money(Decimal("1250"))) == ("£50", "£12.50", "£1,250")
