"""Who may do what with requests for advice. Object-level rules take the request itself."""

import rules

from senate.accounts.models import User
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import (
    is_chair,
    is_council_member,
    is_manager,
    is_requester,
    is_senate_team,
    is_system_admin,
    oversees,
)
from senate.accounts.roles import organisations_for, roles_in
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission as P


def _senate_roles(user: User, request: Request) -> set[str]:
    senate = getattr(request, "senate", request)
    return roles_in(user, senate)


@rules.predicate
def acts_for_requester(user: User, request: Request) -> bool:
    """A requester contact whose organisation made or sponsors this request. Nobody acts as the
    requester of work the Senate opened itself (the Senate team takes those steps)."""
    if request is None or not hasattr(request, "requesting_organisation_id"):
        return False
    if getattr(request, "origin", "requester") == "senate":
        return False
    orgs = organisations_for(user, request.senate)
    return request.requesting_organisation_id in orgs or request.sponsor_organisation_id in orgs


@rules.predicate
def senate_initiated(user: User, request: Request) -> bool:
    return getattr(request, "origin", "requester") == "senate"


def _is_request(obj: object) -> bool:
    return obj is not None and hasattr(obj, "requesting_organisation_id")


@rules.predicate
def is_sent(user: User, request: Request) -> bool:
    """A draft belongs to the requester's organisation until they send it (a draft they withdrew
    without sending was never sent either)."""
    if not _is_request(request):
        return False
    stage = getattr(request, "stage", "draft")
    return stage != "draft" and not (stage == "withdrawn" and request.submitted_at is None)


@rules.predicate
def may_see_request(user: User, request: Request) -> bool:
    """May this person see this request at all? The first condition of every permission asked of a
    request, in every app: an unsent draft belongs to the requester's organisation alone (not the
    Senate team, not a system administrator); once sent, the permission's own rule decides."""
    return _is_request(request) and (acts_for_requester(user, request) or is_sent(user, request))


@rules.predicate
def unless_a_hidden_draft(user: User, obj: object) -> bool:
    """For a Senate-wide permission that views also ask of one of its requests: true of the Senate
    itself, and of a request only when `may_see_request`."""
    return not _is_request(obj) or may_see_request(user, obj)


# Interests, which comes before reviews in the app order, asks it at its extension point
# `interests.permissions.UNLESS_A_HIDDEN_DRAFT`, answered in reviews' AppConfig.ready().


# Recommendations are part of the draft advice until it is shared: the requester sees them once the
# draft report is sent for factual accuracy (a letter of advice: once issued), the Council once the
# advice is ready for its approval, NHS England's assurance viewer once issued. reports.permissions asks the
# Council's and the assurance viewer's predicates below of the draft report too (the requester reads
# the draft by its own rule: once a factual-accuracy round has sent it to them).
_ISSUED_ON = frozenset({"issued", "published", "response_received", "follow_up", "closed"})


def _current_stage(request: Request) -> str:
    return str(request.stage_before_pause if request.stage == "paused" else request.stage)


@rules.predicate
def advice_shared_with_requester(user: User, request: Request) -> bool:
    stage = _current_stage(request)
    return stage in _ISSUED_ON or (
        not request.is_short_path and stage in {"factual_accuracy", "report_revised", "approved"}
    )


@rules.predicate
def advice_before_the_council(user: User, request: Request) -> bool:
    return "council_member" in _senate_roles(user, request) and _current_stage(request) in _ISSUED_ON | {
        "report_revised",
        "advice_drafted",
        "approved",
    }


@rules.predicate
def advice_issued_to_assurance(user: User, request: Request) -> bool:
    return "assurance_viewer" in _senate_roles(user, request) and _current_stage(request) in _ISSUED_ON


# Joint reviews (reviews.joint): an accepted partner Senate's team and Council work on the lead
# Senate's request; the partner's manager reads an invitation before answering it. These ask the
# person's roles in the request's partner Senates only, so no other Senate's people gain anything.
@rules.predicate
def in_a_partner_senate(user: User, request: Request) -> bool:
    from senate.reviews.joint import COUNCIL, TEAM, roles_as_partner

    return _is_request(request) and bool(roles_as_partner(user, request) & (TEAM | COUNCIL))


@rules.predicate
def partner_team(user: User, request: Request) -> bool:
    from senate.reviews.joint import TEAM, roles_as_partner

    return _is_request(request) and bool(roles_as_partner(user, request) & TEAM)


@rules.predicate
def partner_council(user: User, request: Request) -> bool:
    from senate.reviews.joint import COUNCIL, roles_as_partner

    return _is_request(request) and bool(roles_as_partner(user, request) & COUNCIL)


