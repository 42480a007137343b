"""Appointing to the Council or Assembly, changing a term and ending a membership: each checked, written
with its audit event in one transaction, and nothing written when refused."""

import datetime as dt

import pytest
from django.db import transaction

from senate.accounts.models import Role, RoleAssignment
from senate.core.models import AuditEvent
from senate.members import appointments
from senate.members.appointments import AppointmentRefused
from senate.members.models import Body, MemberProfile, Membership, MembershipRole
from senate.members.tests.factories import MemberProfileFactory, MembershipFactory

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


def test_appointing_writes_the_membership_its_audit_event_and_the_sign_in_role(cast, senate):
    profile = MemberProfileFactory()
    made = _appoint(profile, senate, cast["manager"])
    assert Membership.objects.current().filter(profile=profile, senate=senate, body=Body.COUNCIL).get() == made
    assert made.term_number == 1
    event = AuditEvent.objects.get(action="membership.appointed", object_id=str(made.pk))
    assert event.actor == cast["manager"] and event.senate == senate
    assert event.data["changed"]["body"] == ["", "Council"]
    assert event.data["person"] == profile.user_id
    assert RoleAssignment.objects.filter(user=profile.user, senate=senate, role=Role.COUNCIL_MEMBER).exists()
    assert AuditEvent.objects.filter(action="role.given", data__person=profile.user_id).exists()


def test_a_second_term_is_numbered_after_the_first(cast, senate):
    profile = MemberProfileFactory()
    _appoint(
        profile, senate, cast["manager"], starts=TODAY - 3 * YEAR, ends=TODAY - dt.timedelta(days=1), reason="Past"
    )
    assert _appoint(profile, senate, cast["manager"]).term_number == 2


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"ends": TODAY}, "The term must end after it starts"),
        ({"body": Body.ASSEMBLY, "role": MembershipRole.CHAIR}, "sits on the Council, not the Assembly"),
        ({"starts": TODAY - YEAR}, "The term starts in the past: say why"),
        ({"term_number": 3}, "at most 2 terms on the Council"),
    ],
)
def test_a_wrong_appointment_is_refused_in_words_and_writes_nothing(cast, senate, overrides, message):
    profile = MemberProfileFactory()
    events = AuditEvent.objects.count()
    with pytest.raises(AppointmentRefused, match=message):
        _appoint(profile, senate, cast["manager"], **overrides)
    assert not Membership.objects.filter(profile=profile).exists()
    assert AuditEvent.objects.count() == events
    assert not RoleAssignment.objects.filter(user=profile.user).exists()


def test_terms_of_the_same_body_cannot_overlap(cast, senate):
    profile = MemberProfile.objects.get(user=cast["council"])
    with pytest.raises(AppointmentRefused, match="already a member of the Council"):
        _appoint(profile, senate, cast["manager"], starts=TODAY + YEAR, ends=TODAY + 4 * YEAR)
    # the Assembly is another body, and another Senate another Council
    _appoint(profile, senate, cast["manager"], body=Body.ASSEMBLY, role=MembershipRole.RECRUITED)
    _appoint(profile, cast["other_manager"].roles.get().senate, cast["other_manager"])


def test_a_term_may_follow_a_membership_that_ended_early(cast, senate):
    membership = Membership.objects.get(profile__user=cast["council"])
    appointments.end_membership(membership=membership, on=TODAY, by=cast["manager"], reason="Moved away")
    again = _appoint(membership.profile, senate, cast["manager"])
    assert again.term_number == 2


def test_a_senate_has_one_chair_at_a_time(cast, senate):
    chair = _appoint(MemberProfileFactory(), senate, cast["manager"], role=MembershipRole.CHAIR)
    with pytest.raises(AppointmentRefused, match=f"{chair.profile} is the Chair"):
        _appoint(MemberProfileFactory(), senate, cast["manager"], role=MembershipRole.CHAIR)
    # the next Chair may start the day after this one leaves
    appointments.end_membership(membership=chair, on=TODAY + YEAR, by=cast["manager"], reason="Stepping down")
    _appoint(
        MemberProfileFactory(),
        senate,
        cast["manager"],
        role=MembershipRole.CHAIR,
        starts=TODAY + YEAR,
        ends=TODAY + 3 * YEAR,
    )


