"""Terms ending: reminders, the member's wish, the renewal decision, the maximum number of terms and
stepping down."""

import datetime as dt
import re

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.core.models import AuditEvent
from senate.members.appointments import AppointmentRefused
from senate.members.models import Body, Membership, MembershipRole
from senate.members.tests.factories import MembershipFactory
from senate.notifications.models import Email
from senate.participation import terms
from senate.participation.models import ContinueWish, RenewalDecision

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def manager(senate):
    return give_role(UserFactory(full_name="Sarah Manager"), senate, Role.MANAGER)


def council_term(senate, *, ends, number=1, name="Priya Council"):
    user = give_role(UserFactory(full_name=name), senate, Role.COUNCIL_MEMBER)
    return MembershipFactory(
        profile__user=user,
        senate=senate,
        body=Body.COUNCIL,
        role=MembershipRole.CLINICAL,
        term_start=ends - dt.timedelta(days=3 * 365),
        term_end=ends,
        term_number=number,
    )


def test_reminders_go_to_the_member_and_the_team_at_90_and_30_days_once_each(senate, manager):
    m = council_term(senate, ends=TODAY + dt.timedelta(days=80))
    assert terms.send_term_reminders(senate, today=TODAY) == 2
    assert terms.send_term_reminders(senate, today=TODAY + dt.timedelta(days=1)) == 0  # never twice
    assert sorted(Email.objects.values_list("to", flat=True)) == sorted([m.profile.user.email, manager.email])
    assert terms.send_term_reminders(senate, today=TODAY + dt.timedelta(days=55)) == 2  # 25 days left
    assert Email.objects.filter(kind="participation.term_ending").count() == 4
    mine = Email.objects.filter(to=m.profile.user.email).first()
    assert "Please tell the Senate team whether you wish to continue" in mine.body


def test_no_reminder_more_than_90_days_ahead_or_once_decided(senate, manager):
    council_term(senate, ends=TODAY + dt.timedelta(days=120))
    decided = council_term(senate, ends=TODAY + dt.timedelta(days=20), name="Decided Member")
    terms.decide_renewal(membership=decided, outcome="not_renewed", reason="Wishes to stand down", by=manager)
    assert terms.send_term_reminders(senate, today=TODAY) == 0


def test_renewal_appoints_the_consecutive_term_and_records_who_and_why(senate, manager):
    m = council_term(senate, ends=TODAY + dt.timedelta(days=60))
    terms.state_wish(membership=m, wishes_to_continue=True, note="Glad to", by=m.profile.user)
    decision = terms.decide_renewal(
        membership=m, outcome=RenewalDecision.Outcome.RENEW, reason="Strong attendance", by=manager, today=TODAY
    )
    following = decision.next_membership
    assert following.term_number == 2
    assert following.term_start == m.term_end + dt.timedelta(days=1)
    assert following.term_end == dt.date(
        following.term_start.year + 3, following.term_start.month, following.term_start.day
    ) - dt.timedelta(days=1)
    actions = list(AuditEvent.objects.filter(senate=senate).values_list("action", flat=True))
    assert {"participation.wish_stated", "membership.appointed", "participation.renewal_decided"} <= set(actions)


def test_renewal_beyond_the_maximum_is_refused_naming_the_maximum_and_writes_nothing(senate, manager):
    m = council_term(senate, ends=TODAY + dt.timedelta(days=60), number=senate.council_max_terms)
    with pytest.raises(AppointmentRefused, match=f"at most {senate.council_max_terms} terms on the Council"):
        terms.decide_renewal(membership=m, outcome="renew", reason="Would like to", by=manager, today=TODAY)
    assert not RenewalDecision.objects.exists()
    assert Membership.objects.filter(profile=m.profile).count() == 1


def test_stepping_down_ends_the_membership_tells_the_team_and_leaves_coverage(senate, manager):
    m = council_term(senate, ends=TODAY + dt.timedelta(days=300))
    today = dt.date.today()
    terms.step_down(membership=m, on=today, reason="New job abroad", by=m.profile.user, today=today)
    m.refresh_from_db()
    assert m.ended_on == today and m.end_reason == "Stepped down: New job abroad"
    assert not Membership.objects.current(today).filter(pk=m.pk).exists()
    assert Email.objects.filter(kind="participation.stepped_down", to=manager.email).exists()


def test_stepping_down_needs_a_reason(senate, manager):
    m = council_term(senate, ends=TODAY + dt.timedelta(days=300))
    with pytest.raises(AppointmentRefused, match="why"):
        terms.step_down(membership=m, on=TODAY, reason=" ", by=m.profile.user)


def test_senate_daily_queues_the_term_emails(senate, manager):
    from django.core.management import call_command

    council_term(senate, ends=dt.date.today() + dt.timedelta(days=30))
    call_command("daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Email.objects.filter(kind="participation.term_ending").count() == 2


def test_the_team_sees_how_many_terms_end_and_pages_through_them_soonest_first(client, senate, manager):
    today = dt.date.today()
    for n in range(51):
        council_term(senate, ends=today + dt.timedelta(days=10 + n), name=f"Ending Member {n:02d}")
    client.force_login(manager)
    first = _terms_ending(client.get(f"/{senate.slug}/participation/"))
    assert re.search(r"\d+ terms end in the next 90 days: showing 1 to 50, soonest first", first)
    assert "Ending Member 00" in first and "Ending Member 50" not in first
    second = _terms_ending(client.get(f"/{senate.slug}/participation/?page=2"))
    assert "Ending Member 50" in second and "Ending Member 00" not in second


def _terms_ending(page):
    """The page's "Terms ending" section (the members also appear under those without an induction)."""
    html = page.content.decode()
    return html[html.index("<h2>Terms ending</h2>") : html.index("<h2>Members without an induction</h2>")]


def test_each_term_ending_shows_the_members_wish_and_the_decision(client, senate, manager):
    today = dt.date.today()
    wished = council_term(senate, ends=today + dt.timedelta(days=20), name="Wished Member")
    ContinueWish.objects.create(membership=wished, wishes_to_continue=False)
    decided = council_term(senate, ends=today + dt.timedelta(days=60), name="Decided Member")
    terms.decide_renewal(membership=decided, outcome="not_renewed", reason="Enough terms", by=manager, today=today)
    council_term(senate, ends=today + dt.timedelta(days=70), name="Open Member")
    client.force_login(manager)
    page = _terms_ending(client.get(f"/{senate.slug}/participation/"))
    rows = {name: next(r for r in page.split("<tr") if name in r) for name in ("Wished", "Decided", "Open")}
    assert "20 days" in rows["Wished"] and "nhsuk-tag--red" in rows["Wished"]
    assert ">No</td>" in rows["Wished"] and "Review" in rows["Wished"]
    assert "Do not renew" in rows["Decided"] and "Not answered" in rows["Decided"]
    assert "nhsuk-tag--orange" in rows["Open"]
    assert f"/{senate.slug}/participation/members/{wished.profile_id}/" in rows["Wished"]
    assert f"/renewals/{wished.profile_id}/memberships/{wished.pk}/" in rows["Wished"]
