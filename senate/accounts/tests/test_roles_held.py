"""Which roles a person holds, where, and for whom: what every permission is decided from. A role
in one Senate gives nothing in another; a system administrator reads no case file by that alone."""

from django.contrib.auth.models import AnonymousUser

from senate.accounts.models import Role, User
from senate.accounts.permission_names import Permission
from senate.accounts.roles import national_roles, organisations_for, roles_in, senates_of
from senate.accounts.tests.factories import UserFactory, give_role


def test_someone_not_signed_in_holds_no_roles_anywhere(senate):
    visitor = AnonymousUser()
    assert roles_in(visitor, senate) == set() and senates_of(visitor) == [] and national_roles(visitor) == set()


def test_no_senate_means_no_roles(cast):
    assert roles_in(cast["manager"], None) == set()


def test_a_role_in_one_senate_is_not_held_in_another(cast, senate, other_senate):
    assert roles_in(cast["other_manager"], other_senate) == {Role.MANAGER}
    assert roles_in(cast["other_manager"], senate) == set()


def test_someone_with_two_roles_in_a_senate_holds_both(senate):
    person = give_role(give_role(UserFactory(), senate, Role.COUNCIL_MEMBER), senate, Role.ASSURANCE_VIEWER)
    assert roles_in(person, senate) == {Role.COUNCIL_MEMBER, Role.ASSURANCE_VIEWER}


def test_a_requester_acts_only_for_their_own_organisation(cast, senate, icb):
    assert organisations_for(cast["requester"], senate) == {icb.pk}
    assert organisations_for(cast["manager"], senate) == set()


def test_a_persons_senates_are_listed_by_name(senate, other_senate):
    person = give_role(give_role(UserFactory(), senate, Role.MANAGER), other_senate, Role.COUNCIL_MEMBER)
    assert [s.name for s in senates_of(person)] == sorted([senate.name, other_senate.name])


def test_the_national_team_holds_its_national_role_and_no_senate_role(cast, senate):
    assert national_roles(cast["national"]) == {"national_team"}
    assert roles_in(cast["national"], senate) == set() and senates_of(cast["national"]) == []


def test_a_system_administrator_does_not_see_the_audit_trail_by_being_one(cast, senate):
    assert not cast["admin"].has_perm(Permission.VIEW_AUDIT_TRAIL, senate)
    assert cast["manager"].has_perm(Permission.VIEW_AUDIT_TRAIL, senate)


def test_a_deactivated_manager_loses_the_senates_permissions(cast, senate):
    manager = User.objects.get(pk=cast["manager"].pk)
    manager.is_active = False
    assert not manager.has_perm(Permission.VIEW_AUDIT_TRAIL, senate)


def test_a_person_is_shown_by_name_or_by_email_when_they_have_none():
    assert str(User(full_name="Dana Reviewer", email="dana@nhs.example")) == "Dana Reviewer"
    assert str(User(full_name="", email="dana@nhs.example")) == "dana@nhs.example"


def test_a_person_is_greeted_by_their_first_name():
    assert User(full_name="Dana Reviewer").get_short_name() == "Dana"
    assert User(full_name="", email="dana@nhs.example").get_short_name() == "dana@nhs.example"
