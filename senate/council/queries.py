"""What Council's pages read: meetings, their papers, declarations, minutes, actions and publication records.
Views ask here rather than query models themselves; each read is scoped to the meeting, request or Senate
the page serves."""

import datetime as dt

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404

from senate.accounts.models import Role, User
from senate.council.models import (
    Action,
    AgendaItem,
    Attendance,
    FollowUpLetter,
    Meeting,
    MeetingDeclaration,
    Minutes,
    Paper,
    QuorumRule,
)
from senate.organisations.models import Senate
from senate.reviews.models import RecommendationResponse, Request


def item_to_decide(meeting: Meeting, number: int) -> AgendaItem | None:
    """The item with what deciding it asks of again and again, read once: its decision, its
    declarations (with who made them) and the meeting's attendance (with profiles). Who chairs the
    item, who is recused, whether it is quorate and the decision form each ask these
    (`declarations.attendance_of` uses the attendance read here)."""
    declared = Prefetch("declarations", MeetingDeclaration.objects.select_related("attendee"))
    item = meeting.items.filter(number=number).select_related("request", "decision").prefetch_related(declared).first()
    if item is None:
        return None
    read_attendance(meeting)
    item.meeting = meeting  # served with its Senate and chair
    return item


def read_attendance(meeting: Meeting) -> None:
    """Read the meeting's attendance list with profiles and users once, onto the meeting:
    `meeting.attendance.all()` and `declarations.attendance_of` then use that copy."""
    prefetch_related_objects([meeting], Prefetch("attendance", Attendance.objects.select_related("profile__user")))


def meetings_of(senate: Senate) -> list[Meeting]:
    return list(Meeting.objects.filter(senate=senate).select_related("minutes"))


def chairs_of(senate: Senate) -> list[User]:
    """Who may chair a meeting: the Senate's Chair and Vice-chairs."""
    return list(User.objects.filter(roles__senate=senate, roles__role__in=[Role.CHAIR, Role.VICE_CHAIR]).distinct())


def paper(meeting: Meeting, paper_id: int) -> Paper:
    found = Paper.objects.filter(meeting=meeting, pk=paper_id).first()
    if found is None:
        raise Http404("There is no paper with that number for this meeting.")
    return found


def papers_by_item(meeting: Meeting) -> dict[int | None, list[Paper]]:
    """The meeting's papers in one query, by agenda item (None: papers for the whole meeting)."""
    found: dict[int | None, list[Paper]] = {}
    for paper in meeting.papers.all():
        found.setdefault(paper.item_id, []).append(paper)
    return found


def quorum_rule(senate: Senate) -> QuorumRule:
    """The Senate's quorum rule, or an unsaved one with the defaults."""
    return QuorumRule.objects.filter(senate=senate).first() or QuorumRule(senate=senate)


def actions_of(senate: Senate) -> QuerySet[Action]:
    return Action.objects.filter(meeting__senate=senate).select_related("meeting", "item")


def action(senate: Senate, action_id: int) -> Action:
    found = Action.objects.filter(meeting__senate=senate, pk=action_id).first()
    if found is None:
        raise Http404("There is no such action in this Senate.")
    return found


def declarations_at(meeting: Meeting) -> list[MeetingDeclaration]:
    return list(
        MeetingDeclaration.objects.filter(item__meeting=meeting).select_related(
            "item__decision", "attendee__profile", "recorded_by", "confirmed_by"
        )
    )


def declaration(meeting: Meeting, declaration_id: int) -> MeetingDeclaration:
    found = (
        MeetingDeclaration.objects.filter(item__meeting=meeting, pk=declaration_id).select_related("attendee").first()
    )
    if found is None:
        raise Http404("There is no such declaration at this meeting.")
    return found


def later_meetings_held(meeting: Meeting, today: dt.date) -> list[Meeting]:
    """Later meetings of the same body already held: only those can have approved the minutes."""
    held = Meeting.objects.filter(senate=meeting.senate, kind=meeting.kind, date__gt=meeting.date)
    return list(held.filter(date__lte=today).order_by("date"))


def minutes_of(meeting: Meeting) -> Minutes | None:
    return Minutes.objects.filter(meeting=meeting).first()


def published_minutes(senate: Senate) -> QuerySet[Minutes]:
    return (
        Minutes.objects.filter(meeting__senate=senate, status=Minutes.Status.PUBLISHED)
        .select_related("meeting")
        .order_by("-meeting__date")
    )


def published_minutes_record(senate: Senate, pk: int) -> Minutes:
    found = published_minutes(senate).filter(pk=pk).first()
    if found is None:
        raise Http404("There are no published minutes with that number.")
    return found


def follow_up_letters(request: Request) -> QuerySet[FollowUpLetter]:
    return FollowUpLetter.objects.filter(request=request)


def responses_to(request: Request) -> QuerySet[RecommendationResponse]:
    return RecommendationResponse.objects.filter(recommendation__request=request).select_related("recommendation")
