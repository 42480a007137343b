"""Each screening rule, firing and not firing. The request: Devon ICB asks about stroke services at
Torbay Hospital, affecting a Devon trust."""

import datetime as dt

import pytest

from senate.interests.declaring import amend_declaration
from senate.interests.facts import ReviewFacts, facts_for_request
from senate.interests.models import Category, Kind
from senate.interests.screening import ScreeningPolicy, Severity, screen, screen_many
from senate.interests.tests.factories import declared, make_request, trust
from senate.members.models import Affiliation
from senate.members.tests.factories import MemberProfileFactory

TODAY = dt.date.today()


@pytest.fixture
def torbay(reference_data):
    return trust()


@pytest.fixture
def elsewhere(reference_data):
    return trust(code="QT6T0", name="Royal Cornwall Hospitals NHS Trust", icb_code="QT6")


@pytest.fixture
def facts(icb, torbay):
    return ReviewFacts(
        requesting_organisation_id=icb.pk,
        affected_organisation_ids=frozenset({torbay.pk}),
        affected_icb_ids=frozenset({icb.pk}),
        service_codes=frozenset({"stroke"}),
        places="Torbay Hospital, Newton Abbot",
    )


def _affiliated(org, kind, start=None, end=None):
    profile = MemberProfileFactory()
    Affiliation.objects.create(profile=profile, organisation=org, kind=kind, start=start, end=end)
    return profile


def _only(conflicts):
    assert len(conflicts) == 1, conflicts
    return conflicts[0]


@pytest.mark.parametrize(
    "kind,severity",
    [
        ("employed", Severity.HIGH),
        ("board", Severity.HIGH),
        ("contracted", Severity.MEDIUM),
        ("advisory", Severity.MEDIUM),
    ],
)
def test_a_role_in_an_affected_organisation_fires(facts, torbay, kind, severity):
    conflict = _only(screen(_affiliated(torbay, kind), facts))
    assert (conflict.rule, conflict.severity, conflict.key) == ("role", severity, f"{kind}:{torbay.pk}")
    assert "an affected organisation" in conflict.reason and torbay.name in conflict.reason


def test_a_role_in_the_requesting_organisation_fires(facts, icb):
    conflict = _only(screen(_affiliated(icb, "board"), facts))
    assert conflict.severity == Severity.HIGH and "the requesting organisation" in conflict.reason


def test_the_profiles_main_employer_counts_as_employment(facts, torbay):
    conflict = _only(screen(MemberProfileFactory(employer=torbay), facts))
    assert conflict.key == f"employed:{torbay.pk}" and conflict.severity == Severity.HIGH


def test_a_role_in_an_unaffected_organisation_does_not_fire(facts, elsewhere):
    assert screen(_affiliated(elsewhere, "employed"), facts) == []


def test_a_past_role_within_the_look_back_fires_and_an_older_one_does_not(facts, torbay):
    recent = _affiliated(torbay, "employed", end=TODAY - dt.timedelta(days=365 * 2))
    old = _affiliated(torbay, "employed", end=TODAY - dt.timedelta(days=365 * 4))
    conflict = _only(screen(recent, facts))
    assert (conflict.rule, conflict.severity) == ("past_role", Severity.MEDIUM)
    assert screen(old, facts) == []


def test_the_look_back_is_a_setting(facts, torbay):
    recent = _affiliated(torbay, "employed", end=TODAY - dt.timedelta(days=365 * 2))
    assert screen(recent, facts, rules=ScreeningPolicy(lookback_years=1)) == []


def test_a_declared_financial_interest_in_an_affected_organisation_fires(facts, torbay):
    profile = MemberProfileFactory()
    declaration = declared(profile, organisation=torbay, organisation_name="")
    conflict = _only(screen(profile, facts))
    assert conflict.key == f"declared:{declaration.pk}:organisation"
    assert (conflict.rule, conflict.severity) == ("declared", Severity.HIGH)


def test_a_declared_interest_in_another_organisation_does_not_fire(facts, elsewhere):
    profile = MemberProfileFactory()
    declared(profile, organisation=elsewhere, organisation_name="")
    assert screen(profile, facts) == []


def test_an_interest_in_a_service_under_review_fires_and_another_service_does_not(facts):
    stroke, cardiology = MemberProfileFactory(), MemberProfileFactory()
    declared(stroke, category=Category.PROFESSIONAL, services=["stroke"])
    declared(cardiology, category=Category.PROFESSIONAL, services=["cardiology"])
    conflict = _only(screen(stroke, facts))
    assert conflict.key.endswith(":service") and "Stroke" in conflict.reason
    assert screen(cardiology, facts) == []


