"""After ratification: issuing the advice with a covering letter, the requester's permission to
publish, the Senate's follow-up letter, and what the public may read. Reports are confidential
until published, and publication needs the requester's permission (docs/domain.md §7, §9.3):
`is_public` is the one test every public page applies."""

import datetime as dt
import importlib
import re
from typing import Any

from django.db import transaction
from django.db.models import Exists, QuerySet
from django.utils import timezone
from django.utils.html import escape

from senate.accounts.models import User
from senate.core import audit
from senate.council import approval
from senate.council.meetings import MeetingRefused
from senate.council.models import AdviceIssue, FollowUpLetter, PublicationPermission
from senate.council.ratification import issue_refused, ratified_decisions
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate
from senate.reviews import lifecycle
from senate.reviews.models import Request
from senate.reviews.stages import Stage

ISSUED_OR_LATER = frozenset({Stage.ISSUED, Stage.PUBLISHED, Stage.RESPONSE_RECEIVED, Stage.FOLLOW_UP, Stage.CLOSED})


def issue_advice(request: Request, *, covering_letter: str, by: User) -> AdviceIssue:
    """Issue ratified advice to the requester (reviews act `issue`) with a covering letter: only once
    the version to issue is signed off (with any changes the Council asked for confirmed)."""
    if not_yet := issue_refused(request):
        raise MeetingRefused(not_yet)
    with transaction.atomic():
        try:
            with approval.deciding("issue with a covering letter"):
                lifecycle.perform("issue", request, by=by, reason="Issued with a covering letter after ratification")
        except lifecycle.TransitionRefused as refused:
            raise MeetingRefused(str(refused)) from refused
        issue = AdviceIssue.objects.create(request=request, covering_letter=covering_letter, issued_by=by)
        audit.record("council.advice_issued", issue, by=by, senate=request.senate, summary=str(request))
        queue_email(
            to=request.created_by,
            subject=f"Advice issued: {request.reference}",
            body=covering_letter,
            kind="council.advice_issued",
            about=request,
            senate=request.senate,
        )
    return issue


def give_permission(
    request: Request, *, given_on: dt.date, publish_from: dt.date | None, redactions: str, given_by: str, by: User
) -> PublicationPermission:
    if request.stage not in ISSUED_OR_LATER:
        raise MeetingRefused("Permission to publish is given once the advice has been issued.")
    if (issued := issued_on(request)) and given_on < issued:
        raise MeetingRefused(f"The advice was issued on {issued:%-d %B %Y}: permission cannot be dated before then.")
    with transaction.atomic():
        permission, _ = PublicationPermission.objects.update_or_create(
            request=request,
            defaults={
                "given_on": given_on,
                "publish_from": publish_from,
                "redactions": redactions,
                "given_by": given_by,
                "recorded_by": by,
            },
        )
        audit.record("council.publication_permitted", permission, by=by, senate=request.senate, summary=str(request))
    return permission


def issued_on(request: Request) -> dt.date | None:
    """The day the advice went to the requester with its covering letter, if it has."""
    return issue_day(AdviceIssue.objects.filter(request=request).first())


def issue_day(issue: AdviceIssue | None) -> dt.date | None:
    """`issued_on` of an issue a page has read already."""
    return timezone.localtime(issue.issued_at).date() if issue else None


def record_follow_up_letter(request: Request, *, sent_on: dt.date, text: str, by: User) -> FollowUpLetter:
    """A letter following up the advice: sent after the advice was issued, never before it."""
    issued = issued_on(request)
    if issued is None:
        raise MeetingRefused("A follow-up letter follows the advice: issue the advice first.")
    if sent_on < issued:
        raise MeetingRefused(
            f"The advice was issued on {issued:%-d %B %Y}: a letter following it up cannot be dated before then."
        )
    with transaction.atomic():
        letter = FollowUpLetter.objects.create(request=request, sent_on=sent_on, text=text, recorded_by=by)
        audit.record("council.follow_up_letter", letter, by=by, senate=request.senate, summary=str(request))
    return letter


