"""Who may do what with declarations and conflicts. Predicates take (user, senate) unless said.
Screening and attestation are also asked of the request: interests sits below reviews and panels in
the import order, so it asks their rules by name at call time (failing closed if they are absent)."""

import rules

from senate.accounts.permissions import DESCRIPTIONS
from senate.accounts.rules import asked_by_name, is_self, is_senate_team, is_system_admin
from senate.interests.permissions import InterestsPermission as P

# True of the Senate; of a request only when reviews' `may_see_request` lets this person see it (an
# unsent draft belongs to the requester alone).
unless_a_hidden_draft = asked_by_name("reviews.unless_a_hidden_draft")
# Invited to, or seated on, this request's panel.
invited_or_seated = asked_by_name("panels.invited_or_seated")


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
        P.EDIT_RULES: "change the Senate's conflicts of interest rules",
        P.SCREEN: "screen members for conflicts of interest",
        P.DECIDE_CONFLICTS: "decide on conflicts of interest",
        P.ATTEST: "confirm declarations of interest for a review",
    }
)
