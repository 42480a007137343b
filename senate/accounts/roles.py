"""Reading a person's roles, cached on the user object for the length of a request."""

from typing import Any

from django.db.models import Model

from senate.accounts.models import Role, RoleAssignment, User


def roles_in(user: User, senate: Model | None) -> set[str]:
    if senate is None or not getattr(user, "is_authenticated", False):
        return set()
    cache = _cache(user)
    return {role for (senate_id, role, _org) in cache if senate_id == senate.pk}


def organisations_for(user: User, senate: Model) -> set[int]:
    """The organisations a requester contact acts for in this Senate."""
    return {org for (senate_id, role, org) in _cache(user) if senate_id == senate.pk and role == Role.REQUESTER and org}


def senates_of(user: User) -> list[Any]:
    """The Senates where this person holds a role, by name (organisations.Senate, reached through the
    role's foreign key: organisations comes after accounts in the app order)."""
    if not getattr(user, "is_authenticated", False):
        return []
    ids = {senate_id for (senate_id, _r, _o) in _cache(user)}
    senate: Any = RoleAssignment._meta.get_field("senate").related_model
    return list(senate.objects.filter(pk__in=ids).order_by("name"))


def national_roles(user: User) -> set[str]:
    """The roles a person holds across every Senate (`NationalRoleAssignment`)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if not hasattr(user, "_national_roles"):
        user._national_roles = set(user.national_roles.values_list("role", flat=True))
    return user._national_roles  # type: ignore[no-any-return]


def assignments(user: User) -> list[tuple[int | None, str, int | None]]:
    """Each role a signed-in person holds: its Senate, the role and the organisation it acts for."""
    return _cache(user)


def _cache(user: User) -> list[tuple[int | None, str, int | None]]:
    if not hasattr(user, "_senate_roles"):
        user._senate_roles = list(user.roles.values_list("senate_id", "role", "organisation_id"))
    return user._senate_roles  # type: ignore[no-any-return]