def test_changing_a_term_records_before_and_after(cast, senate):
    membership = Membership.objects.get(profile__user=cast["council"])
    old_end = membership.term_end
    appointments.change_term(
        membership=membership, starts=membership.term_start, ends=old_end + YEAR, by=cast["chair"], reason="Extended"
    )
    membership.refresh_from_db()
    assert membership.term_end == old_end + YEAR
    event = AuditEvent.objects.get(action="membership.term_changed")
    assert event.data["changed"] == {"term_end": [str(old_end), str(old_end + YEAR)]}
    assert event.data["reason"] == "Extended" and event.actor == cast["chair"]


def test_a_term_change_needs_a_reason(cast):
    membership = Membership.objects.get(profile__user=cast["council"])
    with pytest.raises(AppointmentRefused, match="Say why the term is changing"):
        appointments.change_term(
            membership=membership,
            starts=membership.term_start,
            ends=membership.term_end,
            by=cast["manager"],
            reason=" ",
        )


def test_ending_a_membership_today_withdraws_the_sign_in_role(cast, senate):
    membership = Membership.objects.get(profile__user=cast["council"])
    appointments.end_membership(membership=membership, on=TODAY, by=cast["manager"], reason="Resigned")
    membership.refresh_from_db()
    assert membership.ended_on == TODAY and membership.end_reason == "Resigned"
    assert not Membership.objects.current().filter(pk=membership.pk).exists()
    assert not RoleAssignment.objects.filter(user=cast["council"], role=Role.COUNCIL_MEMBER).exists()
    assert AuditEvent.objects.get(action="membership.ended").data["changed"]["ended_on"] == [
        "",
        f"{TODAY.day} {TODAY:%B %Y}",
    ]
    assert AuditEvent.objects.get(action="role.withdrawn").data["reason"] == "Left the Council"


def test_ending_later_keeps_the_role_until_then(cast):
    membership = Membership.objects.get(profile__user=cast["council"])
    appointments.end_membership(
        membership=membership, on=TODAY + dt.timedelta(days=30), by=cast["manager"], reason="Retiring"
    )
    assert RoleAssignment.objects.filter(user=cast["council"], role=Role.COUNCIL_MEMBER).exists()


@pytest.mark.parametrize(
    "on,reason,message",
    [
        (TODAY, "", "Say why the membership is ending"),
        (TODAY + 5 * YEAR, "Moving", "The term already ends on"),
        (TODAY - 5 * YEAR, "Moving", "on or after the term started"),
    ],
)
def test_a_wrong_ending_is_refused(cast, on, reason, message):
    membership = Membership.objects.get(profile__user=cast["council"])
    with pytest.raises(AppointmentRefused, match=message):
        appointments.end_membership(membership=membership, on=on, by=cast["manager"], reason=reason)
    membership.refresh_from_db()
    assert membership.ended_on is None
    assert not AuditEvent.objects.filter(action="membership.ended").exists()


def test_a_membership_ends_once(cast):
    membership = MembershipFactory(profile__user=cast["assembly"], body=Body.COUNCIL, role=MembershipRole.CLINICAL)
    appointments.end_membership(membership=membership, on=TODAY, by=cast["manager"], reason="Left")
    with pytest.raises(AppointmentRefused, match="already ended"):
        appointments.end_membership(membership=membership, on=TODAY, by=cast["manager"], reason="Left")


def test_a_failure_after_the_write_leaves_neither_membership_nor_event(cast, senate):
    """The membership and its audit event are one transaction: when the caller's work fails, both go."""
    profile = MemberProfileFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        _appoint(profile, senate, cast["manager"])
        raise RuntimeError("the rest of the caller's work failed")
    assert not Membership.objects.filter(profile=profile).exists()
    assert not AuditEvent.objects.filter(action__startswith="membership.").exists()
    assert not RoleAssignment.objects.filter(user=profile.user).exists()


def test_appointing_several_is_all_or_nothing(cast, senate):
    first, second = MemberProfileFactory(), MemberProfileFactory()
    rows = [
        {
            "profile": first,
            "senate": senate,
            "body": Body.ASSEMBLY,
            "role": MembershipRole.RECRUITED,
            "starts": TODAY,
            "ends": TODAY + YEAR,
        },
        {
            "profile": second,
            "senate": senate,
            "body": Body.ASSEMBLY,
            "role": MembershipRole.RECRUITED,
            "starts": TODAY,
            "ends": TODAY,
        },
    ]
    with pytest.raises(AppointmentRefused):
        appointments.appoint_all(rows, by=cast["manager"], reason="Recruitment round")
    assert not Membership.objects.filter(profile__in=[first, second]).exists()
