"""Who may open which evidence item: by the item's tier and the person's role on the request.

- Senate team (manager, Chair, Vice-chair): every tier.
- Panel members: nothing until they have attested their interests for the review; then every tier
  (draft papers circulate to the panel only).
- The requester's contacts: their own organisation's items (supplied by the requester) at any tier,
  and public or official items from the panel or the Senate team.
- Council members: public and official items.
- A joint review's accepted partner Senates (reviews.joint): their Council (Chair, Vice-chair and
  Council members) as the lead Senate's Council members, public and official items; the members of
  their Assembly seated on the panel as any panel member (above). Nobody else of a partner Senate.
- Nobody else (including NHS England's assurance viewer and system administrators).
- While a request is an unsent draft, only the requester's contacts (reviews.permissions.may_see_request).
- Whatever the route, a member the Senate team has excluded from the review, or restricted from
  evidence tiers or items, does not open them (interests.restrictions): the restriction names the
  member, not a role, so it holds for a member of the Senate team too.
"""

from django.db.models import QuerySet

from senate.accounts.models import User
from senate.accounts.people import Visitor
from senate.accounts.permissions import asked_by_name, is_senate_team
from senate.accounts.roles import roles_in
from senate.evidence.models import EvidenceItem, Source, Tier
from senate.interests.attestation import has_attested
from senate.interests.restrictions import Restrictions, describe, restrictions_for
from senate.reviews.models import Request
from senate.reviews.permissions import acts_for_requester, may_see_request, partner_council

TEAM = {"manager", "chair", "vice_chair"}
OPEN_TO_COUNCIL = {Tier.PUBLIC, Tier.OFFICIAL}
OPEN_TO_REQUESTER = {Tier.PUBLIC, Tier.OFFICIAL}


# The one definition of each, called here as plain functions (evidence's views ask them too; and
# access.acts_for_requester is reviews.permissions.acts_for_requester). Panel membership lives in the panels
# app, which sits beside evidence in the layering: its rule is asked by name at call time (false if
# panels is absent) rather than imported.
is_on_panel = asked_by_name("panels.on_the_panel")
is_team = is_senate_team


def can_see_request_evidence(user: Visitor, request: Request) -> bool:
    """May reach the evidence pages of this request at all (what they then see is filtered by tier)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or not may_see_request(user, request):
        return False
    roles = roles_in(user, request.senate)
    return bool(
        roles & TEAM
        or _in_council(user, request, roles)
        or acts_for_requester(user, request)
        or is_on_panel(user, request)
    )


def _in_council(user: User, request: Request, roles: set[str]) -> bool:
    """A Council member of the request's Senate, or of an accepted partner Senate of a joint review."""
    return "council_member" in roles or partner_council(user, request)


def open_tiers(user: Visitor, request: Request) -> tuple[set[str], bool]:
    """The tiers this person may open on this request, and whether they may open the requester's own
    items at every tier."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or not may_see_request(user, request):
        return set(), False
    roles = roles_in(user, request.senate)
    if roles & TEAM:
        return set(Tier.values), True
    if is_on_panel(user, request):
        # The attestation gate comes before any other route: a panel member opens nothing unattested.
        return (set(Tier.values), True) if has_attested(user, request) else (set(), False)
    tiers: set[str] = set()
    own = False
    if _in_council(user, request, roles):
        tiers |= OPEN_TO_COUNCIL
    if acts_for_requester(user, request):
        tiers |= OPEN_TO_REQUESTER
        own = True
    return tiers, own


def can_open(user: User, item: EvidenceItem) -> bool:
    tiers, own = open_tiers(user, item.request)
    allowed = item.tier in tiers or (own and item.source == Source.REQUESTER)
    return allowed and restrictions_for(user, item.request).may_open(item)


def restricted_from(user: User, item: EvidenceItem) -> Restrictions | None:
    """The person's restrictions when they, and nothing else, keep them from this item."""
    restrictions = restrictions_for(user, item.request)
    return None if restrictions.may_open(item) else restrictions


def refusal(user: User, item: EvidenceItem) -> str:
    """Why this person may not open this item, in words for the refusal page."""
    restrictions = restricted_from(user, item)
    if restrictions is not None:
        return (
            "the Senate team's decision on your conflict of interest restricts you: "
            + "; ".join(describe(restrictions)).lower()
        )
    return "its confidentiality does not allow it"


def visible_items(user: User, request: Request) -> QuerySet[EvidenceItem]:
    """The items of this request the person may open; nothing else is listed to them."""
    from django.db.models import Q

    tiers, own = open_tiers(user, request)
    condition = Q(tier__in=tiers)
    if own:
        condition |= Q(source=Source.REQUESTER)
    items = EvidenceItem.objects.filter(request=request)
    if not (tiers or own):
        return items.none()
    restrictions = restrictions_for(user, request)
    if restrictions.excluded:
        return items.none()
    return items.filter(condition).exclude(tier__in=restrictions.tiers).exclude(pk__in=restrictions.items)