def record_publication(request: Request, *, by: User, today: dt.date) -> Request:
    """Move the request to ‘Published’ once it is on the public page."""
    if not is_public(request, today=today):
        raise MeetingRefused("The advice is not yet public: it needs ratification, issue and permission.")
    permission = request.publication_permission
    reason = f"Published on the Senate's public page with permission given by {permission.given_by}"
    try:
        return lifecycle.perform("record_publication", request, by=by, reason=reason)
    except lifecycle.TransitionRefused as refused:
        raise MeetingRefused(str(refused)) from refused


def is_public(request: Request, *, today: dt.date) -> bool:
    """Issued, ratified, and the requester's permission to publish given and in force today (the
    permission and the ratification read in one query)."""
    if request.stage not in ISSUED_OR_LATER:
        return False
    return public_with(request, permission_to_publish(request), today=today)


def permission_to_publish(request: Request) -> PublicationPermission | None:
    """The requester's permission to publish, with `ratified` (whether the Council has ratified the
    advice) read in the same query."""
    ratified = Exists(ratified_decisions().filter(item__request=request))
    return PublicationPermission.objects.filter(request=request).annotate(ratified=ratified).order_by("pk").first()


def public_with(request: Request, permission: PublicationPermission | None, *, today: dt.date) -> bool:
    """`is_public` for a page that has read the permission with `permission_to_publish`."""
    if request.stage not in ISSUED_OR_LATER or permission is None:
        return False
    ratified = permission.ratified  # type: ignore[attr-defined]
    return bool(ratified and (permission.publish_from is None or permission.publish_from <= today))


def published_advice(*, today: dt.date) -> QuerySet[Request]:
    """Requests, in every Senate, whose advice the public may read: ratified, issued, and permitted
    from today. The one rule of every public page (each Senate's, and the national advice log)."""
    ratified = ratified_decisions().values("item__request")
    return (
        Request.objects.filter(stage__in=ISSUED_OR_LATER, pk__in=ratified)
        .filter(publication_permission__isnull=False)
        .exclude(publication_permission__publish_from__gt=today)
        .select_related("requesting_organisation", "publication_permission")
        .order_by("-publication_permission__given_on")
    )


def public_requests(senate: Senate, *, today: dt.date) -> QuerySet[Request]:
    """Requests of this Senate whose advice the public may read."""
    return published_advice(today=today).filter(senate=senate)


def redact(text: str, phrases: list[str]) -> str:
    """Replace each agreed phrase with [redacted], in the plain text, before it is escaped for a
    page (so a phrase with ', & or " is matched as the requester wrote it)."""
    for phrase in phrases:
        if phrase:
            text = re.sub(re.escape(phrase), "[redacted]", text, flags=re.IGNORECASE)
    return text


def public_title(request: Request) -> str:
    return redact(request.title, request.publication_permission.redaction_list())


def _reports() -> Any:
    """The reports app's publication module, or None when reports is not installed."""
    try:
        return importlib.import_module("senate.reports.publication")
    except ModuleNotFoundError:
        return None


def has_report(request: Request) -> bool:
    """Whether there is a final report to read (early advice ends in a letter), asked without
    composing and rendering it as `report_document` does."""
    reports = _reports()
    return reports is not None and reports.final_version(request) is not None


def report_document(request: Request, fmt: str = "html") -> Any:
    """The final report, from the reports app, with the agreed redactions applied to its text before
        it is rendered: standalone HTML (`fmt="html"`), PDF, DOCX, or the composed document to show in a page
    (`fmt="document"`). None when there is no report (early
        advice ends in a letter)."""
    reports = _reports()
    if reports is None:
        return None
    version = reports.final_version(request)
    if version is None:
        return None
    render = {
        "html": reports.report_html,
        "pdf": reports.report_pdf,
        "docx": reports.report_docx,
        "document": reports.document,
    }[fmt]
    return render(version, request.publication_permission.redaction_list())  # type: ignore[no-any-return]


def recommendations_html(request: Request) -> str:
    phrases = request.publication_permission.redaction_list()
    items = "".join(f"<li>{escape(redact(r.text, phrases))}</li>" for r in request.recommendations.order_by("number"))
    return f"<ol>{items}</ol>" if items else ""
