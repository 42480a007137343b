from decimal import Decimal

from senate.core.models import AuditEvent
from senate.interests.conflict_policy import conflict_policy_for, threshold_advice
from senate.interests.models import ConflictPolicy


def _form(**changes):
    data = {
        "gift_promotional_limit": "6",
        "gift_declare_limit": "50",
        "hospitality_declare_from": "25",
        "hospitality_refuse_over": "75",
        "annual_month": "4",
        "new_interest_days": "28",
        "lookback_years": "3",
        "retention_years": "6",
        "ended_shown_months": "6",
        "local_area_always": "False",
    }
    return data | changes


def test_a_senate_gets_the_nhs_defaults_on_first_use(senate):
    rules = conflict_policy_for(senate)
    assert (rules.gift_promotional_limit, rules.gift_declare_limit) == (Decimal(6), Decimal(50))
    assert (rules.hospitality_declare_from, rules.hospitality_refuse_over) == (Decimal(25), Decimal(75))
    assert (rules.new_interest_days, rules.lookback_years, rules.retention_years) == (28, 3, 6)
    assert rules.local_area_always is False


def test_the_senate_team_changes_the_conflict_policy(client, cast, senate):
    client.force_login(cast["manager"])
    response = client.post(
        "/south-west/interests/conflict-policy/", _form(lookback_years="5", local_area_always="True")
    )
    assert response.status_code == 302
    rules = ConflictPolicy.objects.get(senate=senate)
    assert rules.lookback_years == 5 and rules.local_area_always
    event = AuditEvent.objects.get(action="interests.rules_changed")
    assert event.data["changed"]["lookback_years"] == ["3", "5"] and event.actor == cast["manager"]


def test_a_bad_conflict_policy_is_refused_and_nothing_changes(client, cast, senate):
    client.force_login(cast["manager"])
    page = client.post(
        "/south-west/interests/conflict-policy/", _form(lookback_years="", hospitality_refuse_over="10")
    ).content.decode()
    assert "There is a problem" in page and "Enter the years to look back" in page
    assert "must be the same as or more than the lower threshold" in page
    assert conflict_policy_for(senate).lookback_years == 3
    assert not AuditEvent.objects.filter(action="interests.rules_changed").exists()


def test_members_cannot_change_the_conflict_policy(client, cast):
    client.force_login(cast["council"])
    assert client.post("/south-west/interests/conflict-policy/", _form(lookback_years="1")).status_code == 403


def test_gift_and_hospitality_thresholds():
    rules = ConflictPolicy()
    assert threshold_advice("gift", Decimal("5"), rules).startswith("Low-cost promotional item")
    assert threshold_advice("gift", Decimal("30"), rules).startswith("Gifts from suppliers should be declined")
    assert threshold_advice("hospitality", Decimal("20"), rules).startswith("Under £25")
    assert threshold_advice("hospitality", Decimal("60"), rules) == "£25 to £75: must be declared"
    assert threshold_advice("hospitality", Decimal("80"), rules).startswith("Over £75: refuse")
