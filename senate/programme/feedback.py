"""What the requester makes of the advice (issue 17). When advice is issued the requesting
organisation's contacts are asked, once, for short feedback; about three months later (the daily
run) they are asked what their board decided and how the advice shaped it. Follow-up of each
recommendation goes on in reviews.follow_up; this records the decision as a whole."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from senate.accounts.models import Role, RoleAssignment, User
from senate.core import audit
from senate.council.publication import ISSUED_OR_LATER
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate
from senate.programme.models import BoardDecision, Feedback
from senate.reviews.models import Origin, Request

BOARD_DECISION_AFTER = dt.timedelta(days=91)


class FeedbackRefused(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def contacts(request: Request) -> list[Any]:
    """The requesting organisation's active requester contacts in the Senate (not a sponsor's)."""
    found = RoleAssignment.objects.filter(
        senate_id=request.senate_id, role=Role.REQUESTER, organisation_id=request.requesting_organisation_id
    ).select_related("user")
    return sorted({a.user for a in found if a.user.is_active}, key=lambda u: u.pk)


def _link(request: Request, name: str) -> str:
    return settings.SITE_URL + reverse(name, args=[request.senate.slug, request.pk])


def ask_for_feedback(request: Request, *, by: User | None = None, reason: str = "") -> None:
    send_feedback_asks(request)


def send_feedback_asks(request: Request) -> int:
    """A consequence of issuing the advice: email the requesting organisation's contacts the feedback
    form, once each (the outbox's de-duplication key), never for work the Senate opened itself."""
    if request.origin != Origin.REQUESTER:
        return 0
    link = _link(request, "programme:feedback")
    sent = 0
    for person in contacts(request):
        body = (
            f"The {request.senate.name} has issued its advice on {request.reference}: {request.title}.\n\n"
            "Please tell us, in five short questions, how useful, timely and clear it was, and whether you "
            f"would ask us again. It takes two minutes:\n{link}\n\n{request.senate.name}"
        )
        sent += bool(
            queue_email(
                to=person,
                subject=f"{request.reference}: how useful was our advice?",
                body=body,
                kind="programme.feedback_asked",
                about=request,
                senate=request.senate,
                dedupe_key=f"programme.feedback:{request.pk}:{person.pk}",
            )
        )
    return sent


def ask_for_board_decisions(senate: Senate, *, today: dt.date) -> int:
    """The daily run: for advice issued at least three months ago with no board decision recorded,
    ask the requesting organisation's contacts, once each, what their board decided."""
    due = (
        Request.objects.filter(
            senate=senate,
            origin=Origin.REQUESTER,
            stage__in=ISSUED_OR_LATER,
            board_decision__isnull=True,
            events__action="issue",
            events__at__date__lte=today - BOARD_DECISION_AFTER,
        )
        .select_related("senate")
        .distinct()
    )
    sent = 0
    for request in due:
        link = _link(request, "programme:board_decision")
        for person in contacts(request):
            body = (
                f"Three months ago the {senate.name} issued its advice on {request.reference}: {request.title}.\n\n"
                "Please record the decision your board took and how the advice shaped it:\n"
                f"{link}\n\n{senate.name}"
            )
            sent += bool(
                queue_email(
                    to=person,
                    subject=f"{request.reference}: what did your board decide?",
                    body=body,
                    kind="programme.board_decision_asked",
                    about=request,
                    senate=senate,
                    dedupe_key=f"programme.board_decision:{request.pk}:{person.pk}",
                )
            )
    return sent


def give_feedback(
    request: Request,
    *,
    usefulness: int,
    timeliness: int,
    clarity: int,
    would_ask_again: bool,
    comments: str,
    by: User,
) -> Feedback:
    """Record the requester's feedback, once per request."""
    if Feedback.objects.filter(request=request).exists():
        raise FeedbackRefused("usefulness", "Feedback on this advice has already been given")
    with transaction.atomic():
        feedback = Feedback.objects.create(
            request=request,
            usefulness=usefulness,
            timeliness=timeliness,
            clarity=clarity,
            would_ask_again=would_ask_again,
            comments=comments,
            by=by,
        )
        audit.record(
            "request.feedback_given",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference}: feedback from the requester",
            data={"usefulness": usefulness, "timeliness": timeliness, "clarity": clarity, "again": would_ask_again},
        )
    return feedback


def record_board_decision(
    request: Request, *, decided_on: dt.date | None, decision: str, influence: str, how: str, by: User
) -> BoardDecision:
    """Record (or correct) what the requester's board decided and how the advice shaped it."""
    if decided_on and decided_on > dt.date.today():
        raise FeedbackRefused("decided_on", "The date of the board's decision must be today or in the past")
    if not decision.strip():
        raise FeedbackRefused("decision", "Say what the board decided")
    with transaction.atomic():
        before = BoardDecision.objects.filter(request=request).first()
        found, _ = BoardDecision.objects.update_or_create(
            request=request,
            defaults={"decided_on": decided_on, "decision": decision, "influence": influence, "how": how, "by": by},
        )
        audit.record(
            "request.board_decision_recorded",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference}: the board's decision recorded ({found.get_influence_display()})",
            data={"changed": {"influence": [before.influence if before else None, influence]}},
        )
    return found
