"""Declarations at the start of a meeting (shared/domain.md §4.2, §9.3): the agenda shows each
member's known conflicts with each item, from the register of interests and conflict screening;
when the meeting starts they become declarations that members confirm or add to, and the chair
records the action on each (leaves the room, stays without voting, no action)."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from senate.core import audit
from senate.council.meetings import MeetingRefused
from senate.council.models import AgendaItem, Attendance, Meeting, MeetingDeclaration
from senate.interests.facts import facts_for_request
from senate.interests.local_rules import rules_for
from senate.interests.screening import Conflict, ScreeningRules, screen_many


def members_attending(meeting: Meeting) -> list[Attendance]:
    return [
        a
        for a in meeting.attendance.select_related("profile__user")
        if not a.observer and a.profile_id and a.status == Attendance.Status.PRESENT
    ]


def known_conflicts(meeting: Meeting) -> dict[int, dict[int, list[Conflict]]]:
    """For each item about a request: each attending member's conflicts, by attendance id."""
    attending = members_attending(meeting)
    by_profile = {a.profile_id: a for a in attending}
    rules = ScreeningRules.of(rules_for(meeting.senate))
    found: dict[int, dict[int, list[Conflict]]] = {}
    for item in meeting.items.exclude(request=None).select_related("request"):
        facts = facts_for_request(item.request, on=meeting.date)
        conflicts = screen_many([a.profile for a in attending if a.profile], facts, rules=rules)
        found[item.pk] = {by_profile[pid].pk: found_ for pid, found_ in conflicts.items() if pid in by_profile}
    return found


def start_meeting(meeting: Meeting, *, by: Any) -> Meeting:
    """Open the meeting: every known conflict becomes a declaration waiting for the member to confirm
    it and for the chair's action. Attendance should be recorded first."""
    if meeting.started_at:
        raise MeetingRefused("The meeting has already started.")
    with transaction.atomic():
        rows = [
            MeetingDeclaration(
                item_id=item_id,
                attendee_id=attendee_id,
                source=MeetingDeclaration.Source.REGISTER,
                text=conflict.reason,
                recorded_by=by,
            )
            for item_id, members in known_conflicts(meeting).items()
            for attendee_id, conflicts in members.items()
            for conflict in conflicts
        ]
        MeetingDeclaration.objects.bulk_create(rows)
        meeting.started_at = timezone.now()
        meeting.save(update_fields=["started_at"])
        audit.record(
            "council.meeting_started", meeting, by=by, senate=meeting.senate, summary=f"{meeting}: {len(rows)} known"
        )
    return meeting


def add_declaration(*, item: AgendaItem, attendee: Attendance, text: str, by: Any) -> MeetingDeclaration:
    if not item.meeting.started_at:
        raise MeetingRefused("Start the meeting before taking declarations.")
    if attendee.meeting_id != item.meeting_id or attendee.observer:
        raise MeetingRefused("Only Council members at this meeting declare here.")
    with transaction.atomic():
        declaration = MeetingDeclaration.objects.create(
            item=item,
            attendee=attendee,
            source=MeetingDeclaration.Source.AT_MEETING,
            text=text,
            confirmed=True,
            recorded_by=by,
        )
        audit.record("council.declared", declaration, by=by, senate=item.meeting.senate, summary=f"{attendee}: {text}")
    return declaration


def confirm_declaration(declaration: MeetingDeclaration, *, by: Any) -> MeetingDeclaration:
    with transaction.atomic():
        declaration.confirmed = True
        declaration.save(update_fields=["confirmed"])
        audit.record("council.declaration_confirmed", declaration, by=by, senate=declaration.item.meeting.senate)
    return declaration


def record_action(declaration: MeetingDeclaration, *, action: str, by: Any) -> MeetingDeclaration:
    """The chair's action on a declaration. Once the item is decided, the record stands."""
    if hasattr(declaration.item, "decision"):
        raise MeetingRefused("The item has been decided; its declarations can no longer change.")
    with transaction.atomic():
        declaration.action = action
        declaration.save(update_fields=["action"])
        audit.record(
            "council.declaration_action",
            declaration,
            by=by,
            senate=declaration.item.meeting.senate,
            summary=f"{declaration.attendee}: {declaration.get_action_display()}",
        )
    return declaration


def recused(item: AgendaItem) -> set[int]:
    """Attendance ids of members who leave the room or do not vote on this item."""
    return {d.attendee_id for d in item.declarations.all() if d.recused}
