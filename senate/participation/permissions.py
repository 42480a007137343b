"""Who may run members' terms, induction and claims (the Senate team) and who has a page of their own
(Council and Assembly members of this Senate, past members too, who see only their own records there)."""

import rules

from senate.accounts.people import Visitor
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_assembly_member, is_council_member, is_senate_team, senate_of
from senate.members.models import Membership
from senate.organisations.models import Senate
from senate.panels.permissions import invited_or_seated as panel_member
from senate.participation.permission_names import ParticipationPermission as P
from senate.reviews.permissions import acts_for_requester, advice_shared_with_requester, is_sent, may_see_request


@rules.predicate(name="has_been_a_member")
def has_been_a_member(user: Visitor, senate: Senate) -> bool:
    """A member of this Senate's Council or Assembly, now or in the past: a member who has left still
    downloads their statements of participation for appraisal."""
    return bool(
        user.is_authenticated and Membership.objects.filter(profile__user=user, senate=senate_of(senate)).exists()
    )


rules.add_perm(P.MANAGE_PARTICIPATION, is_senate_team)
rules.add_perm(P.TAKE_PART, is_council_member | is_assembly_member | has_been_a_member)
# The requester reads who gave evidence, and their declarations, once the advice is shared with them (the
# draft report sent for factual accuracy names the witnesses heard, or the advice issued); before then
# the evidence belongs to the panel's deliberation.
rules.add_perm(P.RECORD_WITNESSES, may_see_request & is_sent & is_senate_team)
rules.add_perm(
    P.VIEW_WITNESSES,
    may_see_request
    & (
        (is_sent & (is_senate_team | is_council_member))
        | panel_member
        | (acts_for_requester & advice_shared_with_requester)
    ),
)

DESCRIPTIONS.update(
    {
        P.MANAGE_PARTICIPATION: "review renewals, induction, statements of participation and claims (the Senate team)",
        P.TAKE_PART: "see and keep your own participation record (Council and Assembly members)",
        P.RECORD_WITNESSES: "record a request's invited witnesses and decide on their interests (the Senate team)",
        P.VIEW_WITNESSES: "read a request's witnesses (team, panel, Council; the requester once advice is shared)",
    }
)
