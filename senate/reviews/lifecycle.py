"""The lifecycle of a request, readable in one place: every act, the stages it may start from, the
stage it leads to, who may do it, and what must be true first (docs/domain.md §2.4 and §9.2).
Each act writes the change, an immutable timeline row and an audit event in one transaction, and
queues the emails that concern someone. Anything refused writes nothing and says what is missing."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit, registry
from senate.reviews import notices
from senate.reviews.models import Request, RequestEvent, TermsOfReference
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.stages import FINISHED, Stage

S = Stage


class TransitionRefused(Exception):
    """The act is not allowed now; the message says why, in words the person can act on."""


Check = Callable[[Request], str | None]


def _needs_sponsor(request: Request) -> str | None:
    org = request.requesting_organisation
    if request.senate.requires_commissioner_sponsor and not org.is_commissioner and not request.sponsor_organisation_id:
        return f"{org.name} is not a commissioner, so the request needs a sponsoring commissioner first."
    return None


def _complete(request: Request) -> str | None:
    missing = [label for field, label in _REQUIRED if not getattr(request, field)]
    if missing:
        return "The request is missing: " + ", ".join(missing) + "."
    return _needs_sponsor(request)


_REQUIRED = [
    ("title", "a title"),
    ("kind", "the kind of advice"),
    ("questions", "the questions to answer"),
    ("assurance_stage", "the NHS England assurance stage"),
]


def _latest_terms(request: Request) -> TermsOfReference | None:
    return request.terms.exclude(status=TermsOfReference.Status.SUPERSEDED).order_by("-version").first()


def _latest_terms_status(request: Request) -> str | None:
    """The status of the latest terms (None before any): all the checks below need, read as one value
    rather than the whole terms with their long texts (the request page asks it on every view)."""
    latest = request.terms.exclude(status=TermsOfReference.Status.SUPERSEDED).order_by("-version")
    return latest.values_list("status", flat=True).first()


def _terms_exist(request: Request) -> str | None:
    return None if _latest_terms_status(request) is not None else "Draft the terms of reference first."


def _terms_shared(request: Request) -> str | None:
    status = _latest_terms_status(request)
    if status is None or status == TermsOfReference.Status.DRAFT:
        return "Share the latest terms of reference with the requester before they can agree them."
    return None


def _terms_agreed(request: Request) -> str | None:
    if _latest_terms_status(request) not in (TermsOfReference.Status.AGREED, TermsOfReference.Status.APPROVED):
        return "The requester has not agreed the latest terms of reference."
    return None


def _all_responded(request: Request) -> str | None:
    waiting = request.recommendations.filter(responses__isnull=True).count()
    return f"{waiting} recommendation(s) still have no response." if waiting else None


def _formal(request: Request) -> str | None:
    return "This is early advice: it ends in a letter, not a formal report." if request.is_short_path else None


def _short(request: Request) -> str | None:
    return None if request.is_short_path else "A formal review needs terms of reference and a report."


@dataclass(frozen=True)
class Act:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: back to the stage before the pause
    permission: ReviewsPermission
    checks: tuple[Check, ...] = ()
    needs_reason: bool = False


def _act(
    name: str,
    label: str,
    sources: set[str],
    target: str | None,
    permission: ReviewsPermission,
    *checks: Check,
    reason: bool = False,
) -> Act:
    return Act(name, label, frozenset(sources), target, permission, checks, reason)


OPEN = frozenset(Stage.values) - FINISHED - {S.DRAFT, S.PAUSED}
MANAGE, TRIAGE, APPROVE, REQUESTER, WITHDRAW = (
    ReviewsPermission.MANAGE_REQUEST,
    ReviewsPermission.TRIAGE,
    ReviewsPermission.APPROVE,
    ReviewsPermission.ACT_AS_REQUESTER,
    ReviewsPermission.WITHDRAW,
)

ACTS = {
    a.name: a
    for a in [
        _act("submit", "Send the request", {S.DRAFT}, S.RECEIVED, REQUESTER, _complete),
        _act(
            "ask_for_information",
            "Ask for more information or a sponsor",
            {S.RECEIVED},
            S.MORE_INFORMATION,
            TRIAGE,
            reason=True,
        ),
        _act("resubmit", "Send the request again", {S.MORE_INFORMATION}, S.RECEIVED, REQUESTER, _complete),
        _act("accept", "Accept", {S.RECEIVED}, S.ACCEPTED, TRIAGE, _needs_sponsor),
        _act("redirect", "Redirect elsewhere", {S.RECEIVED, S.MORE_INFORMATION}, S.REDIRECTED, TRIAGE, reason=True),
        _act("decline", "Decline", {S.RECEIVED, S.MORE_INFORMATION}, S.DECLINED, TRIAGE, reason=True),
        _act(
            "draft_terms", "Mark terms of reference drafted", {S.ACCEPTED}, S.TOR_DRAFTED, MANAGE, _formal, _terms_exist
        ),
        _act("agree_terms", "Agree the terms of reference", {S.TOR_DRAFTED}, S.TOR_AGREED, REQUESTER, _terms_shared),
        _act("approve_terms", "Approve the terms of reference", {S.TOR_AGREED}, S.TOR_APPROVED, APPROVE, _terms_agreed),
        _act("record_panel_recruited", "Panel recruited", {S.TOR_APPROVED}, S.PANEL_RECRUITED, MANAGE),
        _act("record_evidence_received", "Evidence pack received", {S.PANEL_RECRUITED}, S.EVIDENCE_RECEIVED, MANAGE),
        _act("start_desktop_review", "Start desktop review", {S.EVIDENCE_RECEIVED}, S.DESKTOP_REVIEW, MANAGE),
        _act("start_fieldwork", "Start site visits and interviews", {S.DESKTOP_REVIEW}, S.FIELDWORK, MANAGE),
        _act("record_panel_meeting", "Panel meeting held", {S.DESKTOP_REVIEW, S.FIELDWORK}, S.PANEL_MEETING, MANAGE),
        _act("record_draft_report", "Draft report ready", {S.PANEL_MEETING}, S.DRAFT_REPORT, MANAGE),
        _act(
            "send_for_factual_accuracy",
            "Send to requester for factual accuracy check",
            {S.DRAFT_REPORT},
            S.FACTUAL_ACCURACY,
            MANAGE,
        ),
        _act(
            "record_report_revised",
            "Report revised after factual accuracy check",
            {S.FACTUAL_ACCURACY},
            S.REPORT_REVISED,
            MANAGE,
        ),
        _act("record_advice_drafted", "Letter of advice drafted", {S.ACCEPTED}, S.ADVICE_DRAFTED, MANAGE, _short),
        _act(
            "approve_advice", "Approve the advice for issue", {S.REPORT_REVISED, S.ADVICE_DRAFTED}, S.APPROVED, APPROVE
        ),
        _act("issue", "Issue to the requester", {S.APPROVED}, S.ISSUED, MANAGE),
        _act(
            "record_publication",
            "Record publication (with the requester's permission)",
            {S.ISSUED},
            S.PUBLISHED,
            MANAGE,
            reason=True,
        ),
        _act(
            "record_response",
            "Send our response to the recommendations",
            {S.ISSUED, S.PUBLISHED},
            S.RESPONSE_RECEIVED,
            REQUESTER,
            _all_responded,
        ),
        _act("start_follow_up", "Start follow-up", {S.RESPONSE_RECEIVED}, S.FOLLOW_UP, MANAGE),
        _act(
            "close", "Close", {S.ISSUED, S.PUBLISHED, S.RESPONSE_RECEIVED, S.FOLLOW_UP}, S.CLOSED, MANAGE, reason=True
        ),
        _act("pause", "Pause", set(OPEN), S.PAUSED, MANAGE, reason=True),
        _act("resume", "Resume", {S.PAUSED}, None, MANAGE),
        _act("withdraw", "Withdraw", set(OPEN) | {S.DRAFT, S.PAUSED}, S.WITHDRAWN, WITHDRAW, reason=True),
    ]
}


# Later apps (panels, evidence, reports, council) add their own preconditions and consequences to
# acts from their AppConfig.ready(), so reviews never imports them: add_check("issue", check) and
# add_consequence("approve_advice", fn), each an extension point per act (`senate.core.registry`), run in
# the order they were added. A consequence runs inside the act's transaction, after the stage has
# changed, with (request, by, reason); raising TransitionRefused undoes the whole act.
CHECKS = {name: registry.point(f"reviews.check.{name}", "a later app's precondition") for name in ACTS}
CONSEQUENCES = {name: registry.point(f"reviews.consequence.{name}", "a later app's consequence") for name in ACTS}
_history_only = threading.local()


@contextmanager
def reviews_rules_only() -> Iterator[None]:
    """Apply only the rules of this table, suspending the checks and consequences later apps added.
    For two uses only: the demo world walks requests to their stages and the later apps' demo parts
    then fill in the records (panels, evidence, reports) their checks look for; and reviews' own
    tests exercise this table alone. Never used by a page, a task or the API."""
    _history_only.active = True
    try:
        yield
    finally:
        _history_only.active = False


def _extras(table: dict[str, str], name: str) -> list[Any]:
    return [] if getattr(_history_only, "active", False) else registry.contributions(table[name])


def add_check(act_name: str, check: Check) -> None:
    registry.register(CHECKS[act_name], check, order=0)


def add_consequence(act_name: str, consequence: Callable[..., None]) -> None:
    registry.register(CONSEQUENCES[act_name], consequence, order=0)


def available_acts(request: Request, user: User) -> list[Act]:
    """The acts this person could take now (checks aside), for the page's buttons."""
    return [a for a in ACTS.values() if request.stage in a.sources and user.has_perm(a.permission, request)]


