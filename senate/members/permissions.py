"""Permissions for the member directory, coverage and profiles."""

import rules

from senate.accounts.permission_names import Permission
from senate.accounts.permissions import (
    is_assurance_viewer,
    is_council_member,
    is_self,
    is_senate_team,
    is_system_admin,
)

# Contact details and employers are personal data: the Senate team only.
rules.add_perm(Permission.VIEW_MEMBER_DIRECTORY, is_senate_team | is_system_admin)
# Coverage is aggregate governance information: the Council and NHS England's assurance lead too.
rules.add_perm(Permission.VIEW_COVERAGE, is_senate_team | is_council_member | is_assurance_viewer | is_system_admin)
# Appointing, terms of office and roles: the team that runs the Senate, never a system administrator
# (they administer accounts; Django admin shows memberships read-only).
rules.add_perm(Permission.EDIT_MEMBERSHIP, is_senate_team)
rules.add_perm(Permission.EDIT_OWN_PROFILE, is_self)
