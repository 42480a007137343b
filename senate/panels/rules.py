"""Who may do what with panels. Predicates take (user, senate)."""

import rules

from senate.accounts.permissions import DESCRIPTIONS
from senate.accounts.rules import is_assembly_member, is_council_member, is_manager, is_senate_team, is_system_admin
from senate.panels.permissions import PanelsPermission as P

# The manager runs panel recruitment (issue 5); the Chair and Vice-chair may too.
rules.add_perm(P.MANAGE, is_senate_team)
rules.add_perm(P.VIEW_PANEL, is_senate_team | is_system_admin | is_council_member | is_assembly_member)
# Loans are approved by the lending Senate's manager.
rules.add_perm(P.DECIDE_LOANS, is_manager)
rules.add_perm(P.OWN, is_council_member | is_assembly_member)

DESCRIPTIONS.update(
    {
        P.MANAGE: "recruit expert panels",
        P.VIEW_PANEL: "see a review's expert panel",
        P.DECIDE_LOANS: "approve or decline loans of members to other Senates",
        P.OWN: "answer your own panel invitations",
    }
)
