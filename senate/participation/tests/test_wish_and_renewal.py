"""A member's wish to continue and the team's renewal decision: what each refuses and records, and the
emails about a term ending."""

import datetime as dt

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.core.models import AuditEvent
from senate.members.appointments import AppointmentRefused
from senate.members.models import Body, MembershipRole
from senate.members.tests.factories import MembershipFactory
from senate.notifications.models import Email
from senate.participation import terms
from senate.participation.models import ContinueWish, RenewalDecision

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def manager(senate):
    return give_role(UserFactory(full_name="Sarah Manager"), senate, Role.MANAGER)


def _term(senate, *, ends, body=Body.COUNCIL, starts=None):
    user = UserFactory(full_name="Priya Council")
    return MembershipFactory(
        profile__user=user,
        senate=senate,
        body=body,
        role=MembershipRole.CLINICAL,
        term_start=starts or ends - dt.timedelta(days=3 * 365),
        term_end=ends,
    )


def test_a_member_may_change_their_wish_until_the_team_decides(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=60))
    terms.state_wish(membership=m, wishes_to_continue=True, note="", by=m.profile.user)
    terms.state_wish(membership=m, wishes_to_continue=False, note=" Moving away ", by=m.profile.user)
    wish = ContinueWish.objects.get(membership=m)
    assert (wish.wishes_to_continue, wish.note) == (False, "Moving away")
    latest = AuditEvent.objects.filter(action="participation.wish_stated").latest("id")
    assert "does not wish to continue" in latest.summary


def test_a_wish_after_the_decision_is_refused(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=60))
    terms.decide_renewal(membership=m, outcome="not_renewed", reason="Standing down", by=manager, today=TODAY)
    with pytest.raises(AppointmentRefused, match="already decided"):
        terms.state_wish(membership=m, wishes_to_continue=True, note="", by=m.profile.user)


def test_a_renewal_decision_needs_a_reason(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=60))
    with pytest.raises(AppointmentRefused, match="Say why"):
        terms.decide_renewal(membership=m, outcome="renew", reason=" ", by=manager, today=TODAY)
    assert not RenewalDecision.objects.exists()


def test_a_term_is_decided_only_once(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=60))
    terms.decide_renewal(membership=m, outcome="not_renewed", reason="Standing down", by=manager, today=TODAY)
    with pytest.raises(AppointmentRefused, match="already been decided"):
        terms.decide_renewal(membership=m, outcome="renew", reason="Changed our mind", by=manager, today=TODAY)


def test_an_ended_membership_cannot_be_renewed(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=60))
    m.ended_on = TODAY - dt.timedelta(days=1)
    m.save()
    with pytest.raises(AppointmentRefused, match="cannot be renewed"):
        terms.decide_renewal(membership=m, outcome="renew", reason="Good", by=manager, today=TODAY)


def test_not_renewing_appoints_no_following_term(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=60))
    decision = terms.decide_renewal(
        membership=m, outcome="not_renewed", reason="Standing down", by=manager, today=TODAY
    )
    assert decision.next_membership is None
    assert AuditEvent.objects.get(action="participation.renewal_decided").summary.endswith("not renewed")


def test_an_assembly_term_is_renewed_for_the_assemblys_length(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=60), body=Body.ASSEMBLY)
    following = terms.decide_renewal(
        membership=m, outcome="renew", reason="Good", by=manager, today=TODAY
    ).next_membership
    assert following.term_end.year - following.term_start.year == senate.assembly_term_years
    assert following.body == Body.ASSEMBLY


def test_a_term_ending_on_28_february_in_a_leap_year_renews_to_a_real_date(senate):
    m = _term(senate, ends=dt.date(2027, 2, 28))
    m.term_end = dt.date(2028, 2, 28)  # the next term starts on 29 February
    assert terms._next_end(m).month == 2
    assert terms._next_end(m).year == 2028 + senate.council_term_years


def test_the_team_reminder_links_to_the_renewal_review_not_the_members_page(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=80))
    terms.send_term_reminders(senate, today=TODAY)
    to_team = Email.objects.get(kind="participation.term_ending", to=manager.email)
    assert "Review the renewal" in to_team.body
    assert f"/renewals/{m.profile_id}/memberships/{m.pk}/" in to_team.body
    assert to_team.subject == f"Priya Council – term ends on {terms.uk_date(m.term_end)}"


def test_a_member_first_reminded_inside_30_days_gets_one_email_not_two(senate, manager):
    m = _term(senate, ends=TODAY + dt.timedelta(days=20))
    assert terms.send_term_reminders(senate, today=TODAY) == 2
    assert terms.send_term_reminders(senate, today=TODAY + dt.timedelta(days=5)) == 0
    assert Email.objects.filter(to=m.profile.user.email).count() == 1


def test_terms_ending_are_listed_soonest_first(senate):
    later = _term(senate, ends=TODAY + dt.timedelta(days=80))
    sooner = _term(senate, ends=TODAY + dt.timedelta(days=10))
    _term(senate, ends=TODAY + dt.timedelta(days=200))
    assert list(terms.ending_within(senate, 90, today=TODAY)) == [sooner, later]


def test_the_chair_is_told_when_a_member_steps_down_with_their_last_day(senate):
    chair = give_role(UserFactory(full_name="Helen Chair"), senate, Role.CHAIR)
    today = dt.date.today()
    m = _term(senate, ends=today + dt.timedelta(days=300), starts=today - dt.timedelta(days=30))
    terms.step_down(membership=m, on=today + dt.timedelta(days=10), reason="New job", by=m.profile.user, today=today)
    email = Email.objects.get(kind="participation.stepped_down", to=chair.email)
    assert f"their last day is {terms.uk_date(today + dt.timedelta(days=9))}" in email.body
    assert "Their reason: New job" in email.body
