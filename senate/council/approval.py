"""Only the Council approves advice (shared/domain.md §5.4, §9.3). Once a Senate holds Council
meetings (it has a quorum rule with `council_approves`), approving terms of reference or advice
from the request page is refused: it happens when an item is decided at a quorate meeting, which
performs the act with the meeting's chair. A Senate without Council settings keeps the Chair route."""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from senate.reviews import lifecycle
from senate.reviews.models import TermsOfReference

# The meeting and item deciding right now, e.g. "Council meeting on 4 March 2027, item 2".
_deciding: ContextVar[str] = ContextVar("council_deciding", default="")


@contextlib.contextmanager
def deciding(label: str) -> Iterator[None]:
    token = _deciding.set(label)
    try:
        yield
    finally:
        _deciding.reset(token)


def council_approves(senate: Any) -> bool:
    from senate.council.models import QuorumRule

    return QuorumRule.objects.filter(senate=senate, council_approves=True).exists()


def decided_at_council(request: Any) -> str | None:
    if _deciding.get() or not council_approves(request.senate):
        return None
    return (
        "In this Senate the Council decides this at a quorate meeting: "
        "put the request on a Council meeting agenda instead."
    )


def issued_with_letter(request: Any) -> str | None:
    if _deciding.get() or not council_approves(request.senate):
        return None
    return "Issue ratified advice with a covering letter: use ‘Issue the advice’ under the Council links."


def _record_route(request: Any, *, by: Any, reason: str) -> None:
    label = _deciding.get()
    if label:
        TermsOfReference.objects.filter(request=request, status=TermsOfReference.Status.APPROVED).update(
            approval_route=f"Council: {label}"[:200]
        )


def connect() -> None:
    lifecycle.add_check("approve_terms", decided_at_council)
    lifecycle.add_check("approve_advice", decided_at_council)
    lifecycle.add_check("issue", issued_with_letter)
    lifecycle.add_consequence("approve_terms", _record_route)
