"""Who may do what with Council meetings. Predicates take (user, senate). Issuing advice and
permission to publish are asked of the request itself with reviews' permissions (see views)."""

import rules

from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_council_member, is_senate_team
from senate.council.permission_names import CouncilPermission as P
from senate.council.publication import ISSUED_OR_LATER


@rules.predicate
def advice_issued(user: object, request: object) -> bool:
    """The Senate has issued this request's advice to the requester (and not only approved it); a
    request paused after its advice was issued still has it."""
    stage = getattr(request, "stage", None)
    if stage == "paused":
        stage = getattr(request, "stage_before_pause", None)
    return stage in ISSUED_OR_LATER


# Council members read the agenda and papers of their own Senate's meetings; the Senate team runs them
# (the manager as secretary, the Chair and Vice-chair in the chair).
rules.add_perm(P.VIEW_MEETINGS, is_senate_team | is_council_member)
rules.add_perm(P.MANAGE_MEETINGS, is_senate_team)
rules.add_perm(P.DECLARE, is_council_member)
rules.add_perm(P.EDIT_QUORUM, is_senate_team)

DESCRIPTIONS.update(
    {
        P.VIEW_MEETINGS: "see Council meetings, agendas and papers",
        P.MANAGE_MEETINGS: "run Council meetings: agendas, papers, attendance, decisions and minutes",
        P.DECLARE: "make declarations at Council meetings",
        P.EDIT_QUORUM: "change the Council's quorum rules",
    }
)
