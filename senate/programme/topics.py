"""Work the Senate opens itself (issue 17): a thematic review, horizon scanning or a piece of
clinical leadership work, with a sponsor. Thematic reviews and leadership work become requests whose
origin is the Senate, already accepted, and go on through the usual lifecycle (terms, panel,
evidence, report, Council, issue); the manager takes the requester's steps. Horizon scanning is
lighter: it stays on the forward plan until the team records what it found."""

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.organisations.models import Organisation, Senate
from senate.programme.models import Topic, TopicKind
from senate.reviews.intake import assign_reference
from senate.reviews.models import AdviceKind, Origin, Request, RequestEvent
from senate.reviews.stages import Stage


class TopicRefused(ValueError):
    """Says which field is wrong, for the form: (field, message)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


REQUEST_KIND = {TopicKind.THEMATIC: AdviceKind.THEMATIC, TopicKind.LEADERSHIP: AdviceKind.OTHER}


def open_topic(
    *,
    senate: Senate,
    kind: str,
    title: str,
    description: str,
    lead_organisation: Organisation | None,
    sponsor_member: User | None = None,
    sponsor_organisation: Organisation | None = None,
    by: User,
) -> Topic:
    """Open the topic; for a thematic review or leadership work also its request, at "Accepted"
    with a reference, a timeline row and audit events. Refused (nothing written) without a sponsor."""
    if sponsor_member is None and sponsor_organisation is None:
        raise TopicRefused("sponsor_member", "Name a sponsor: a Council member, an organisation, or both")
    if kind != TopicKind.HORIZON_SCANNING and lead_organisation is None:
        raise TopicRefused("lead_organisation", "Choose the organisation whose services the work looks at")
    with transaction.atomic():
        topic = Topic.objects.create(
            senate=senate,
            kind=kind,
            title=title,
            description=description,
            sponsor_member=sponsor_member,
            sponsor_organisation=sponsor_organisation,
            opened_by=by,
        )
        if kind in REQUEST_KIND:
            topic.request = _open_request(topic, lead_organisation, by)
            topic.save(update_fields=["request"])
        audit.record(
            "topic.opened",
            topic,
            by=by,
            senate=senate,
            summary=f"{topic.get_kind_display()} opened by the Senate: {title}",
            data={"sponsor": topic.sponsor, "request": topic.request.reference if topic.request else None},
        )
    return topic


def _open_request(topic: Topic, lead_organisation: Organisation | None, by: User) -> Request:
    now = timezone.now()
    request = Request(
        senate=topic.senate,
        origin=Origin.SENATE,
        title=topic.title,
        kind=REQUEST_KIND[TopicKind(topic.kind)],
        requesting_organisation=lead_organisation,
        background=topic.description,
        questions=topic.description,
        assurance_stage="none",
        stage=Stage.ACCEPTED,
        stage_entered_at=now,
        submitted_at=now,
        created_by=by,
        triage_reason="Opened by the Senate as part of its work programme.",
    )
    assign_reference(request)
    request.save()
    RequestEvent.objects.create(
        request=request,
        by=by,
        action="opened_by_senate",
        to_stage=Stage.ACCEPTED,
        reason=f"{topic.get_kind_display()} opened by the Senate; sponsor: {topic.sponsor}",
    )
    audit.record(
        "request.opened_by_senate",
        request,
        by=by,
        senate=topic.senate,
        summary=f"{request.reference}: opened by the Senate (sponsor: {topic.sponsor})",
    )
    return request


def finish_horizon_scan(topic: Topic, *, outcome: str, by: User) -> Topic:
    if topic.kind != TopicKind.HORIZON_SCANNING:
        raise TopicRefused("outcome", "Only a horizon-scanning item is finished here: the others follow their request")
    if not outcome.strip():
        raise TopicRefused("outcome", "Say what the horizon scanning found")
    with transaction.atomic():
        topic.outcome, topic.done_at = outcome, timezone.now()
        topic.save(update_fields=["outcome", "done_at"])
        audit.record("topic.finished", topic, by=by, senate=topic.senate, summary=f"Horizon scanning done: {topic}")
    return topic
