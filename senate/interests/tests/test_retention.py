import datetime as dt

from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.retention import past_retention
from senate.interests.tests.factories import declared
from senate.members.tests.factories import MembershipFactory

TODAY = dt.date(2026, 11, 23)


def _former(senate, left_on, name):
    membership = MembershipFactory(
        senate=senate, term_start=left_on - dt.timedelta(days=700), term_end=left_on, profile__user__full_name=name
    )
    declared(membership.profile)
    return membership.profile


def test_declarations_are_kept_six_years_after_a_member_leaves(senate):
    long_gone = _former(senate, dt.date(2020, 3, 31), "Long Gone")
    recent = _former(senate, dt.date(2022, 3, 31), "Recently Left")
    assert list(past_retention(senate, today=TODAY)) == [long_gone]
    assert recent not in past_retention(senate, today=TODAY)


def test_a_member_still_serving_elsewhere_is_kept(senate, other_senate):
    profile = _former(senate, dt.date(2019, 3, 31), "Moved To London")
    MembershipFactory(profile=profile, senate=other_senate)
    assert not past_retention(senate, today=TODAY).exists()


def test_the_retention_period_is_a_setting(senate):
    rules = conflict_policy_for(senate)
    rules.retention_years = 3
    rules.save()
    recent = _former(senate, dt.date(2022, 3, 31), "Recently Left")
    assert list(past_retention(senate, today=TODAY)) == [recent]
