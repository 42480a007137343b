"""Who may run members' terms, induction and claims (the Senate team) and who has a page of their own
(Council and Assembly members of this Senate, who see only their own records there)."""

import rules

from senate.accounts.permissions import DESCRIPTIONS
from senate.accounts.rules import is_assembly_member, is_council_member, is_senate_team
from senate.participation.permissions import ParticipationPermission as P

rules.add_perm(P.MANAGE_PARTICIPATION, is_senate_team)
rules.add_perm(P.TAKE_PART, is_council_member | is_assembly_member)

DESCRIPTIONS.update(
    {
        P.MANAGE_PARTICIPATION: "review renewals, induction, statements of participation and claims (the Senate team)",
        P.TAKE_PART: "see and keep your own participation record (Council and Assembly members)",
    }
)
