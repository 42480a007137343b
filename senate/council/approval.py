"""Only the Council approves advice (docs/domain.md §5.4, §9.3). Once a Senate holds Council
meetings (it has a quorum rule with `council_approves`), approving terms of reference or advice
from the request page is refused: it happens when an item is decided at a quorate meeting, which
performs the act as whoever chaired the item (an acting chair too: the rule
`council.chairs_item_being_decided`, which reviews' `reviews.approve` asks by name). A Senate without
Council settings keeps the Chair route."""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

import rules

from senate.accounts.models import User
from senate.accounts.people import Visitor
from senate.organisations.models import Senate
from senate.reviews import lifecycle
from senate.reviews.models import Request, TermsOfReference


@dataclass(frozen=True)
class Deciding:
    label: str  # e.g. "Council meeting on 4 March 2027, item 2"
    chair_id: int = 0  # who chaired the item
    request_id: int = 0
    chaired_as: str = ""


_deciding: ContextVar[Deciding | None] = ContextVar("council_deciding", default=None)


@contextlib.contextmanager
def deciding(
    label: str, *, chair: User | None = None, request: Request | None = None, chaired_as: str = ""
) -> Iterator[None]:
    token = _deciding.set(Deciding(label, getattr(chair, "pk", 0) or 0, getattr(request, "pk", 0) or 0, chaired_as))
    try:
        yield
    finally:
        _deciding.reset(token)


@rules.predicate
def chairs_item_being_decided(user: Visitor, request: object) -> bool:
    """True only while a Council item on this request is being decided, for the person chairing it."""
    now = _deciding.get()
    return bool(now and now.chair_id and now.chair_id == user.pk and now.request_id == getattr(request, "pk", None))


rules.add_rule("council.chairs_item_being_decided", chairs_item_being_decided)


def council_approves(senate: Senate) -> bool:
    from senate.council.models import QuorumRule

    return QuorumRule.objects.filter(senate=senate, council_approves=True).exists()


def decided_at_council(request: Request) -> str | None:
    if _deciding.get() or not council_approves(request.senate):
        return None
    return (
        "In this Senate the Council decides this at a quorate meeting: "
        "put the request on a Council meeting agenda instead."
    )


def issued_with_letter(request: Request) -> str | None:
    if _deciding.get() or not council_approves(request.senate):
        return None
    return "Issue ratified advice with a covering letter: use ‘Issue the advice’ under the Council links."


def _record_route(request: Request, *, by: User, reason: str) -> None:
    now = _deciding.get()
    if now:
        chaired = f", chaired by {by} ({now.chaired_as})" if now.chaired_as else ""
        TermsOfReference.objects.filter(request=request, status=TermsOfReference.Status.APPROVED).update(
            approval_route=f"Council: {now.label}{chaired}"[:200]
        )


def _sign_off_the_chairs_approval(request: Request, *, by: User, reason: str) -> None:
    """A Senate without Council approval keeps the Chair route: the Chair's approval signs off the
    latest version, so the advice has a final version to issue and publish. At a Council meeting the
    decision signs its version off itself, before it approves."""
    from django.utils import timezone

    from senate.reports import signoff
    from senate.reports.models import ReportDraft

    if _deciding.get() or signoff.signed_off(request) is not None:
        return
    latest = ReportDraft.objects.filter(request=request).order_by("-version").first()
    if latest is not None:
        signoff.sign_off(
            latest,
            ratified_at="approval by the Chair outside a Council meeting, as this Senate's rules allow",
            ratified_on=timezone.localdate(),
            chaired_by=by,
            by=by,
        )


def connect() -> None:
    lifecycle.add_check("approve_terms", decided_at_council)
    lifecycle.add_check("approve_advice", decided_at_council)
    lifecycle.add_check("issue", issued_with_letter)
    lifecycle.add_consequence("approve_terms", _record_route)
    lifecycle.add_consequence("approve_advice", _sign_off_the_chairs_approval)
