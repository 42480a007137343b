"""Who may do what with panels. Senate-wide permissions take the Senate; the panel pages of a
request ask them of the request, so an unsent draft is refused (reviews.permissions.may_see_request)."""

import rules

from senate.accounts.people import Visitor
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_assembly_member, is_council_member, is_manager, is_senate_team
from senate.panels.models import PanelMember
from senate.panels.permission_names import PanelsPermission as P
from senate.reviews.permissions import is_sent, may_see_request, partner_team, unless_a_hidden_draft


@rules.predicate
def invited_or_seated(user: Visitor, request: object) -> bool:
    """Invited to, or seated on, this request's panel."""
    from senate.panels.membership import is_invited_or_seated

    return hasattr(request, "requesting_organisation_id") and is_invited_or_seated(user, request)


@rules.predicate
def on_the_panel(user: Visitor, request: object) -> bool:
    """Has accepted a place on this request's panel."""
    from senate.panels.membership import is_on_panel

    return hasattr(request, "requesting_organisation_id") and is_on_panel(user, request)


# Interests, before panels in the app order, asks `invited_or_seated` at its extension point
# (`interests.permissions.INVITED_OR_SEATED`, answered in panels' AppConfig.ready()). Evidence and beds, after
# panels, ask `on_the_panel` by name (accounts.permissions.asked_by_name); reports and council import them.
rules.add_rule("panels.on_the_panel", on_the_panel)


# The manager runs panel recruitment (issue 5); the Chair and Vice-chair may too.
rules.add_perm(P.MANAGE, is_senate_team & unless_a_hidden_draft)
# A request's panel: the Senate team for any submitted request of their Senate; a member only for a
# panel they are invited to or sit on. Nobody else (the other Council and Assembly members, the
# requester, a system administrator).
# A joint review's partner Senate team sees the panel its Assembly sits on (the lead manages it).
rules.add_perm(P.VIEW_PANEL, may_see_request & (((is_senate_team | partner_team) & is_sent) | invited_or_seated))
# Loans are approved by the lending Senate's manager.
rules.add_perm(P.DECIDE_LOANS, is_manager)
rules.add_perm(P.OWN, is_council_member | is_assembly_member)


@rules.predicate
def own_seat(user: Visitor, seat: object) -> bool:
    """The seat is this person's own (a member lent by another Senate answers too)."""
    # Asked without a seat (or of anything else) it answers no.
    if not getattr(user, "is_authenticated", False) or not isinstance(seat, PanelMember):
        return False
    return bool(seat.profile.user_id == user.pk)


rules.add_perm(P.ANSWER, own_seat)

DESCRIPTIONS.update(
    {
        P.MANAGE: "recruit expert panels",
        P.VIEW_PANEL: "see a review's expert panel",
        P.DECIDE_LOANS: "approve or decline loans of members to other Senates",
        P.OWN: "answer your own panel invitations",
        P.ANSWER: "answer this invitation, which is someone else's",
    }
)
