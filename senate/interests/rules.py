"""Who may do what with declarations and conflicts. Predicates take (user, senate) unless said."""

import rules

from senate.accounts.permissions import DESCRIPTIONS
from senate.accounts.rules import (
    is_assembly_member,
    is_council_member,
    is_self,
    is_senate_team,
    is_system_admin,
)
from senate.interests.permissions import InterestsPermission as P

# A member's own register: only they declare for themselves (the object is their profile).
rules.add_perm(P.DECLARE, is_self)
# Who owes a declaration, and the full register with unpublished entries: the Senate team, and
# system administrators who support them. Withholding and screening decisions are the team's alone.
rules.add_perm(P.VIEW_DUE, is_senate_team | is_system_admin)
rules.add_perm(P.SEND_REMINDERS, is_senate_team)
rules.add_perm(P.VIEW_REGISTER_ADMIN, is_senate_team | is_system_admin)
rules.add_perm(P.WITHHOLD, is_senate_team)
rules.add_perm(P.EDIT_RULES, is_senate_team | is_system_admin)
rules.add_perm(P.SCREEN, is_senate_team | is_system_admin)
# "The manager records a decision" (issue 4); the Chair and Vice-chair may too.
rules.add_perm(P.DECIDE_CONFLICTS, is_senate_team)
# Panels are drawn from the Council and Assembly; each attests before opening evidence.
rules.add_perm(P.ATTEST, is_council_member | is_assembly_member)

DESCRIPTIONS.update(
    {
        P.DECLARE: "make declarations for this member",
        P.VIEW_DUE: "see who owes a declaration of interests",
        P.SEND_REMINDERS: "send declaration reminders",
        P.VIEW_REGISTER_ADMIN: "see the full register of interests, including unpublished entries",
        P.WITHHOLD: "withhold or publish register entries",
        P.EDIT_RULES: "change the Senate's conflicts of interest rules",
        P.SCREEN: "screen members for conflicts of interest",
        P.DECIDE_CONFLICTS: "decide on conflicts of interest",
        P.ATTEST: "confirm declarations of interest for a review",
    }
)