@rules.predicate
def invited_partner_manager(user: User, request: Request) -> bool:
    from senate.reviews.joint import roles_as_partner
    from senate.reviews.models import PartnerSenate

    return _is_request(request) and "manager" in roles_as_partner(user, request, status=PartnerSenate.Status.INVITED)


rules.add_perm(P.SUBMIT_REQUEST, is_requester)
rules.add_perm(P.VIEW_REQUESTS, is_senate_team | is_requester | oversees)
rules.add_perm(P.VIEW_WORK_QUEUE, is_senate_team)
# Every permission asked of a request starts with may_see_request (and so does every other app's).
rules.add_perm(
    P.VIEW_REQUEST,
    may_see_request
    & (acts_for_requester | is_senate_team | oversees | (is_sent & (in_a_partner_senate | invited_partner_manager))),
)
rules.add_perm(
    P.VIEW_RECOMMENDATIONS,
    may_see_request
    & is_sent
    & (
        is_senate_team
        | (acts_for_requester & advice_shared_with_requester)
        | advice_before_the_council
        | advice_issued_to_assurance
        | in_a_partner_senate
    ),
)
rules.add_perm(P.EDIT_DRAFT, may_see_request & acts_for_requester)
# On work the Senate opened itself, the manager takes the requester's steps (agreeing the terms, the
# factual-accuracy check, the response).
rules.add_perm(P.ACT_AS_REQUESTER, may_see_request & (acts_for_requester | (senate_initiated & is_manager)))
rules.add_perm(P.TRIAGE, may_see_request & is_manager)
rules.add_perm(P.MANAGE_REQUEST, may_see_request & is_manager)
# Whoever chairs a Council item while it is being decided approves it, even an acting chair chosen
# when the Chair and Vice-chair are conflicted (the council app adds this rule; asked here by name).
chairs_council_item = rules.predicate(
    lambda user, request: rules.test_rule("council.chairs_item_being_decided", user, request),
    name="chairs_council_item",
)
rules.add_perm(P.APPROVE, may_see_request & (is_chair | chairs_council_item))
# Follow-up continues to implementation: the requester or the Senate's manager records it.
rules.add_perm(P.RECORD_IMPLEMENTATION, may_see_request & is_sent & (is_manager | acts_for_requester))
rules.add_perm(P.WITHDRAW, may_see_request & (is_manager | acts_for_requester))
# The audit trail of a request and its records: the Senate team (manager, Chair, Vice Chair) only.
rules.add_perm(P.VIEW_HISTORY, may_see_request & is_senate_team)
rules.add_perm(P.COMMENT_ON_TERMS, may_see_request & (is_senate_team | acts_for_requester))
# A joint review: the lead's manager invites, the partner's manager answers, the partner's Council
# comments; the Senates' teams and Councils see who takes part (not NHS England's assurance viewer, who
# reads the request, not the partners' comments on its draft).
rules.add_perm(
    P.VIEW_JOINT,
    may_see_request & is_sent & (is_senate_team | is_council_member | in_a_partner_senate | invited_partner_manager),
)
rules.add_perm(P.INVITE_PARTNER, may_see_request & is_sent & is_manager)
rules.add_perm(P.ANSWER_JOINT, may_see_request & is_sent & invited_partner_manager)
rules.add_perm(P.COMMENT_AS_PARTNER, may_see_request & is_sent & partner_council)
# Senate configuration, not a case file: the system administrator may support the team here.
rules.add_perm(P.SET_SERVICE_LEVELS, is_senate_team | is_system_admin)

DESCRIPTIONS.update(
    {
        P.SUBMIT_REQUEST: "ask the Senate for advice (requester contacts only)",
        P.VIEW_REQUESTS: "see this Senate's requests for advice",
        P.VIEW_WORK_QUEUE: "see the Senate team's work queue",
        P.VIEW_REQUEST: "see this request for advice",
        P.VIEW_RECOMMENDATIONS: "see the recommendations of this request's advice",
        P.EDIT_DRAFT: "change this draft request",
        P.MANAGE_REQUEST: "manage this request",
        P.TRIAGE: "triage requests",
        P.APPROVE: "approve advice and terms of reference",
        P.VIEW_HISTORY: "see the history of this request (the Senate team only)",
        P.SET_SERVICE_LEVELS: "change the Senate's service levels",
        P.VIEW_JOINT: "see the Senates taking part in this review",
        P.INVITE_PARTNER: "invite another Senate to review this request jointly (the lead Senate's manager)",
        P.ANSWER_JOINT: "accept or decline an invitation to a joint review (the invited Senate's manager)",
        P.COMMENT_AS_PARTNER: "comment on a joint review's draft advice (a partner Senate's Council)",
        P.RECORD_IMPLEMENTATION: "record how a recommendation is being implemented (the requester or the manager)",
    }
)
