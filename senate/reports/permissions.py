"""Who may do what with the assessment and the report. Objects are requests unless said.
Draft reports are confidential: the Senate team and the panel; the requester once the draft has been
sent to them for factual accuracy; the Council from revision (it approves); NHS England's assurance
viewer once issued. Never the public, never another organisation's requester, never a system
administrator. The requester reads only the versions sent to them (for factual accuracy) and the
issued version, never a later draft the Senate has not sent (`reports.view_version`, asked of a draft)."""

import rules

from senate.accounts.people import Visitor
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import (
    is_assembly_member,
    is_council_member,
    is_manager,
    is_senate_team,
    is_system_admin,
)
from senate.core.memo import remembered
from senate.panels.permissions import on_the_panel
from senate.reports.models import ReportDraft
from senate.reports.permission_names import ReportsPermission as P
from senate.reports.stages import at_or_past
from senate.reviews.models import Request
from senate.reviews.permissions import (
    acts_for_requester,
    advice_before_the_council,
    advice_issued_to_assurance,
    in_a_partner_senate,
    may_see_request,
)


def has_accuracy_rounds(request: Request) -> bool:
    """A draft has gone to the requester for factual accuracy: asked once per web request (the rules
    and the request's links both ask; see senate.core.memo)."""
    return remembered(("accuracy-rounds", request.pk), request.accuracy_rounds.exists)


@rules.predicate
def requester_has_seen_draft(user: Visitor, request: Request | None) -> bool:
    return request is not None and has_accuracy_rounds(request)


@rules.predicate
def round_open(user: Visitor, request: Request | None) -> bool:
    from senate.reports.accuracy import open_round

    return request is not None and open_round(request) is not None


@rules.predicate
def version_sent_to_requester(user: Visitor, draft: ReportDraft) -> bool:
    """This version went to the requester: in a factual-accuracy round, or as the issued version
    (the latest, once the advice is issued)."""
    from senate.reports.publication import final_version

    if draft.rounds.exists():
        return True
    return at_or_past(draft.request, "issued") and final_version(draft.request) == draft


# The framework is reference data, not a case file: a system administrator may read it.
rules.add_perm(P.VIEW_FRAMEWORK, is_senate_team | is_council_member | is_assembly_member | is_system_admin)
rules.add_perm(P.EDIT_FRAMEWORK, is_senate_team)
# Every permission below is asked of a request and starts with may_see_request.
rules.add_perm(P.VIEW_ASSESSMENT, may_see_request & (is_senate_team | on_the_panel))
rules.add_perm(P.PICK_CRITERIA, may_see_request & is_manager)
rules.add_perm(P.RECORD_VIEW, may_see_request & on_the_panel)
rules.add_perm(P.RECORD_JUDGEMENT, may_see_request & (is_manager | on_the_panel))
rules.add_perm(P.WRITE_REPORT, may_see_request & (is_manager | on_the_panel))
# Those who read every version of the draft report, and the requester, who reads only some.
# A joint review's partner Senate (its team and Council) reads the draft to comment on it.
reads_every_version = may_see_request & (
    is_senate_team | on_the_panel | advice_before_the_council | advice_issued_to_assurance | in_a_partner_senate
)
reads_as_requester = may_see_request & acts_for_requester & requester_has_seen_draft
rules.add_perm(P.VIEW_REPORT, reads_every_version | reads_as_requester)


@rules.predicate
def may_read_version(user: Visitor, draft: ReportDraft | None) -> bool:
    if draft is None or not hasattr(draft, "request_id"):
        return False
    request = draft.request
    if reads_every_version.test(user, request):
        return True
    return bool(reads_as_requester.test(user, request) and version_sent_to_requester(user, draft))


rules.add_perm(P.VIEW_VERSION, may_read_version)
rules.add_perm(P.COMMENT_ON_ACCURACY, may_see_request & acts_for_requester & round_open)
rules.add_perm(P.ANSWER_ACCURACY, may_see_request & (is_manager | on_the_panel))

DESCRIPTIONS.update(
    {
        P.VIEW_FRAMEWORK: "see the assessment framework",
        P.EDIT_FRAMEWORK: "add this Senate's own criteria",
        P.VIEW_ASSESSMENT: "see the panel's assessment of this review",
        P.PICK_CRITERIA: "choose the criteria for this review",
        P.RECORD_VIEW: "record your own view as a panel member",
        P.RECORD_JUDGEMENT: "record the panel's judgements",
        P.WRITE_REPORT: "write the report",
        P.VIEW_REPORT: "read this draft report",
        P.VIEW_VERSION: "read this version of the report",
        P.COMMENT_ON_ACCURACY: "comment on the factual accuracy of this draft",
        P.ANSWER_ACCURACY: "answer factual-accuracy comments",
    }
)
