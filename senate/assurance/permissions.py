"""Who may read and change a request's assurance context, honest-broker work and partners.

Decided here (the issue is silent): the Senate team (manager, Chair, Vice-chair) and the requester's
contacts keep the assurance context current (the requester knows the commissioner's dates first);
Council members and NHS England's assurance viewer read it, like the request itself. Honest-broker
work is the Senate team's to run; each party's contacts submit their own positions and confirm the
consensus statement, and see only what has been shared with every party."""

import rules

from senate.accounts.models import User
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_senate_team, oversees
from senate.accounts.roles import organisations_for
from senate.assurance.permission_names import AssurancePermission as P
from senate.reviews.models import Request
from senate.reviews.permissions import acts_for_requester, is_sent, may_see_request, unless_a_hidden_draft


@rules.predicate
def is_honest_broker_request(user: User, request: Request) -> bool:
    return getattr(request, "kind", "") == "honest_broker"


@rules.predicate
def acts_for_a_party(user: User, request: Request) -> bool:
    """A contact of an organisation that is a party to this request's honest-broker work."""
    from senate.assurance.models import Party

    orgs = organisations_for(user, request.senate)
    return bool(orgs) and Party.objects.filter(request=request, organisation_id__in=orgs).exists()


rules.add_perm(P.VIEW, may_see_request & (acts_for_requester | is_senate_team | oversees))
rules.add_perm(P.EDIT, may_see_request & is_sent & (is_senate_team | acts_for_requester))
rules.add_perm(P.SET_DEADLINE, may_see_request & is_sent & is_senate_team)
# Senate-wide (asked of the Senate); asked of a request, it starts with may_see_request like the rest.
rules.add_perm(P.VIEW_ACROSS, unless_a_hidden_draft & (is_senate_team | oversees))
rules.add_perm(
    P.VIEW_BROKERING,
    may_see_request & is_sent & is_honest_broker_request & (is_senate_team | acts_for_requester | acts_for_a_party),
)
rules.add_perm(P.BROKER, may_see_request & is_sent & is_honest_broker_request & is_senate_team)
rules.add_perm(P.SUBMIT_POSITION, may_see_request & is_sent & is_honest_broker_request & acts_for_a_party)
rules.add_perm(P.RECORD_ENGAGEMENT, may_see_request & is_sent & is_senate_team)

DESCRIPTIONS.update(
    {
        P.VIEW: "see where this proposal stands in NHS England's assurance",
        P.EDIT: "record this proposal's assurance steps",
        P.SET_DEADLINE: "set the Senate's advice deadline from the assurance dates",
        P.VIEW_ACROSS: "see assurance across this Senate's requests",
        P.VIEW_BROKERING: "see the honest-broker work shared with every party",
        P.BROKER: "run the honest-broker work on this request",
        P.SUBMIT_POSITION: "submit your party's position and confirm the consensus statement",
        P.RECORD_ENGAGEMENT: "record which partners this review engaged",
    }
)
