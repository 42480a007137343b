"""Who may do what, in one place. Predicates take (user, senate) and are composed by name;
each app's permissions.py grants its own permissions from these."""

from typing import Any

import rules

from senate.accounts.models import NationalRole, Role, User
from senate.accounts.permission_names import Permission
from senate.accounts.roles import national_roles, roles_in
from senate.core import registry


def senate_of(obj: Any) -> Any:
    """The Senate a permission is asked of: the Senate itself, or the Senate of a record in it
    (a request, a meeting), so a Senate-wide permission can also be asked of one of its records."""
    return obj.senate if obj is not None and hasattr(obj, "senate_id") else obj


def _has_any(*wanted: str) -> Any:
    @rules.predicate(name="has_role:" + ",".join(wanted))
    def predicate(user: User, senate: Any) -> bool:
        return bool(roles_in(user, senate_of(senate)) & set(wanted))

    return predicate


# A system administrator administers accounts and organisations in Django admin. They are granted
# Senate-wide configuration pages by name, never a case file (User.has_perm: superuser status alone
# grants no Senate permission).
is_system_admin = rules.predicate(lambda user: bool(user.is_active and user.is_superuser), name="is_system_admin")
is_chair = _has_any(Role.CHAIR, Role.VICE_CHAIR)
is_manager = _has_any(Role.MANAGER)
is_council_member = _has_any(Role.CHAIR, Role.VICE_CHAIR, Role.COUNCIL_MEMBER)
is_assembly_member = _has_any(Role.ASSEMBLY_MEMBER)
is_requester = _has_any(Role.REQUESTER)
is_assurance_viewer = _has_any(Role.ASSURANCE_VIEWER)


@rules.predicate(name="is_national_team")
def is_national_team(user: User) -> bool:
    """NHS England's national team: every Senate's issued advice and statistics, nothing else."""
    return NationalRole.NATIONAL_TEAM in national_roles(user)


# Those who run the Senate's business day to day (the manager, the Chair and Vice Chair): the one
# "runs the Senate" predicate of every app.
is_senate_team = is_manager | is_chair
# Council members and NHS England's assurance viewer read requests; they do not change them.
oversees = _has_any(Role.COUNCIL_MEMBER, Role.ASSURANCE_VIEWER)

# Who did what in the Senate, across every record: the team that answers for it (never a system
# administrator, who reads no case file).
rules.add_perm(Permission.VIEW_AUDIT_TRAIL, is_senate_team)


@rules.predicate(name="is_self")
def is_self(user: User, obj: object) -> bool:
    """The object (a profile or anything with a `user_id`) belongs to the signed-in person."""
    return bool(obj is not None and getattr(obj, "user_id", None) == user.pk)


def asked_by_name(name: str) -> Any:
    """A predicate defined once, by an app above the asking one in the import order, which registers it
    with `rules.add_rule(name, …)` (reviews: `reviews.unless_a_hidden_draft`; panels:
    `panels.on_the_panel`, `panels.invited_or_seated`). Asked by name at call time, so the lower app
    never imports the higher one; false (fails closed) when that app is not installed."""

    @rules.predicate(name=name)
    def predicate(user: User, obj: Any) -> bool:
        return bool(rules.test_rule(name, user, obj))

    return predicate


def answered_at(point: str) -> Any:
    """A predicate an earlier app asks and a later app answers: the later app registers its predicate
    at the earlier app's extension point (`senate.core.registry`) from its `AppConfig.ready()`. Asked at
    call time; raises when no app has answered, rather than quietly answering for it."""

    @rules.predicate(name=point)
    def predicate(user: User, obj: Any) -> bool:
        return bool(registry.one(point)(user, obj))

    return predicate