def applies(act: Act, request: Request) -> bool:
    """Whether the act belongs to this kind of request at all: a formal review's terms and report, or
    early advice's letter. An act that does not apply is never "not yet", so pages leave it out."""
    return all(check(request) is None for check in act.checks if check in (_formal, _short))


def problems(act: Act, request: Request) -> list[str]:
    checks = list(act.checks) + _extras(CHECKS, act.name)
    return [message for check in checks if (message := check(request))]


def perform(
    name: str, request: Request, *, by: User, reason: str = "", changes: dict[str, Any] | None = None
) -> Request:
    """Take the act `name` on the request, or raise TransitionRefused saying what is missing.
    `changes` are field values set with the act (e.g. the programme on acceptance), checked with it."""
    act = ACTS.get(name)
    if act is None:
        raise TransitionRefused(f"There is no act called ‘{name}’.")
    with transaction.atomic():
        request = (
            Request.objects.select_for_update().select_related("senate", "requesting_organisation").get(pk=request.pk)
        )
        for field, value in (changes or {}).items():
            setattr(request, field, value)
        _refuse_unless_allowed(act, request, by, reason)
        before = request.stage
        request.stage = (request.stage_before_pause or S.RECEIVED) if act.target is None else act.target
        request.stage_before_pause = before if act.target == S.PAUSED else ""
        request.stage_entered_at = timezone.now()
        _apply_side_effects(act, request, reason, by)
        request.save()
        for consequence in _extras(CONSEQUENCES, act.name):
            consequence(request, by=by, reason=reason)
        RequestEvent.objects.create(
            request=request, by=by, action=act.name, from_stage=before, to_stage=request.stage, reason=reason
        )
        audit.record(
            f"request.{act.name}",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference or request.title}: {Stage(before).label} → {request.get_stage_display()}",
            data={"reason": reason, "changed": {"stage": [Stage(before).label, request.get_stage_display()]}},
        )
        notices.after_act(act.name, request, by=by, reason=reason)
    return request


