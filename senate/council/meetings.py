"""Scheduling a meeting, its agenda, papers and attendance."""

import datetime as dt

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet

from senate.accounts.models import User
from senate.core import audit, uploads
from senate.council import notices
from senate.council.decisions import awaiting_changes
from senate.council.declarations import screen_item, screen_newly_present
from senate.council.models import AgendaItem, Attendance, Meeting, Paper, QuorumRule
from senate.council.standing import READY, MeetingRefused, council_members
from senate.organisations.models import Senate
from senate.reviews.models import Request

__all__ = ["READY", "MeetingRefused", "council_members"]  # where the rest of the app found them first


# What a paper may be: documents members can open anywhere; never web pages or programs.
PAPER_KINDS = (uploads.PDF, uploads.DOCX, uploads.XLSX, uploads.PPTX, uploads.ODT, uploads.CSV)


def schedule_meeting(
    *, senate: Senate, kind: str, date: dt.date, place: str, link: str, chair: User | None, by: User
) -> Meeting:
    """A new meeting with every current Council member on the attendance list. The first Council
    meeting puts the Senate's quorum rule in place, so approvals move to the Council from then on."""
    with transaction.atomic():
        meeting = Meeting.objects.create(
            senate=senate, kind=kind, date=date, place=place, link=link, chair=chair, created_by=by
        )
        if kind == Meeting.Kind.COUNCIL:
            QuorumRule.objects.get_or_create(senate=senate)
            Attendance.objects.bulk_create(
                Attendance(meeting=meeting, profile=m.profile, name=m.profile.user.full_name, role=m.role)
                for m in council_members(senate, date)
            )
        audit.record("council.meeting_scheduled", meeting, by=by, senate=senate, summary=str(meeting))
        notices.meeting_notice(meeting, notices.everyone(meeting))
    return meeting


def add_item(*, meeting: Meeting, kind: str, title: str, request: Request | None, by: User) -> AgendaItem:
    if kind in READY and meeting.kind != Meeting.Kind.COUNCIL:
        raise MeetingRefused("Only the Council approves terms of reference and advice: use a Council meeting.")
    if kind in READY and request is None:
        raise MeetingRefused("Choose the request this item is about.")
    if request is not None and request.senate_id != meeting.senate_id:
        raise MeetingRefused("That request belongs to another Senate.")
    if request is not None and kind in READY and request.stage not in READY[kind]:
        raise MeetingRefused(
            f"{request.reference} is ‘{request.get_stage_display()}’, so it cannot be put to the Council "
            f"to {AgendaItem.Kind(kind).label.lower()} yet."
        )
    if request is not None and kind in READY:
        if waiting := awaiting_changes(request):
            raise MeetingRefused(waiting)
    with transaction.atomic():
        number = (meeting.items.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        title = title or (str(request) if request else AgendaItem.Kind(kind).label)
        item = AgendaItem.objects.create(meeting=meeting, number=number, kind=kind, title=title[:200], request=request)
        audit.record("council.item_added", item, by=by, senate=meeting.senate, summary=f"{meeting}: {item}")
        if meeting.started_at and request is not None:
            screen_item(item, by=by)  # the same screening as at the start, at once
        if meeting.kind == Meeting.Kind.PANEL and request is not None:
            notices.meeting_notice(meeting, _add_panel(meeting, request))
    return item


def _add_panel(meeting: Meeting, request: Request) -> list[Attendance]:
    """A panel meeting's attendance list: the accepted members of each request it discusses."""
    from senate.panels.invitations import final_panel

    listed = set(meeting.attendance.values_list("profile_id", flat=True))
    added = [
        Attendance.objects.create(meeting=meeting, profile=s.profile, name=s.profile.user.full_name[:150])
        for s in final_panel(request)
        if s.profile_id not in listed
    ]
    return added


def paper_max_bytes() -> int:
    return int(getattr(settings, "COUNCIL_PAPER_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))


def check_paper(file: bytes | UploadedFile) -> tuple[uploads.Checked, bytes]:
    """The paper's file against the platform's upload policy: what it is and its bytes, or
    uploads.UploadRefused saying why not."""
    data = file if isinstance(file, bytes) else uploads.read_upload(file, paper_max_bytes())
    name = getattr(file, "name", "") or ""
    return uploads.check_upload(name, data, max_bytes=paper_max_bytes(), allowed_kinds=PAPER_KINDS), data


def attach_paper(
    *, meeting: Meeting, item: AgendaItem | None, title: str, file: bytes | UploadedFile, sent_on: dt.date, by: User
) -> Paper:
    """Attach a paper and tell everyone on the attendance list. The file is checked first (raises
    uploads.UploadRefused), stored before the transaction and deleted again if the transaction fails."""
    checked, data = check_paper(file)
    paper = Paper(meeting=meeting, item=item, title=title, sent_on=sent_on, added_by=by)
    path = Paper._meta.get_field("file").generate_filename(paper, checked.original_name)
    with uploads.stored_file(path, data) as stored, transaction.atomic():
        paper.file = stored
        paper.save()
        audit.record(
            "council.paper_attached",
            paper,
            by=by,
            senate=meeting.senate,
            summary=f"{meeting}: {title}" + (" (sent late)" if paper.late else ""),
            data={"file": checked.original_name, "content_type": checked.content_type, "sha256": checked.sha256},
        )
        notices.papers_sent(paper)
    return paper


def stored_papers() -> list[str]:
    """Every paper file a paper points at (for the sweeper of orphans)."""
    return list(Paper.objects.values_list("file", flat=True))


def record_attendance(*, meeting: Meeting, statuses: dict[int, str], observers: list[str], by: User) -> None:
    """Who was present, gave apologies or was absent; and any observers, by name. Once the meeting has
    started, a member recorded present is screened against the agenda at once."""
    with transaction.atomic():
        for attendee in meeting.attendance.filter(pk__in=list(statuses)):
            attendee.status = statuses[attendee.pk]
            attendee.save(update_fields=["status"])
        for name in observers:
            Attendance.objects.create(meeting=meeting, name=name[:150], observer=True)
        screened = screen_newly_present(meeting, by=by)
        audit.record(
            "council.attendance_recorded",
            meeting,
            by=by,
            senate=meeting.senate,
            data={"observers": observers, "screened": screened},
        )


def ready_requests(senate: Senate) -> QuerySet[Request]:
    stages = set().union(*READY.values())
    return Request.objects.filter(senate=senate, stage__in=stages).order_by("reference")
