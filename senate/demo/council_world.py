"""Demo Council meetings in the South West Senate: three past meetings that ratified the advice of
the demo requests already approved (with declarations, minutes approved at the next meeting and
published), an extraordinary meeting where the Chair and Vice-chair were conflicted on a report and
an acting chair took the item (approved with changes, waiting for the acting chair to confirm a new
version), and an upcoming meeting with items for the
requests now waiting for the Council. The demo requests' approvals were walked by the Chair before
the Council existed, so the past ratifications are written as records (each of one signed-off
version, with the changes asked for confirmed in a later version); the extraordinary meeting is held
through the same functions as the pages."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.council import chairing, declarations, meetings, minutes
from senate.council.decisions import awaiting_changes, decide_item
from senate.council.meetings import MeetingRefused
from senate.council.models import (
    AdviceIssue,
    AgendaItem,
    Attendance,
    ChangesConfirmed,
    Decision,
    Meeting,
    MeetingDeclaration,
    PublicationPermission,
)
from senate.organisations.models import Senate
from senate.reports import signoff
from senate.reports.models import ReportDraft
from senate.reviews.models import Request
from senate.reviews.stages import Stage

RATIFIED = [Stage.APPROVED, Stage.ISSUED, Stage.PUBLISHED, Stage.RESPONSE_RECEIVED, Stage.FOLLOW_UP, Stage.CLOSED]
PUBLISHED = [Stage.PUBLISHED, Stage.RESPONSE_RECEIVED, Stage.FOLLOW_UP, Stage.CLOSED]
WAITING = {
    Stage.TOR_AGREED: "approve_terms",
    Stage.REPORT_REVISED: "ratify_report",
    Stage.ADVICE_DRAFTED: "approve_advice",
}
PLACES = ["Taunton Racecourse conference centre", "Exeter Civic Centre", "Bristol, Temple Quay House"]


def build(rng: random.Random, *, today: dt.date) -> None:
    senate = Senate.objects.get(slug="south-west")
    chair = User.objects.get(email="chair@demo.senate.example")
    manager = User.objects.get(email="manager@demo.senate.example")
    past = [_meeting(senate, chair, manager, today - dt.timedelta(days=d), rng) for d in (150, 90, 30)]
    ratified = list(Request.objects.filter(senate=senate, stage__in=RATIFIED).order_by("stage_entered_at"))
    for n, request in enumerate(ratified):
        _ratified_at(past[1 + n % 2], request, manager, rng)
    for meeting in past:
        _held(meeting, manager, rng)
    for earlier, later in zip(past, past[1:], strict=False):
        record = minutes.draft_minutes(earlier, by=manager)
        minutes.approve_minutes(record, at_meeting=later, by=manager)
        minutes.publish_minutes(record, by=manager, on=later.date)
    minutes.draft_minutes(past[-1], by=manager)
    _acting_chair(senate, chair, manager, today - dt.timedelta(days=16))
    _upcoming(senate, chair, manager, today)
    _issued_and_published(ratified, manager)


ACTIONS = [
    "Circulate the refreshed Council terms of reference",
    "Recruit two patient and public voice members to the Assembly",
    "Share the forward plan of reviews with the region's ICBs",
]


def _meeting(senate: Senate, chair: User, manager: User, on: dt.date, rng: random.Random) -> Meeting:
    meeting = meetings.schedule_meeting(
        senate=senate, kind="council", date=on, place=rng.choice(PLACES), link="", chair=chair, by=manager
    )
    absent = {a.pk for a in meeting.attendance.exclude(profile__user=chair) if rng.random() < 0.15}
    statuses: dict[int, str] = {
        a.pk: Attendance.Status.APOLOGIES if a.pk in absent else Attendance.Status.PRESENT
        for a in meeting.attendance.filter(observer=False)
    }
    meetings.record_attendance(meeting=meeting, statuses=statuses, observers=[], by=manager)
    Attendance.objects.create(meeting=meeting, name="Regional medical director's office", observer=True)
    meetings.add_item(
        meeting=meeting, kind="other", title="Senate work programme and annual report", request=None, by=manager
    )
    return meeting


def _ratified_at(meeting: Meeting, request: Request, manager: User, rng: random.Random) -> None:
    kind = "approve_advice" if request.is_short_path else "ratify_report"
    number = meeting.items.count() + 1
    item = meeting.items.create(number=number, kind=kind, title=f"Ratify: {request.title}"[:200], request=request)
    voters = meeting.attendance.filter(observer=False, status=Attendance.Status.PRESENT).count()
    outcome = rng.choice([Decision.Outcome.APPROVED, Decision.Outcome.APPROVED_WITH_CHANGES])
    with_changes = outcome == Decision.Outcome.APPROVED_WITH_CHANGES
    version = request.report_drafts.order_by("-version").first()
    Decision.objects.create(
        item=item,
        outcome=outcome,
        changes="Clarify the travel-time figures in the summary." if with_changes else "",
        method=Decision.Method.VOTE,
        votes_for=max(voters - 3, 1),
        abstentions=1,
        recused=0,
        report_version=version,
        recorded_by=manager,
    )


def _chaired(item: AgendaItem, decision: Decision) -> None:
    """Who chaired the item, once the declarations are acted on: the chair of the meeting, else the
    Vice-chair, else an acting chair (written as a record, as the decision is); the approver and, with
    changes, the member who confirms them."""
    found = chairing.item_chair(item)
    if found is None and (able := chairing.may_chair(item)):
        item.acting_chair = able[0]
        item.save(update_fields=["acting_chair"])
        found = chairing.item_chair(item)
    assert found is not None, "someone at the demo's past meetings can chair each item"
    decision.chaired_by, decision.chaired_as = found.user, found.chaired_as
    decision.confirmer = found.user if decision.outcome == Decision.Outcome.APPROVED_WITH_CHANGES else None
    decision.save(update_fields=["chaired_by", "chaired_as", "confirmer"])
    if decision.report_version is not None:
        _signed_off(decision, decision.report_version, decision.item.meeting.created_by)


def _signed_off(decision: Decision, version: ReportDraft, manager: User) -> None:
    """The version the Council ratified is signed off; with changes, a later version makes them and
    the member named confirms it (written directly: the request is already past approval)."""
    item, chair = decision.item, decision.chaired_by
    assert chair is not None
    label = f"{item.meeting}, item {item.number}"
    if decision.outcome == Decision.Outcome.APPROVED:
        signoff.sign_off(version, ratified_at=label, ratified_on=item.meeting.date, chaired_by=chair, by=manager)
        return
    changed = ReportDraft.objects.create(
        request=version.request, version=version.version + 1, kind=version.kind,
        overall_opinion=version.overall_opinion, sections=version.sections,
        change_note="The changes the Council asked for: " + decision.changes, created_by=manager,
    )  # fmt: skip
    ChangesConfirmed.objects.create(decision=decision, version=changed, confirmed_by=chair)
    signoff.sign_off(
        changed, ratified_at=label, ratified_on=item.meeting.date, chaired_by=chair,
        changes=decision.changes, confirmed_by=chair, by=manager,
    )  # fmt: skip


def _held(meeting: Meeting, manager: User, rng: random.Random) -> None:
    declarations.start_meeting(meeting, by=manager)
    for row in MeetingDeclaration.objects.filter(item__meeting=meeting).select_related("attendee__profile"):
        # A non-financial interest is noted and the member takes part; any other takes them out. The
        # members confirmed their own at these meetings.
        noted = row.text.startswith("Declared a non-financial")
        row.action, row.confirmed = "no_action" if noted else rng.choice(["leaves", "leaves", "no_vote"]), True
        row.confirmed_by_id = row.attendee.profile.user_id if row.attendee.profile else None
        row.save(update_fields=["action", "confirmed", "confirmed_by"])
    present = meeting.attendance.filter(observer=False, status=Attendance.Status.PRESENT).count()
    for item in meeting.items.exclude(decision=None).select_related("decision"):
        decision = item.decision
        decision.recused = len(declarations.recused(item))
        # Those who left the room for the item do not vote: the votes fit the members who may.
        voters = max(present - decision.recused, 1)
        decision.abstentions = min(decision.abstentions, max(voters - 1, 0))
        decision.votes_for = max(min(decision.votes_for, voters - decision.abstentions - decision.votes_against), 1)
        decision.save(update_fields=["recused", "votes_for", "abstentions"])
        _chaired(item, decision)
    action = minutes.add_action(
        meeting=meeting,
        item=None,
        description=rng.choice(ACTIONS),
        owner="Sarah Pennington",
        due_on=meeting.date + dt.timedelta(days=28),
        by=manager,
    )
    if meeting.date + dt.timedelta(days=60) < dt.date.today():  # older actions have been done
        action.done_on = meeting.date + dt.timedelta(days=21)
        action.save(update_fields=["done_on"])


def _acting_chair(senate: Senate, chair: User, manager: User, on: dt.date) -> None:
    """An extraordinary meeting to ratify the report on mental health crisis beds: the Chair and the
    Vice-chair declare interests in it and leave the room, so the meeting chooses an acting chair
    (recorded in the minutes) and approves the report with changes. The acting chair is named to
    confirm them, and approves the report for issue once a new version makes them. A Council too
    small to stay quorate with both out (the tiny test scale) does not hold the meeting."""
    request = Request.objects.filter(senate=senate, stage=Stage.REPORT_REVISED).order_by("id").first()
    version = request.report_drafts.order_by("-version").first() if request else None
    if request is None or version is None:
        return
    try:
        with transaction.atomic():
            meeting = meetings.schedule_meeting(
                senate=senate, kind="council", date=on, place=PLACES[1], link="", chair=chair, by=manager
            )
            everyone: dict[int, str] = {
                a.pk: Attendance.Status.PRESENT for a in meeting.attendance.filter(observer=False)
            }
            meetings.record_attendance(meeting=meeting, statuses=everyone, observers=[], by=manager)
            item = meetings.add_item(meeting=meeting, kind="ratify_report", title="", request=request, by=manager)
            declarations.start_meeting(meeting, by=manager)
            for role, text in AT_MEETING.items():
                attendee = meeting.attendance.get(role=role)
                declarations.add_declaration(item=item, attendee=attendee, text=text, by=manager)
            for row in item.declarations.all():
                declarations.record_action(row, action="leaves", by=manager)
            able = chairing.may_chair(item)
            if not able:
                raise MeetingRefused("No member present can take part in the item.")
            chosen = next((a for a in able if a.profile and a.profile.user.email.startswith("council@")), able[0])
            chairing.choose_acting_chair(item, attendee=chosen, by=manager)
            decide_item(
                item, outcome="approved_with_changes", changes=CHANGES, method="consensus", version=version,
                confirmer=chosen.profile.user if chosen.profile else None, by=manager,
            )  # fmt: skip
            minutes.draft_minutes(meeting, by=manager)
    except MeetingRefused:
        return


AT_MEETING = {
    "chair": "Honorary consultant psychiatrist at the mental health trust",
    "vice_chair": "Spouse is a governor of the mental health trust",
}
CHANGES = "Add the winter bed occupancy modelling to the summary"


def _upcoming(senate: Senate, chair: User, manager: User, today: dt.date) -> None:
    meeting = meetings.schedule_meeting(
        senate=senate,
        kind="council",
        date=today + dt.timedelta(days=14),
        place=PLACES[0],
        link="https://meet.example.nhs.uk/sw-council",
        chair=chair,
        by=manager,
    )
    for stage, kind in WAITING.items():
        for request in Request.objects.filter(senate=senate, stage=stage):
            if awaiting_changes(request):  # approved with changes: waits for confirmation, not the Council
                continue
            meetings.add_item(meeting=meeting, kind=kind, title="", request=request, by=manager)
    meetings.add_item(
        meeting=meeting, kind="other", title="Approve the minutes of the last meeting", request=None, by=manager
    )


def _issued_and_published(ratified: list[Request], manager: User) -> None:
    for request in ratified:
        if request.stage == Stage.APPROVED:
            continue
        AdviceIssue.objects.create(
            request=request,
            covering_letter=f"Dear colleague,\n\nPlease find enclosed the Senate's advice on {request.title}.",
            issued_by=manager,
        )
        if request.stage in PUBLISHED:
            when = (request.stage_entered_at or timezone.now()).date()
            PublicationPermission.objects.create(
                request=request, given_on=when, given_by="Programme director", recorded_by=manager
            )
