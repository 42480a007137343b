"""Who may do what with declarations and conflicts. Predicates take (user, senate) unless said.
Screening and attestation are also asked of the request: interests comes before reviews and panels in
the app order, so they answer its two extension points with their rules from `AppConfig.ready()`."""

import rules

from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import answered_at, is_self, is_senate_team, is_system_admin
from senate.core import registry
from senate.interests.permission_names import InterestsPermission as P

# True of the Senate; of a request only when reviews' `may_see_request` lets this person see it (an
# unsent draft belongs to the requester alone).
UNLESS_A_HIDDEN_DRAFT = registry.point("interests.unless_a_hidden_draft", "reviews' may-see-request rule")
unless_a_hidden_draft = answered_at(UNLESS_A_HIDDEN_DRAFT)
# Invited to, or seated on, this request's panel.
INVITED_OR_SEATED = registry.point("interests.invited_or_seated", "panels' invited-or-seated rule")
invited_or_seated = answered_at(INVITED_OR_SEATED)


# A member's own register: only they declare for themselves (the object is their profile).
rules.add_perm(P.DECLARE, is_self)
# Who owes a declaration, and the full register with unpublished entries: the Senate team alone
# (declarations are case files: a system administrator reads none). The Senate's conflicts rules
# are configuration, which a system administrator may support the team with.
rules.add_perm(P.VIEW_DUE, is_senate_team)
rules.add_perm(P.SEND_REMINDERS, is_senate_team)
rules.add_perm(P.VIEW_REGISTER_ADMIN, is_senate_team)
rules.add_perm(P.WITHHOLD, is_senate_team)
rules.add_perm(P.EDIT_RULES, is_senate_team | is_system_admin)
rules.add_perm(P.SCREEN, is_senate_team & unless_a_hidden_draft)
# "The manager records a decision" (issue 4); the Chair and Vice-chair may too.
rules.add_perm(P.DECIDE_CONFLICTS, is_senate_team & unless_a_hidden_draft)
# Panels are drawn from the Council and Assembly; each attests, for a panel they are invited to or
# sit on, before opening its evidence. Asked of the request.
rules.add_perm(P.ATTEST, unless_a_hidden_draft & invited_or_seated)

DESCRIPTIONS.update(
    {
        P.DECLARE: "make declarations for this member",
        P.VIEW_DUE: "see who owes a declaration of interests",
        P.SEND_REMINDERS: "send declaration reminders",
        P.VIEW_REGISTER_ADMIN: "see the full register of interests, including unpublished entries",
        P.WITHHOLD: "withhold or publish register entries",
        P.EDIT_RULES: "change the Senate's conflicts of interest policy",
        P.SCREEN: "screen members for conflicts of interest",
        P.DECIDE_CONFLICTS: "decide on conflicts of interest",
        P.ATTEST: "confirm declarations of interest for a review",
    }
)
