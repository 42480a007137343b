"""Who may do what with requests for advice. Object-level rules take the request itself."""

from typing import Any

import rules

from senate.accounts.permissions import DESCRIPTIONS
from senate.accounts.roles import organisations_for, roles_in
from senate.accounts.rules import is_requester, is_senate_team, is_system_admin


def _senate_roles(user: Any, request: Any) -> set[str]:
    senate = getattr(request, "senate", request)
    return roles_in(user, senate)


@rules.predicate
def acts_for_requester(user: Any, request: Any) -> bool:
    """A requester contact whose organisation made or sponsors this request."""
    if request is None or not hasattr(request, "requesting_organisation_id"):
        return False
    orgs = organisations_for(user, request.senate)
    return request.requesting_organisation_id in orgs or request.sponsor_organisation_id in orgs


@rules.predicate
def runs_the_senate(user: Any, obj: Any) -> bool:
    return bool(_senate_roles(user, obj) & {"manager", "chair", "vice_chair"})


@rules.predicate
def manages(user: Any, obj: Any) -> bool:
    return "manager" in _senate_roles(user, obj)


@rules.predicate
def chairs(user: Any, obj: Any) -> bool:
    return bool(_senate_roles(user, obj) & {"chair", "vice_chair"})


@rules.predicate
def oversees(user: Any, obj: Any) -> bool:
    """Council members and NHS England's assurance viewer read requests; they do not change them."""
    return bool(_senate_roles(user, obj) & {"council_member", "assurance_viewer"})


@rules.predicate
def is_sent(user: Any, request: Any) -> bool:
    """A draft belongs to the requester's organisation until they send it."""
    return getattr(request, "stage", "draft") != "draft"


# Recommendations are part of the draft advice until it is shared: the requester sees them once the
# draft report is sent for factual accuracy (a letter of advice: once issued), the Council once the
# advice is ready for its approval, NHS England's assurance viewer once issued. (reports.rules keeps
# the same policy for the draft report itself.)
_ISSUED_ON = frozenset({"issued", "published", "response_received", "follow_up", "closed"})


def _current_stage(request: Any) -> str:
    return str(request.stage_before_pause if request.stage == "paused" else request.stage)


@rules.predicate
def advice_shared_with_requester(user: Any, request: Any) -> bool:
    stage = _current_stage(request)
    return stage in _ISSUED_ON or (
        not request.is_short_path and stage in {"factual_accuracy", "report_revised", "approved"}
    )


@rules.predicate
def advice_before_the_council(user: Any, request: Any) -> bool:
    return "council_member" in _senate_roles(user, request) and _current_stage(request) in _ISSUED_ON | {
        "report_revised",
        "advice_drafted",
        "approved",
    }


@rules.predicate
def advice_issued_to_assurance(user: Any, request: Any) -> bool:
    return "assurance_viewer" in _senate_roles(user, request) and _current_stage(request) in _ISSUED_ON


rules.add_perm("reviews.submit_request", is_requester)
rules.add_perm(
    "reviews.view_requests",
    is_senate_team
    | is_requester
    | is_system_admin
    | rules.predicate(lambda user, senate: bool(roles_in(user, senate) & {"council_member", "assurance_viewer"})),
)
rules.add_perm("reviews.view_work_queue", is_senate_team | is_system_admin)
rules.add_perm("reviews.view_request", acts_for_requester | (is_sent & (runs_the_senate | oversees | is_system_admin)))
rules.add_perm(
    "reviews.view_recommendations",
    is_sent
    & (
        runs_the_senate
        | is_system_admin
        | (acts_for_requester & advice_shared_with_requester)
        | advice_before_the_council
        | advice_issued_to_assurance
    ),
)
rules.add_perm("reviews.edit_draft", acts_for_requester)
rules.add_perm("reviews.act_as_requester", acts_for_requester)
rules.add_perm("reviews.triage", manages)
rules.add_perm("reviews.manage_request", manages)
rules.add_perm("reviews.approve", chairs)
rules.add_perm("reviews.withdraw", manages | acts_for_requester)
rules.add_perm("reviews.comment_on_terms", runs_the_senate | acts_for_requester)
rules.add_perm("reviews.set_service_levels", runs_the_senate | is_system_admin)

DESCRIPTIONS.update(
    {
        "reviews.submit_request": "ask the Senate for advice (requester contacts only)",
        "reviews.view_requests": "see this Senate's requests for advice",
        "reviews.view_work_queue": "see the Senate team's work queue",
        "reviews.view_request": "see this request for advice",
        "reviews.view_recommendations": "see the recommendations of this request's advice",
        "reviews.edit_draft": "change this draft request",
        "reviews.manage_request": "manage this request",
        "reviews.triage": "triage requests",
        "reviews.approve": "approve advice and terms of reference",
        "reviews.set_service_levels": "change the Senate's service levels",
    }
)
