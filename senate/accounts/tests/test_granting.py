"""Giving and withdrawing roles: checked, audited with before and after, nothing written when refused."""

import pytest

from senate.accounts.granting import RoleRefused, grant_role, withdraw_role
from senate.accounts.models import Role, RoleAssignment
from senate.accounts.tests.factories import UserFactory
from senate.core.models import AuditEvent


def test_giving_a_role_is_audited(cast, senate):
    person = UserFactory(full_name="Rhys Newmanager")
    given = grant_role(person=person, senate=senate, role=Role.MANAGER, by=cast["chair"], reason="Joined the team")
    assert RoleAssignment.objects.get(user=person, senate=senate) == given
    event = AuditEvent.objects.get(action="role.given")
    assert event.actor == cast["chair"] and event.senate == senate and event.object_id == str(given.pk)
    assert event.data["changed"] == {"role": ["", "Senate manager (support team)"]}
    assert event.data["reason"] == "Joined the team" and event.data["person"] == person.pk


def test_a_role_is_not_given_twice(cast, senate):
    with pytest.raises(RoleRefused, match="Priya Council is already Council member"):
        grant_role(person=cast["council"], senate=senate, role=Role.COUNCIL_MEMBER, by=cast["manager"])
    assert not AuditEvent.objects.filter(action="role.given").exists()


def test_a_senate_has_one_chair(cast, senate, other_senate):
    with pytest.raises(RoleRefused, match="Helen Chair is the Senate Chair: withdraw that role"):
        grant_role(person=cast["council"], senate=senate, role=Role.CHAIR, by=cast["manager"])
    assert not RoleAssignment.objects.filter(user=cast["council"], role=Role.CHAIR).exists()
    grant_role(person=cast["council"], senate=other_senate, role=Role.CHAIR, by=cast["other_manager"])


def test_a_requester_contact_needs_an_organisation(cast, senate):
    with pytest.raises(RoleRefused, match="Select the organisation"):
        grant_role(person=cast["council"], senate=senate, role=Role.REQUESTER, by=cast["manager"])


def test_withdrawing_a_role_is_audited_with_the_reason(cast, senate):
    assignment = RoleAssignment.objects.get(user=cast["assurance"])
    number = str(assignment.pk)
    withdraw_role(assignment=assignment, by=cast["manager"], reason="Moved to another region")
    assert not RoleAssignment.objects.filter(user=cast["assurance"]).exists()
    event = AuditEvent.objects.get(action="role.withdrawn")
    assert event.object_id == number and event.senate == senate
    assert event.data["changed"]["role"][1] == "" and event.data["reason"] == "Moved to another region"


def test_withdrawing_needs_a_reason_and_never_ones_own_manager_role(cast):
    assignment = RoleAssignment.objects.get(user=cast["manager"])
    with pytest.raises(RoleRefused, match="Say why"):
        withdraw_role(assignment=assignment, by=cast["chair"], reason="")
    with pytest.raises(RoleRefused, match="your own role as Senate manager"):
        withdraw_role(assignment=assignment, by=cast["manager"], reason="Leaving")
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert not AuditEvent.objects.filter(action="role.withdrawn").exists()
