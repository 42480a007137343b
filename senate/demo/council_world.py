"""Demo Council meetings in the South West Senate: three past meetings that ratified the advice of
the demo requests already approved (with declarations, minutes approved at the next meeting and
published), and an upcoming meeting with items for the requests now waiting for the Council.
The demo requests' approvals were walked by the Chair before the Council existed, so the past
decisions are written as records; from now on approvals happen at Council meetings."""

import datetime as dt
import random

from django.utils import timezone

from senate.accounts.models import User
from senate.council import declarations, meetings, minutes
from senate.council.models import (
    AdviceIssue,
    Attendance,
    Decision,
    Meeting,
    MeetingDeclaration,
    PublicationPermission,
)
from senate.organisations.models import Senate
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
    absent = [a.pk for a in meeting.attendance.exclude(profile__user=chair) if rng.random() < 0.15]
    meeting.attendance.filter(pk__in=absent).update(status=Attendance.Status.APOLOGIES)
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
    Decision.objects.create(
        item=item,
        outcome=rng.choice([Decision.Outcome.APPROVED, Decision.Outcome.APPROVED_WITH_CHANGES]),
        changes="Clarify the travel-time figures in the summary.",
        method=Decision.Method.VOTE,
        votes_for=max(voters - 3, 1),
        abstentions=1,
        recused=0,
        recorded_by=manager,
    )


def _held(meeting: Meeting, manager: User, rng: random.Random) -> None:
    declarations.start_meeting(meeting, by=manager)
    for row in MeetingDeclaration.objects.filter(item__meeting=meeting):
        row.action, row.confirmed = rng.choice(["leaves", "leaves", "no_vote"]), True
        row.save(update_fields=["action", "confirmed"])
    present = meeting.attendance.filter(observer=False, status=Attendance.Status.PRESENT).count()
    for item in meeting.items.exclude(decision=None).select_related("decision"):
        decision = item.decision
        decision.recused = len(declarations.recused(item))
        # Those who left the room for the item do not vote: the votes fit the members who may.
        voters = max(present - decision.recused, 1)
        decision.abstentions = min(decision.abstentions, max(voters - 1, 0))
        decision.votes_for = max(min(decision.votes_for, voters - decision.abstentions - decision.votes_against), 1)
        decision.save(update_fields=["recused", "votes_for", "abstentions"])
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
