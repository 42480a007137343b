"""A member, and their memberships and roles, as records the Senate team's pages serve:
`requires(permission, on=MEMBER)` finds the member named by the URL's `profile_id` among this Senate's
present and past members, asks the permission of the Senate, and gives the view `profile`."""

from typing import Any

from django.http import HttpRequest

from senate.accounts.models import RoleAssignment
from senate.core.access import Served
from senate.members import queries
from senate.members.models import MemberProfile, Membership


def _member(http: HttpRequest, profile_id: int) -> MemberProfile | None:
    return queries.person_in(getattr(http, "senate", None), profile_id)  # type: ignore[arg-type]


def membership_in(http: HttpRequest, profile_id: int, membership_id: int, *also: str) -> Membership | None:
    """The member's membership of this Senate (the tenancy rule every page serving one keeps), read with
    its member, Senate and `also`: the relations a page shows beside it."""
    found = Membership.objects.filter(pk=membership_id, profile_id=profile_id, senate=getattr(http, "senate", None))
    return found.select_related("profile__user", "senate", *also).first()


def _membership(http: HttpRequest, profile_id: int, membership_id: int) -> Membership | None:
    return membership_in(http, profile_id, membership_id)


def _role(http: HttpRequest, profile_id: int, role_id: int) -> RoleAssignment | None:
    profile = _member(http, profile_id)
    if profile is None:
        return None
    found = RoleAssignment.objects.filter(pk=role_id, user_id=profile.user_id, senate=getattr(http, "senate", None))
    return found.select_related("user", "senate", "organisation").first()


def _the_senate(http: HttpRequest, _record: Any) -> Any:
    return getattr(http, "senate", None)


MEMBER = Served(
    name="profile",
    key="profile_id",
    find=_member,
    missing="No member with that number in this Senate.",
    subject=_the_senate,
)
MEMBERSHIP = Served(
    name="membership",
    key=("profile_id", "membership_id"),
    find=_membership,
    missing="This member has no such membership in this Senate.",
    subject=_the_senate,
)
ROLE = Served(
    name="assignment",
    key=("profile_id", "role_id"),
    find=_role,
    missing="This person holds no such role in this Senate.",
    subject=_the_senate,
)
