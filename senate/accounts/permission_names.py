"""Every named permission in Senate. Granted by each app's permissions.py; asked by name everywhere."""

from enum import StrEnum

from senate.core.access import DESCRIPTIONS, describe

__all__ = ["DESCRIPTIONS", "Permission", "describe"]


class Permission(StrEnum):
    VIEW_MEMBER_DIRECTORY = "members.view_directory"
    VIEW_COVERAGE = "members.view_coverage"
    EDIT_MEMBERSHIP = "members.edit_membership"
    EDIT_OWN_PROFILE = "members.edit_own_profile"
    VIEW_AUDIT_TRAIL = "core.view_audit_trail"


# What each permission lets a person do, in words for the "you cannot open this page" message.
DESCRIPTIONS.update(
    {
        Permission.VIEW_MEMBER_DIRECTORY: "see the member directory",
        Permission.VIEW_COVERAGE: "see Council and Assembly coverage",
        Permission.EDIT_MEMBERSHIP: "appoint members and change their memberships and roles (the Senate team only)",
        Permission.EDIT_OWN_PROFILE: "change this profile",
        Permission.VIEW_AUDIT_TRAIL: "search this Senate's audit trail (the Senate team only)",
    }
)
