"""Minutes: drafted from the record, edited by the secretary, approved at a later meeting, published.
The actions of a meeting and marking them done."""

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.council import minutes as minutes_
from senate.council import queries
from senate.council.forms import ActionForm, ApproveMinutesForm, MinutesForm
from senate.council.meetings import MeetingRefused
from senate.council.models import Meeting, Minutes
from senate.council.permission_names import CouncilPermission as P
from senate.council.served import MEETING
from senate.council.views.common import meeting_crumbs, posted
from senate.organisations.models import Senate


def _later_meetings(meeting: Meeting) -> list[Meeting]:
    """Later meetings of the same body already held: only those can have approved the minutes."""
    return queries.later_meetings_held(meeting, timezone.localdate())


@requires(P.VIEW_MEETINGS, on=MEETING)
def minutes_page(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    record = queries.minutes_of(meeting)
    form = MinutesForm(posted(http), initial={"text": record.text if record else ""})
    if http.method == "POST":
        check(http, P.MANAGE_MEETINGS, senate)
        if record is None:
            raise Http404("Draft the minutes first.")
        if form.is_valid():
            try:
                minutes_.save_minutes(record, text=form.cleaned_data["text"], by=http.user)
            except MeetingRefused as refused:
                form.add_error("text", str(refused))
            else:
                messages.success(http, "The draft minutes have been saved.")
                return redirect("council:minutes", senate.slug, meeting.pk)
    context = {
        "meeting": meeting,
        "minutes": record,
        "form": form,
        "approve_form": ApproveMinutesForm(meetings=_later_meetings(meeting)),
        "can_manage": http.user.has_perm(P.MANAGE_MEETINGS, senate),
        "page_title": f"Minutes of the {meeting}",
        "breadcrumbs": meeting_crumbs(meeting),
    }
    return render(http, "council/minutes.jinja", context)


@require_POST
@requires(P.MANAGE_MEETINGS, on=MEETING)
def minutes_draft(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    try:
        minutes_.draft_minutes(meeting, by=http.user)
    except MeetingRefused as refused:
        messages.error(http, str(refused))
    else:
        messages.success(http, "Draft minutes written from the record. Edit them below.")
    return redirect("council:minutes", senate.slug, meeting.pk)


def _minutes(meeting: Meeting) -> Minutes:
    record = queries.minutes_of(meeting)
    if record is None:
        raise Http404("Draft the minutes first.")
    return record


@require_POST
@requires(P.MANAGE_MEETINGS, on=MEETING)
def minutes_approve(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    form = ApproveMinutesForm(http.POST, meetings=_later_meetings(meeting))
    if not form.is_valid():
        messages.error(http, "Choose the later meeting, already held, that approved the minutes.")
    else:
        try:
            minutes_.approve_minutes(_minutes(meeting), by=http.user, **form.cleaned_data)
        except MeetingRefused as refused:
            messages.error(http, str(refused))
        else:
            messages.success(http, "The minutes are approved.")
    return redirect("council:minutes", senate.slug, meeting.pk)


@require_POST
@requires(P.MANAGE_MEETINGS, on=MEETING)
def minutes_publish(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    try:
        minutes_.publish_minutes(_minutes(meeting), by=http.user, on=timezone.localdate())
    except MeetingRefused as refused:
        messages.error(http, str(refused))
    else:
        messages.success(http, "The minutes are published on the Senate's public Council page.")
    return redirect("council:minutes", senate.slug, meeting.pk)


@requires(P.VIEW_MEETINGS, on=MEETING)
def meeting_actions(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    form = ActionForm(posted(http))
    if http.method == "POST":
        check(http, P.MANAGE_MEETINGS, senate)
        if form.is_valid():
            minutes_.add_action(meeting=meeting, item=None, by=http.user, **form.cleaned_data)
            messages.success(http, "Action added to the log.")
            return redirect("council:meeting_actions", senate.slug, meeting.pk)
    context = {
        "meeting": meeting,
        "actions": meeting.actions.all(),
        "form": form,
        "today": dt.date.today(),
        "can_manage": http.user.has_perm(P.MANAGE_MEETINGS, senate),
        "page_title": "Actions",
        "breadcrumbs": meeting_crumbs(meeting),
    }
    return render(http, "council/meeting_actions.jinja", context)


@require_POST
@requires(P.MANAGE_MEETINGS)
def action_done(http: SignedInRequest, senate: Senate, action_id: int) -> HttpResponse:
    action = queries.action(senate, action_id)
    minutes_.complete_action(action, by=http.user, on=dt.date.today())
    messages.success(http, f"Done: {action.description}.")
    return redirect("council:actions", senate.slug)