def _refuse_unless_allowed(act: Act, request: Request, by: User, reason: str) -> None:
    if request.stage not in act.sources:
        raise TransitionRefused(f"‘{act.label}’ cannot be done while the request is ‘{request.get_stage_display()}’.")
    if not by.has_perm(act.permission, request):
        raise TransitionRefused(f"You do not have a role that may ‘{act.label.lower()}’ on this request.")
    if act.needs_reason and not reason.strip():
        raise TransitionRefused("Give a reason: it is recorded on the timeline and shown to the requester.")
    found = problems(act, request)
    if found:
        raise TransitionRefused(" ".join(found))


def _apply_side_effects(act: Act, request: Request, reason: str, by: User) -> None:
    if act.name in ("submit", "resubmit"):
        from senate.reviews.intake import assign_reference, notice_is_short

        request.submitted_at = request.submitted_at or timezone.now()
        assign_reference(request)
        request.short_notice = notice_is_short(request)
    if act.name in ("ask_for_information", "redirect", "decline", "accept"):
        request.triage_reason = reason
    if act.name == "approve_terms":
        terms = _latest_terms(request)
        assert terms is not None
        # Until Council meetings exist the Chair approves, and the route says so (docs/domain.md §2.4).
        TermsOfReference.objects.filter(pk=terms.pk).update(
            status=TermsOfReference.Status.APPROVED,
            approved_at=timezone.now(),
            approved_by=by,
            approval_route="Senate Chair, recorded (until Council meetings are held in Senate)",
        )
    if act.name == "agree_terms":
        terms = _latest_terms(request)
        assert terms is not None
        TermsOfReference.objects.filter(pk=terms.pk).update(
            status=TermsOfReference.Status.AGREED, agreed_at=timezone.now(), agreed_by=by
        )
