"""Who may run members' terms, induction and claims (the Senate team) and who has a page of their own
(Council and Assembly members of this Senate, past members too, who see only their own records there)."""

from typing import Any

import rules

from senate.accounts.permissions import DESCRIPTIONS
from senate.accounts.rules import is_assembly_member, is_council_member, is_senate_team, senate_of
from senate.members.models import Membership
from senate.participation.permissions import ParticipationPermission as P


@rules.predicate(name="has_been_a_member")
def has_been_a_member(user: Any, senate: Any) -> bool:
    """A member of this Senate's Council or Assembly, now or in the past: a member who has left still
    downloads their statements of participation for appraisal."""
    return bool(
        user.is_authenticated and Membership.objects.filter(profile__user=user, senate=senate_of(senate)).exists()
    )


rules.add_perm(P.MANAGE_PARTICIPATION, is_senate_team)
rules.add_perm(P.TAKE_PART, is_council_member | is_assembly_member | has_been_a_member)

DESCRIPTIONS.update(
    {
        P.MANAGE_PARTICIPATION: "review renewals, induction, statements of participation and claims (the Senate team)",
        P.TAKE_PART: "see and keep your own participation record (Council and Assembly members)",
    }
)
