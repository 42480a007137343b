"""Screening's other branches: gifts and hospitality, ended interests and roles, the sponsoring
commissioner, how a reason reads, and the order conflicts are listed in."""

import datetime as dt

import pytest

from senate.interests.facts import ReviewFacts
from senate.interests.models import Category, Kind
from senate.interests.screening import ScreeningPolicy, Severity, screen
from senate.interests.tests.factories import declared, trust
from senate.members.models import Affiliation
from senate.members.tests.factories import MemberProfileFactory

D = dt.date
ON = D(2026, 6, 1)


@pytest.fixture
def torbay(reference_data):
    return trust()


@pytest.fixture
def cornwall(reference_data):
    return trust(code="QT6T0", name="Royal Cornwall Hospitals NHS Trust", icb_code="QT6")


@pytest.fixture
def facts(icb, torbay):
    return ReviewFacts(
        requesting_organisation_id=icb.pk,
        affected_organisation_ids=frozenset({torbay.pk}),
        affected_icb_ids=frozenset({icb.pk}),
        service_codes=frozenset({"stroke"}),
        places="Torbay Hospital",
        on=ON,
    )


def _only(conflicts):
    assert len(conflicts) == 1, conflicts
    return conflicts[0]


def _affiliated(org, kind, end=None):
    profile = MemberProfileFactory()
    Affiliation.objects.create(profile=profile, organisation=org, kind=kind, end=end)
    return profile


def test_a_gift_from_an_affected_organisation_is_a_medium_conflict_said_as_a_gift(facts, torbay):
    profile = MemberProfileFactory()
    declared(profile, kind=Kind.GIFT, category="", organisation=torbay, nature="Conference dinner", started_on=ON)
    conflict = _only(screen(profile, facts))
    assert conflict.severity == Severity.MEDIUM and conflict.declared == "gift"
    assert conflict.reason.startswith("Declared a gift from Torbay and South Devon NHS Foundation Trust")


def test_hospitality_from_an_affected_organisation_is_said_as_hospitality(facts, torbay):
    profile = MemberProfileFactory()
    declared(profile, kind=Kind.HOSPITALITY, category="", organisation=torbay, started_on=ON)
    conflict = _only(screen(profile, facts))
    assert conflict.reason.startswith("Declared hospitality from") and conflict.declared == "gift"


def test_a_non_financial_interest_in_an_affected_organisation_is_medium(facts, torbay):
    profile = MemberProfileFactory()
    declared(profile, category=Category.PROFESSIONAL, organisation=torbay)
    conflict = _only(screen(profile, facts))
    assert conflict.severity == Severity.MEDIUM
    assert conflict.reason.startswith("Declared a non-financial professional interest in")


def test_an_interest_ended_within_the_look_back_is_low_and_says_when_it_ended(facts, torbay):
    profile = MemberProfileFactory()
    declared(profile, organisation=torbay, started_on=D(2020, 1, 1), ended_on=D(2025, 3, 31))
    conflict = _only(screen(profile, facts))
    assert conflict.severity == Severity.LOW and "(ended 31 March 2025)" in conflict.reason


def test_a_financial_interest_in_a_service_under_review_is_one_step_lower(facts):
    profile = MemberProfileFactory()
    declared(profile, organisation=None, organisation_name="", services=["stroke"])
    conflict = _only(screen(profile, facts))
    assert conflict.key.endswith(":service") and conflict.severity == Severity.MEDIUM


def test_an_indirect_interest_with_no_relationship_given_names_a_relative_or_associate(facts, torbay):
    profile = MemberProfileFactory()
    declared(profile, category=Category.INDIRECT, relationship="", organisation=torbay)
    conflict = _only(screen(profile, facts))
    assert "through a relative or associate" in conflict.reason and conflict.declared == "indirect"


def test_a_long_description_is_cut_short_in_the_reason(facts, torbay):
    profile = MemberProfileFactory()
    declared(profile, organisation=torbay, nature="x" * 300)
    reason = _only(screen(profile, facts)).reason
    assert reason.endswith(": " + "x" * 120)


def test_a_role_with_the_sponsoring_commissioner_fires_and_says_so(icb, torbay, cornwall):
    sponsored = ReviewFacts(requesting_organisation_id=icb.pk, sponsor_organisation_id=cornwall.pk, on=ON)
    profile = _affiliated(cornwall, Affiliation.Kind.ADVISORY)
    conflict = _only(screen(profile, sponsored))
    assert conflict.reason == "Advisory role with Royal Cornwall Hospitals NHS Trust, the sponsoring commissioner"


def test_a_past_board_role_is_medium_and_a_past_contract_low(facts, torbay):
    board = _affiliated(torbay, Affiliation.Kind.BOARD, end=D(2025, 1, 31))
    contract = _affiliated(torbay, Affiliation.Kind.CONTRACTED, end=D(2025, 1, 31))
    past_board, past_contract = _only(screen(board, facts)), _only(screen(contract, facts))
    assert (past_board.rule, past_board.severity) == ("past_role", Severity.MEDIUM)
    assert past_contract.severity == Severity.LOW
    assert "until 31 January 2025 (within the look-back)" in past_board.reason


def test_a_role_ending_later_today_is_still_current(facts, torbay):
    profile = _affiliated(torbay, Affiliation.Kind.EMPLOYED, end=ON)
    assert _only(screen(profile, facts)).rule == "role"


def test_the_look_back_from_29_february_reaches_28_february(icb, torbay):
    leap = ReviewFacts(
        requesting_organisation_id=icb.pk, affected_organisation_ids=frozenset({torbay.pk}), on=D(2028, 2, 29)
    )
    on_the_day = _affiliated(torbay, Affiliation.Kind.EMPLOYED, end=D(2025, 2, 28))
    a_day_before = _affiliated(torbay, Affiliation.Kind.EMPLOYED, end=D(2025, 2, 27))
    assert _only(screen(on_the_day, leap)).rule == "past_role"
    assert screen(a_day_before, leap) == []


def test_living_in_the_affected_area_names_the_area_and_why_it_counts(facts, icb):
    profile = MemberProfileFactory(home_icb=icb)
    rules = ScreeningPolicy(local_area_always=True)
    conflict = _only(screen(profile, facts, rules=rules))
    assert conflict.reason == f"Lives or mainly works in the {icb.name} area, and the Senate counts local connections"


def test_the_most_severe_conflict_is_listed_first(facts, torbay):
    profile = _affiliated(torbay, Affiliation.Kind.CONTRACTED)
    declared(profile, organisation=torbay)
    conflicts = screen(profile, facts)
    assert [c.severity for c in conflicts] == [Severity.HIGH, Severity.MEDIUM]


def test_a_conflicts_record_keeps_its_key_rule_severity_and_reason(facts, torbay):
    profile = _affiliated(torbay, Affiliation.Kind.EMPLOYED)
    conflict = _only(screen(profile, facts))
    assert conflict.as_record() == {
        "key": f"employed:{torbay.pk}",
        "rule": "role",
        "severity": "high",
        "reason": conflict.reason,
    }
