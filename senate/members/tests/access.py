"""Who may open the Senate team's pages for a member's memberships and roles; tests/test_page_access.py
checks every role against each. Only this Senate's team: never a system administrator, a member, a
requester, NHS England's assurance viewer or another Senate's manager."""

from senate.accounts.models import RoleAssignment
from senate.members.models import MemberProfile, Membership

TEAM = {"manager", "chair"}


def _member(cast):
    return MemberProfile.objects.get(user=cast["council"])


def _membership(cast):
    return Membership.objects.get(profile__user=cast["council"])


def _role(cast):
    return RoleAssignment.objects.get(user=cast["council"], senate__slug="south-west")


PAGES = [
    ("members:appoint", lambda c: f"/south-west/members/{_member(c).pk}/appoint/", TEAM),
    (
        "members:change_term",
        lambda c: f"/south-west/members/{_member(c).pk}/memberships/{_membership(c).pk}/term/",
        TEAM,
    ),
    (
        "members:end_membership",
        lambda c: f"/south-west/members/{_member(c).pk}/memberships/{_membership(c).pk}/end/",
        TEAM,
    ),
    ("members:give_role", lambda c: f"/south-west/members/{_member(c).pk}/roles/give/", TEAM),
    (
        "members:withdraw_role",
        lambda c: f"/south-west/members/{_member(c).pk}/roles/{_role(c).pk}/withdraw/",
        TEAM,
    ),
]
