"""Which memberships are in force on a day, who is a member of this Senate for its pages, a member's
own history, and profile changes recorded all together."""

import datetime as dt

from django.http import QueryDict

from senate.core.models import AuditEvent
from senate.members import appointments, profiles, queries
from senate.members.models import Body, Membership, MembershipRole
from senate.members.presenters import query_without_page
from senate.members.tests.factories import MemberProfileFactory, MembershipFactory

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def test_a_term_is_in_force_on_its_first_and_last_day(cast, senate):
    m = MembershipFactory(term_start=TODAY, term_end=TODAY + 10 * DAY)
    assert m in Membership.objects.current(TODAY)
    assert m in Membership.objects.current(TODAY + 10 * DAY)
    assert m not in Membership.objects.current(TODAY + 11 * DAY)
    assert m not in Membership.objects.current(TODAY - DAY)


def test_a_member_who_leaves_is_a_member_until_the_day_before(cast, senate):
    m = MembershipFactory(ended_on=TODAY)
    assert m not in Membership.objects.current(TODAY)
    assert m in Membership.objects.current(TODAY - DAY)


def test_the_days_left_of_a_term_count_down_to_its_end(cast):
    m = MembershipFactory(term_end=TODAY + 30 * DAY)
    assert m.days_left() == 30
    assert m.days_left(on=TODAY + 31 * DAY) == -1


def test_a_past_member_is_still_found_for_this_senates_pages_but_not_for_another(cast, senate, other_senate):
    m = MembershipFactory(term_start=TODAY - 900 * DAY, term_end=TODAY - 100 * DAY)
    assert queries.member_in(senate, m.profile.pk) == m.profile
    assert queries.member_in(other_senate, m.profile.pk) is None


def test_a_members_history_holds_their_appointments_here_newest_first(cast, senate):
    profile = MemberProfileFactory()
    made = appointments.appoint(
        profile=profile,
        senate=senate,
        body=Body.ASSEMBLY,
        role=MembershipRole.RECRUITED,
        starts=TODAY,
        ends=TODAY + 400 * DAY,
        by=cast["manager"],
    )
    appointments.end_membership(membership=made, on=TODAY + 100 * DAY, by=cast["manager"], reason="Moving")
    actions = [e.action for e in queries.membership_history(profile, senate)]
    assert actions[0] == "membership.ended"
    assert "membership.appointed" in actions and "role.given" in actions


def test_the_directory_narrows_to_terms_ending_within_the_days_asked(cast, senate):
    soon = MembershipFactory(term_end=TODAY + 20 * DAY)
    later = MembershipFactory(term_end=TODAY + 200 * DAY)
    found = list(queries.directory(senate, {"ending_within": 30}))
    assert soon.profile in found and later.profile not in found


def test_the_directory_finds_a_member_by_job_title(cast, senate):
    m = MembershipFactory(profile__job_title="Consultant geriatrician")
    assert list(queries.directory(senate, {"q": "geriatric"})) == [m.profile]


def test_a_page_link_keeps_the_filters_but_not_the_page():
    assert query_without_page(QueryDict("body=council&page=3&q=ann")) == "body=council&q=ann"


def test_a_profile_change_saves_the_name_the_expertise_and_one_audit_event(cast, reference_data):
    profile = MemberProfileFactory()
    profiles.update_profile(
        profile,
        changes={"job_title": "Consultant nurse"},
        full_name="Ann Renamed",
        expertise=["emergency-medicine"],
        by=profile.user,
    )
    profile.refresh_from_db()
    assert profile.job_title == "Consultant nurse" and profile.user.full_name == "Ann Renamed"
    assert [e.code for e in profile.expertise.all()] == ["emergency-medicine"]
    event = AuditEvent.objects.get(action="profile.updated")
    assert event.data == {"fields": ["job_title"], "expertise": ["emergency-medicine"]}
