"""Who may do what with evidence and fieldwork. Object-level predicates take the request."""

import rules

from senate.accounts.people import Visitor
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_senate_team
from senate.evidence import access
from senate.evidence.permission_names import EvidencePermission as P
from senate.interests.attestation import has_attested
from senate.reviews.models import Request
from senate.reviews.permissions import acts_for_requester, may_see_request


def _request(obj: object) -> Request | None:
    return obj if isinstance(obj, Request) else None


@rules.predicate
def may_see(user: Visitor, obj: object) -> bool:
    request = _request(obj)
    return bool(request and access.can_see_request_evidence(user, request))


@rules.predicate
def on_panel_attested(user: Visitor, obj: object) -> bool:
    """On the panel and has confirmed their declarations for this review (interests.attestation)."""
    request = _request(obj)
    return bool(request and access.is_on_panel(user, request) and has_attested(user, request))


# Every permission is asked of the request and starts with may_see_request: an unsent draft's
# evidence is the requester's alone.
rules.add_perm(P.VIEW, may_see_request & may_see)
rules.add_perm(P.ASK, may_see_request & is_senate_team)
rules.add_perm(P.UPLOAD_AS_REQUESTER, may_see_request & acts_for_requester)
rules.add_perm(P.ADD_OWN, may_see_request & (is_senate_team | on_panel_attested))
rules.add_perm(P.VIEW_ACCESS_LOG, may_see_request & is_senate_team)
rules.add_perm(P.VIEW_FIELDWORK, may_see_request & (is_senate_team | on_panel_attested))
rules.add_perm(P.RECORD_FIELDWORK, may_see_request & is_senate_team)

DESCRIPTIONS.update(
    {
        P.VIEW: "see the evidence for this request",
        P.ASK: "ask the requester for evidence",
        P.UPLOAD_AS_REQUESTER: "upload evidence for the requesting organisation",
        P.ADD_OWN: "add evidence as the panel or the Senate team",
        P.VIEW_ACCESS_LOG: "see who opened official-sensitive evidence",
        P.VIEW_FIELDWORK: "see the fieldwork for this request",
        P.RECORD_FIELDWORK: "record fieldwork and papers circulated",
    }
)
