"""The factual-accuracy round: the requester comments on a draft section by section within the
Senate's window (`Senate.factual_accuracy_days`); the panel accepts or answers each comment. The
comments and answers are kept and shown in the report's document control."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.notifications.outbox import queue_email
from senate.reports.models import AccuracyComment, AccuracyRound, ReportDraft
from senate.reports.outline import section_titles
from senate.reviews.models import Request


def latest_round(request: Request) -> AccuracyRound | None:
    return request.accuracy_rounds.select_related("draft").order_by("-opened_at", "-id").first()


def open_round(request: Request, *, today: dt.date | None = None) -> AccuracyRound | None:
    """The round the requester may comment in now: not closed, and within the window."""
    found = latest_round(request)
    today = today or timezone.localdate()
    if found is None or found.closed_at is not None or found.closes_on < today:
        return None
    return found


def open_for(request: Request, *, by: User, today: dt.date | None = None) -> AccuracyRound:
    """Open a round on the latest draft (called when the draft is sent to the requester)."""
    draft = request.report_drafts.order_by("-version").first()
    if draft is None:
        raise ValueError("Write a draft report before sending it for factual accuracy.")
    today = today or timezone.localdate()
    with transaction.atomic():
        found = AccuracyRound.objects.create(
            request=request,
            draft=draft,
            opened_by=by,
            closes_on=today + dt.timedelta(days=request.senate.factual_accuracy_days),
        )
        audit.record(
            "report.accuracy_opened",
            found,
            by=by,
            senate=request.senate,
            summary=f"Draft v{draft.version} sent for factual accuracy until {found.closes_on:%-d %B %Y}",
        )
        from senate.reviews.notices import recipients

        for person in recipients(request, "requester"):
            queue_email(
                to=person,
                subject=f"{request.reference}: draft report to check for factual accuracy",
                body=f"The Senate has sent you draft v{draft.version} of its report to check for factual "
                f"accuracy. Please comment on any section by {found.closes_on:%-d %B %Y}.",
                kind="report.accuracy_opened",
                about=request,
                senate=request.senate,
            )
    return found


def comment(request: Request, *, section: str, text: str, by: User, today: dt.date | None = None) -> AccuracyComment:
    found = open_round(request, today=today)
    if found is None:
        raise ValueError("The factual-accuracy window is closed.")
    if section not in section_titles(found.draft):
        raise ValueError("Select the section your comment is about")
    if not text.strip():
        raise ValueError("Enter your comment")
    with transaction.atomic():
        made = AccuracyComment.objects.create(round=found, section=section, text=text.strip(), by=by)
        audit.record("report.accuracy_comment", made, by=by, senate=request.senate, summary="Factual-accuracy comment")
    return made


def finish(request: Request, *, by: User, today: dt.date | None = None) -> AccuracyRound:
    """The requester has no more comments: the window closes now rather than on `closes_on`, so the
    panel can revise the report without waiting out the rest of the window."""
    found = open_round(request, today=today)
    if found is None:
        raise ValueError("The factual-accuracy window is already closed.")
    with transaction.atomic():
        found.closed_at = timezone.now()
        found.save(update_fields=["closed_at"])
        audit.record(
            "report.accuracy_finished",
            found,
            by=by,
            senate=request.senate,
            summary=f"The requester has no more factual-accuracy comments on draft v{found.draft.version}",
        )
    return found


def corrected_versions(item: AccuracyComment) -> list[ReportDraft]:
    """The versions written after the one commented on: those that can make the correction."""
    commented = item.round.draft
    return list(commented.request.report_drafts.filter(version__gt=commented.version).order_by("-version"))


def correction_refused(item: AccuracyComment, corrected_in: ReportDraft | None) -> str | None:
    """Why an accepted comment cannot be recorded with this corrected version, or None. Accepting a
    comment says the report is corrected, so the corrected version must exist (issue 14, item 3)."""
    later = corrected_versions(item)
    if not later:
        return (
            f"Write the corrected version first: the comment is on v{item.round.draft.version} "
            "and there is no later version."
        )
    if corrected_in is None or corrected_in not in later:
        return "Select the version that makes the correction"
    return None


def answer(
    item: AccuracyComment, *, response: str, answer: str, by: User, corrected_in: ReportDraft | None = None
) -> AccuracyComment:
    if response not in AccuracyComment.Response.values:
        raise ValueError("Select whether the comment is accepted or answered")
    if response == AccuracyComment.Response.ANSWERED and not answer.strip():
        raise ValueError("Explain why the report stands")
    accepted = response == AccuracyComment.Response.ACCEPTED
    refused = correction_refused(item, corrected_in) if accepted else None
    if refused:
        raise ValueError(refused)
    with transaction.atomic():
        item.response, item.answer = response, answer.strip()
        item.corrected_in = corrected_in if accepted else None
        item.answered_by, item.answered_at = by, timezone.now()
        item.save(update_fields=["response", "answer", "corrected_in", "answered_by", "answered_at"])
        audit.record(
            "report.accuracy_answered",
            item,
            by=by,
            senate=item.round.request.senate,
            summary=f"Factual-accuracy comment {item.get_response_display().split(':')[0].lower()}"
            + (f", corrected in v{corrected_in.version}" if accepted and corrected_in else ""),
        )
    return item


def unanswered(request: Request) -> int:
    return AccuracyComment.objects.filter(round__request=request, response="").count()


def uncorrected(request: Request) -> int:
    """Accepted comments with no corrected version (answered before a version had to be named)."""
    return AccuracyComment.objects.filter(round__request=request, response="accepted", corrected_in=None).count()


def close(request: Request) -> None:
    AccuracyRound.objects.filter(request=request, closed_at__isnull=True).update(closed_at=timezone.now())


def all_comments(request: Request) -> list[AccuracyComment]:
    return list(
        AccuracyComment.objects.filter(round__request=request)
        .select_related("by", "answered_by", "round__draft", "corrected_in")
        .order_by("at", "id")
    )


def drafts(request: Request) -> list[ReportDraft]:
    return list(request.report_drafts.select_related("created_by").order_by("version"))


def comment_on(request: Request, comment_id: int) -> AccuracyComment:
    """A factual-accuracy comment on this request's drafts (404 for any other)."""
    from django.http import Http404

    found = (
        AccuracyComment.objects.filter(pk=comment_id, round__request=request)
        .select_related("round__draft", "by")
        .first()
    )
    if found is None:
        raise Http404("There is no such comment on this request.")
    return found
