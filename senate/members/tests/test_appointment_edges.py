"""Appointments at their edges: terms of ended memberships, the sign-in role, bodies without a term limit."""

import datetime as dt

import pytest

from senate.accounts.models import Role, RoleAssignment
from senate.members import appointments
from senate.members.appointments import AppointmentRefused, uk_date
from senate.members.models import Body, MemberProfile, Membership, MembershipRole
from senate.members.tests.factories import MemberProfileFactory

TODAY = dt.date.today()
YEAR = dt.timedelta(days=365)


def _appoint(profile, senate, by, **overrides):
    values = {
        "profile": profile,
        "senate": senate,
        "body": Body.COUNCIL,
        "role": MembershipRole.CLINICAL,
        "starts": TODAY,
        "ends": TODAY + 3 * YEAR,
        "by": by,
    }
    return appointments.appoint(**(values | overrides))


def test_the_term_of_an_ended_membership_cannot_be_changed(cast):
    membership = Membership.objects.get(profile__user=cast["council"])
    appointments.end_membership(membership=membership, on=TODAY, by=cast["manager"], reason="Resigned")
    with pytest.raises(AppointmentRefused, match="This membership has ended: appoint them again"):
        appointments.change_term(
            membership=membership,
            starts=membership.term_start,
            ends=membership.term_end,
            by=cast["manager"],
            reason="x",
        )


def test_a_term_cannot_be_changed_to_end_before_it_starts(cast):
    membership = Membership.objects.get(profile__user=cast["council"])
    with pytest.raises(AppointmentRefused, match="The term must end after it starts"):
        appointments.change_term(
            membership=membership,
            starts=membership.term_start,
            ends=membership.term_start,
            by=cast["manager"],
            reason="Typo",
        )


def test_a_term_cannot_be_stretched_over_the_members_next_term(cast, senate):
    profile = MemberProfileFactory()
    first = _appoint(profile, senate, cast["manager"], ends=TODAY + YEAR)
    _appoint(profile, senate, cast["manager"], starts=TODAY + 2 * YEAR, ends=TODAY + 4 * YEAR)
    with pytest.raises(AppointmentRefused, match="terms of the same body cannot overlap"):
        appointments.change_term(
            membership=first, starts=first.term_start, ends=TODAY + 3 * YEAR, by=cast["manager"], reason="Extended"
        )


def test_a_vice_chair_sits_on_the_council_not_the_assembly(cast, senate):
    with pytest.raises(AppointmentRefused, match="The Vice-chair sits on the Council"):
        _appoint(MemberProfileFactory(), senate, cast["manager"], body=Body.ASSEMBLY, role=MembershipRole.VICE_CHAIR)


def test_the_assembly_has_no_limit_on_terms(cast, senate):
    made = _appoint(
        MemberProfileFactory(),
        senate,
        cast["manager"],
        body=Body.ASSEMBLY,
        role=MembershipRole.RECRUITED,
        term_number=5,
    )
    assert made.term_number == 5


def test_an_appointment_can_leave_the_sign_in_role_to_be_given_later(cast, senate):
    profile = MemberProfileFactory()
    _appoint(profile, senate, cast["manager"], grant_sign_in_role=False)
    assert not RoleAssignment.objects.filter(user=profile.user).exists()


def test_a_member_who_already_signs_in_as_council_member_is_not_given_the_role_twice(cast, senate):
    profile = MemberProfile.objects.get(user=cast["council"])
    membership = Membership.objects.get(profile=profile)
    _appoint(profile, senate, cast["manager"], starts=membership.term_end + dt.timedelta(days=1), ends=TODAY + 5 * YEAR)
    assert RoleAssignment.objects.filter(user=cast["council"], senate=senate, role=Role.COUNCIL_MEMBER).count() == 1


def test_leaving_one_assembly_term_keeps_the_role_while_a_later_term_runs(cast, senate):
    profile = MemberProfileFactory()
    now = _appoint(
        profile, senate, cast["manager"], body=Body.ASSEMBLY, role=MembershipRole.RECRUITED, ends=TODAY + YEAR
    )
    _appoint(
        profile,
        senate,
        cast["manager"],
        body=Body.ASSEMBLY,
        role=MembershipRole.RECRUITED,
        starts=TODAY + YEAR + dt.timedelta(days=1),
        ends=TODAY + 3 * YEAR,
    )
    appointments.end_membership(membership=now, on=TODAY, by=cast["manager"], reason="Swapped terms")
    assert RoleAssignment.objects.filter(user=profile.user, role=Role.ASSEMBLY_MEMBER).exists()


def test_a_date_is_written_the_uk_way_and_no_date_as_nothing():
    assert uk_date(dt.date(2026, 3, 5)) == "5 March 2026"
    assert uk_date(None) == ""
