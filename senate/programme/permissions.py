"""Who may plan the Senate's work and who answers for the advice's impact. The plan is the Senate
team's to change and the Council's to read; feedback and the board's decision come from the
requesting organisation's contacts only, once the advice is issued; the Senate team and the Chair
read the answers and record the support team's time."""

import rules

from senate.accounts.models import User
from senate.accounts.people import Visitor
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_council_member, is_senate_team
from senate.accounts.roles import organisations_for
from senate.council.permissions import advice_issued
from senate.programme.permission_names import ProgrammePermission as P
from senate.reviews.models import Request
from senate.reviews.permissions import may_see_request, unless_a_hidden_draft


@rules.predicate
def contact_of_requesting_organisation(user: Visitor, request: Request) -> bool:
    """A requester contact of the organisation that asked (not a sponsor's), on a requester's request."""
    if not isinstance(user, User) or getattr(request, "origin", "requester") != "requester":
        return False
    return request.requesting_organisation_id in organisations_for(user, request.senate)


# Senate-wide (asked of the Senate or a plan item), and never of an unsent draft.
rules.add_perm(P.VIEW_PLAN, (is_senate_team | is_council_member) & unless_a_hidden_draft)
rules.add_perm(P.MANAGE_PLAN, is_senate_team & unless_a_hidden_draft)
rules.add_perm(P.GIVE_FEEDBACK, may_see_request & contact_of_requesting_organisation & advice_issued)
rules.add_perm(P.VIEW_IMPACT, may_see_request & is_senate_team)
rules.add_perm(P.RECORD_EFFORT, may_see_request & is_senate_team)

DESCRIPTIONS.update(
    {
        P.VIEW_PLAN: "see the Senate's forward plan (the Senate team and the Council)",
        P.MANAGE_PLAN: "open Senate-initiated work and set the forward plan's priorities (the Senate team)",
        P.GIVE_FEEDBACK: "give feedback on this advice (the requesting organisation, once it is issued)",
        P.VIEW_IMPACT: "see the requester's feedback and their board's decision (the Senate team)",
        P.RECORD_EFFORT: "record the support team's time on this request (the Senate team)",
    }
)