def test_an_interest_in_a_place_affected_fires(facts):
    profile = MemberProfileFactory()
    declared(profile, category=Category.PERSONAL, places="Trustee of a charity in Newton Abbot")
    conflict = _only(screen(profile, facts))
    assert conflict.key.endswith(":place") and "Newton Abbot" in conflict.reason


def test_a_place_that_only_shares_a_generic_word_does_not_fire(facts):
    profile = MemberProfileFactory()
    declared(profile, category=Category.PERSONAL, places="Volunteer at Derriford Hospital, Newton Ferrers")
    assert screen(profile, facts) == []


def test_an_indirect_interest_through_a_relative_fires_as_indirect(facts, torbay):
    profile = MemberProfileFactory()
    declared(profile, category=Category.INDIRECT, relationship="my husband", organisation=torbay)
    conflict = _only(screen(profile, facts))
    assert conflict.rule == "indirect" and "through my husband" in conflict.reason


def test_an_indirect_interest_in_an_unaffected_organisation_does_not_fire(facts, elsewhere):
    profile = MemberProfileFactory()
    declared(profile, category=Category.INDIRECT, relationship="my sister", organisation=elsewhere)
    assert screen(profile, facts) == []


def test_a_nil_return_never_fires(facts):
    profile = MemberProfileFactory()
    declared(profile, kind=Kind.NIL, places="Newton Abbot")
    assert screen(profile, facts) == []


def test_an_interest_ended_beyond_the_look_back_does_not_fire(facts, torbay):
    profile = MemberProfileFactory()
    declared(
        profile,
        organisation=torbay,
        started_on=TODAY - dt.timedelta(days=3000),
        ended_on=TODAY - dt.timedelta(days=365 * 4),
    )
    assert screen(profile, facts) == []


def test_only_the_current_version_of_a_declaration_is_screened(facts, torbay, elsewhere):
    profile = MemberProfileFactory()
    declaration = declared(profile, organisation=torbay)
    amend_declaration(declaration, changes={"organisation": elsewhere}, by=profile.user)
    assert screen(profile, facts) == []


def test_living_in_the_affected_area_fires_only_when_contentious(facts, icb):
    profile = MemberProfileFactory(home_icb=icb)
    assert screen(profile, facts) == []
    conflict = _only(screen(profile, ReviewFacts(**{**facts.__dict__, "contentious": True})))
    assert (conflict.rule, conflict.key) == ("local_area", f"area:home:{icb.pk}")


def test_the_senate_may_count_local_connections_when_not_contentious(facts, icb):
    profile = MemberProfileFactory(home_icb=icb)
    conflict = _only(screen(profile, facts, rules=ScreeningPolicy(local_area_always=True)))
    assert "counts local connections" in conflict.reason


def test_working_for_another_organisation_in_the_area_fires_when_contentious(facts, icb):
    neighbour = trust(code="QJKT1", name="North Devon Healthcare NHS Trust")
    profile = _affiliated(neighbour, "employed")
    contentious = ReviewFacts(**{**facts.__dict__, "contentious": True})
    assert screen(profile, facts) == []
    assert _only(screen(profile, contentious)).key == f"area:work:{icb.pk}"


def test_facts_for_a_request_include_the_icb_areas_of_affected_organisations(torbay, icb):
    request = make_request(affected=[torbay], services=["stroke"], places="Torbay", contentious=True)
    facts = facts_for_request(request)
    assert facts.affected_organisation_ids == {torbay.pk}
    assert facts.affected_icb_ids == {icb.pk}
    assert facts.service_codes == {"stroke"} and facts.contentious


def test_screening_many_members_returns_only_those_with_conflicts(facts, torbay, elsewhere):
    conflicted, clear = MemberProfileFactory(employer=torbay), MemberProfileFactory(employer=elsewhere)
    found = screen_many([conflicted, clear], facts)
    assert set(found) == {conflicted.pk}


def test_a_declarations_conflict_says_what_was_declared(facts, torbay):
    """The screening page filters and orders by it: financial, professional, personal, gift."""
    financial, gift = MemberProfileFactory(), MemberProfileFactory()
    declared(financial, organisation=torbay, organisation_name="")
    declared(gift, kind=Kind.GIFT, category="", organisation=torbay, organisation_name="")
    assert _only(screen(financial, facts)).declared == "financial"
    assert _only(screen(gift, facts)).declared == "gift"
