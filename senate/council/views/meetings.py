"""The meetings list, scheduling, the agenda with known conflicts, papers, attendance and quorum rules."""

import datetime as dt

from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.core.uploads import UploadNotStored
from senate.council import decisions, declarations, meetings, queries
from senate.council.forms import AttendanceForm, ItemForm, MeetingForm, PaperForm, QuorumForm
from senate.council.models import Meeting
from senate.council.permission_names import CouncilPermission as P
from senate.council.quorum_rules import set_quorum_rules
from senate.council.served import MEETING
from senate.council.views.common import crumbs, meeting_crumbs, posted
from senate.members.formats import formats_needed
from senate.organisations.models import Senate


@requires(P.VIEW_MEETINGS)
def meeting_list(http: SignedInRequest, senate: Senate) -> HttpResponse:
    today = dt.date.today()
    found = queries.meetings_of(senate)
    context = {
        "upcoming": sorted((m for m in found if m.date >= today), key=lambda m: m.date),
        "past": [m for m in found if m.date < today],
        "can_manage": http.user.has_perm(P.MANAGE_MEETINGS, senate),
        "page_title": "Council meetings",
        "breadcrumbs": crumbs(senate)[:1],
    }
    return render(http, "council/meetings.jinja", context)


@requires(P.MANAGE_MEETINGS)
def meeting_new(http: SignedInRequest, senate: Senate) -> HttpResponse:
    form = MeetingForm(posted(http), chairs=queries.chairs_of(senate), initial={"kind": Meeting.Kind.COUNCIL})
    if http.method == "POST" and form.is_valid():
        meeting = meetings.schedule_meeting(senate=senate, by=http.user, **form.cleaned_data)
        messages.success(http, f"{meeting} scheduled. Add the agenda items next.")
        return redirect("council:meeting", senate.slug, meeting.pk)
    context = {"form": form, "page_title": "Schedule a meeting", "breadcrumbs": crumbs(senate)}
    return render(http, "council/meeting_new.jinja", context)


@requires(P.VIEW_MEETINGS, on=MEETING)
def meeting_detail(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    """The agenda: each item with its papers, each attending member's known conflicts, and whether
    it is quorate after recusals."""
    items = list(meeting.items.select_related("request", "decision"))
    # Declarations only where the page reads them: an item's quorum, and how many once started.
    declared = [i for i in items if i.needs_decision or (meeting.started_at and i.request_id)]
    prefetch_related_objects(declared, "declarations")
    papers = queries.papers_by_item(meeting)
    conflicts = {} if meeting.started_at else declarations.kept_known_conflicts(meeting)
    attendance = list(meeting.attendance.select_related("profile__user"))
    names = {a.pk: a.name for a in attendance}
    # The members present, the Council's size and the quorum rule, read once for every item.
    needing = [i for i in items if i.needs_decision]
    sitting = decisions.Sitting.of(meeting, attendance=attendance, items=needing) if needing else None
    rows = [
        {
            "item": item,
            "papers": papers.get(item.pk, []),
            "known": [(names[a], found) for a, found in conflicts.get(item.pk, {}).items()],
            "verdict": decisions.verdict(item, sitting=sitting) if item.needs_decision else None,
            "decision": getattr(item, "decision", None),
        }
        for item in items
    ]
    context = {
        "meeting": meeting,
        "rows": rows,
        "attendance": attendance,
        "papers": papers.get(None, []),
        "formats": formats_needed(senate, [a.profile for a in attendance if not a.observer]),
        "notice_days": senate.papers_notice_days,
        "can_manage": http.user.has_perm(P.MANAGE_MEETINGS, senate),
        "page_title": str(meeting),
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "council/meeting.jinja", context)


@requires(P.MANAGE_MEETINGS, on=MEETING)
def item_new(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    form = ItemForm(posted(http), requests=meetings.ready_requests(senate))
    if http.method == "POST" and form.is_valid():
        try:
            item = meetings.add_item(meeting=meeting, by=http.user, **form.cleaned_data)
        except meetings.MeetingRefused as refused:
            form.add_error("request", str(refused))
        else:
            messages.success(http, f"{item} added to the agenda.")
            return redirect("council:meeting", senate.slug, meeting.pk)
    context = {
        "form": form,
        "meeting": meeting,
        "page_title": "Add an agenda item",
        "breadcrumbs": meeting_crumbs(meeting),
    }
    return render(http, "council/item_new.jinja", context)


@requires(P.MANAGE_MEETINGS, on=MEETING)
def paper_new(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    form = PaperForm(posted(http), http.FILES or None, items=meeting.items.all())
    if http.method == "POST" and form.is_valid():
        try:
            paper = meetings.attach_paper(meeting=meeting, by=http.user, **form.cleaned_data)
        except UploadNotStored as not_stored:
            form.add_error("file", str(not_stored))
        else:
            late = f" It went out {paper.days_notice} days before the meeting, later than the Senate's rule."
            messages.success(http, f"‘{paper.title}’ attached." + (late if paper.late else ""))
            return redirect("council:meeting", senate.slug, meeting.pk)
    context = {"form": form, "meeting": meeting, "page_title": "Attach a paper", "breadcrumbs": meeting_crumbs(meeting)}
    return render(http, "council/paper_new.jinja", context)


@requires(P.VIEW_MEETINGS, on=MEETING)
def paper_file(http: SignedInRequest, senate: Senate, meeting: Meeting, paper_id: int) -> FileResponse:
    paper = queries.paper(meeting, paper_id)
    return FileResponse(
        paper.file.open("rb"), as_attachment=True, filename=(paper.file.name or "paper").rsplit("/", 1)[-1]
    )


@requires(P.MANAGE_MEETINGS, on=MEETING)
def attendance(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    form = AttendanceForm(posted(http), attendance=list(meeting.attendance.all()))
    if http.method == "POST" and form.is_valid():
        meetings.record_attendance(
            meeting=meeting, statuses=form.statuses(), observers=form.observer_names(), by=http.user
        )
        messages.success(http, "Attendance recorded.")
        return redirect("council:meeting", senate.slug, meeting.pk)
    context = {"form": form, "meeting": meeting, "page_title": "Attendance", "breadcrumbs": meeting_crumbs(meeting)}
    return render(http, "council/attendance.jinja", context)


@requires(P.EDIT_QUORUM)
def quorum_rules(http: SignedInRequest, senate: Senate) -> HttpResponse:
    rule = queries.quorum_rule(senate)
    form = QuorumForm(posted(http), instance=rule)
    if http.method == "POST" and form.is_valid():
        set_quorum_rules(senate, changes=form.cleaned_data, by=http.user)
        messages.success(http, "The quorum rules have been saved.")
        return redirect("council:quorum", senate.slug)
    context = {"form": form, "page_title": "Quorum rules", "breadcrumbs": crumbs(senate)}
    return render(http, "council/quorum.jinja", context)


@requires(P.VIEW_MEETINGS)
def action_log(http: SignedInRequest, senate: Senate) -> HttpResponse:
    actions = queries.actions_of(senate)
    context = {
        "actions": actions,
        "today": dt.date.today(),
        "can_manage": http.user.has_perm(P.MANAGE_MEETINGS, senate),
        "page_title": "Action log",
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "council/actions.jinja", context)
