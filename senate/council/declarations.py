"""Declarations at the start of a meeting (docs/domain.md §4.2, §9.3): the agenda shows each
member's known conflicts with each item, from the register of interests and conflict screening;
when the meeting starts they become declarations that members confirm or add to, and the chair
records the action on each (leaves the room, stays without voting, no action)."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.core.cache import until_next_act
from senate.council.models import AgendaItem, Attendance, Meeting, MeetingDeclaration
from senate.council.standing import MeetingRefused
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.facts import facts_for_request
from senate.interests.models import DeclarationVersion
from senate.interests.screening import Conflict, ScreeningPolicy, screen_many


def attendance_of(meeting: Meeting) -> list[Attendance]:
    """The meeting's attendance list with each profile and user. A page that asks many questions of
    one item (who chairs it, who is recused, is it quorate) reads the list once with the meeting
    (`queries.item_to_decide`), and every question uses that copy."""
    if "attendance" in getattr(meeting, "_prefetched_objects_cache", {}):
        return list(meeting.attendance.all())
    return list(meeting.attendance.select_related("profile__user"))


def members_attending(meeting: Meeting) -> list[Attendance]:
    """The Council members recorded as present."""
    return present_among(attendance_of(meeting))


def present_among(attendance: Iterable[Attendance]) -> list[Attendance]:
    """The Council members recorded as present, of a meeting's attendance list."""
    return [a for a in attendance if not a.observer and a.profile_id and a.status == Attendance.Status.PRESENT]


def members_expected(meeting: Meeting) -> list[Attendance]:
    """The Council members present or still expected: those whose conflicts the agenda shows."""
    coming = (Attendance.Status.PRESENT, Attendance.Status.EXPECTED)
    return [a for a in attendance_of(meeting) if not a.observer and a.profile_id and a.status in coming]


def known_conflicts(
    meeting: Meeting, *, attendees: list[Attendance] | None = None, items: list[AgendaItem] | None = None
) -> dict[int, dict[int, list[Conflict]]]:
    """For each item about a request: each member's conflicts, by attendance id (the members
    present, unless told whom)."""
    attending = members_attending(meeting) if attendees is None else attendees
    by_profile = {a.profile_id: a for a in attending}
    rules = ScreeningPolicy.of(conflict_policy_for(meeting.senate))
    found: dict[int, dict[int, list[Conflict]]] = {}
    chosen = meeting.items.exclude(request=None).select_related("request")
    for item in chosen if items is None else [i for i in items if i.request_id]:
        if item.request is None:  # never: only items about a request are chosen (this says so to mypy)
            continue
        facts = facts_for_request(item.request, on=meeting.date)
        conflicts = screen_many([a.profile for a in attending if a.profile], facts, rules=rules)
        found[item.pk] = {by_profile[pid].pk: found_ for pid, found_ in conflicts.items() if pid in by_profile}
    return found


def _screen(meeting: Meeting, *, by: User, items: list[AgendaItem] | None = None) -> int:
    """Every known conflict of a member present with an item (all items, or those given) becomes a
    declaration waiting to be confirmed, unless it is already there. Call inside the caller's
    transaction, which writes the audit event. Returns how many were added."""
    have = set(
        MeetingDeclaration.objects.filter(item__meeting=meeting, source=MeetingDeclaration.Source.REGISTER).values_list(
            "item_id", "attendee_id", "text"
        )
    )
    rows = [
        MeetingDeclaration(
            item_id=item_id,
            attendee_id=attendee_id,
            source=MeetingDeclaration.Source.REGISTER,
            text=conflict.reason,
            recorded_by=by,
        )
        for item_id, members in known_conflicts(meeting, items=items).items()
        for attendee_id, conflicts in members.items()
        for conflict in conflicts
        if (item_id, attendee_id, conflict.reason) not in have
    ]
    MeetingDeclaration.objects.bulk_create(rows)
    return len(rows)


def kept_known_conflicts(meeting: Meeting) -> dict[int, dict[int, list[Conflict]]]:
    """`known_conflicts` of the members present or expected, as the agenda and the declarations page
    show them before the start: screening every item against every member is the costly part, so it
    is kept until the next act (recording attendance, adding an item, a new declaration)."""
    return until_next_act(
        f"known-conflicts:{meeting.pk}:{meeting.date.isoformat()}:{timezone.localdate().isoformat()}",
        lambda: known_conflicts(meeting, attendees=members_expected(meeting)),
        rows_of=(DeclarationVersion, AgendaItem, Attendance),
    )


def start_meeting(meeting: Meeting, *, by: User) -> Meeting:
    """Open the meeting: every known conflict of a member present becomes a declaration waiting to be
    confirmed and for the chair's action. Attendance is recorded first: nobody may still be expected."""
    if meeting.started_at:
        raise MeetingRefused("The meeting has already started.")
    expected = meeting.attendance.filter(observer=False, status=Attendance.Status.EXPECTED).count()
    if expected:
        raise MeetingRefused(
            f"Record attendance first: {expected} member{'s are' if expected != 1 else ' is'} still expected."
        )
    with transaction.atomic():
        added = _screen(meeting, by=by)
        meeting.started_at = timezone.now()
        meeting.save(update_fields=["started_at"])
        audit.record(
            "council.meeting_started", meeting, by=by, senate=meeting.senate, summary=f"{meeting}: {added} known"
        )
    return meeting


def screen_newly_present(meeting: Meeting, *, by: User) -> int:
    """Once the meeting has started, members recorded present late are screened at once (inside the
    caller's transaction, which writes the audit event)."""
    return _screen(meeting, by=by) if meeting.started_at else 0


def screen_item(item: AgendaItem, *, by: User) -> int:
    """An item added once the meeting has started is screened at once, as the agenda was at the start."""
    meeting = item.meeting
    if not meeting.started_at or item.request_id is None:
        return 0
    with transaction.atomic():
        added = _screen(meeting, by=by, items=[item])
        audit.record(
            "council.item_screened", item, by=by, senate=meeting.senate, summary=f"{meeting}: {item}: {added} known"
        )
    return added


def record_declarations(
    meeting: Meeting, *, statuses: dict[int, str], entries: dict[int, tuple[bool, str]], by: User
) -> int:
    """The meeting's declarations page in one go: attendance (members recorded present once the
    meeting has started are screened at once), then each declaration confirmed or not and the chair's
    action, by declaration id. Whoever posts is recorded as confirming: the member themselves, or the
    Senate team for them. Declarations on a decided item stand. Returns how many new known conflicts
    the attendance brought in."""
    with transaction.atomic():
        changed = {}
        for attendee in meeting.attendance.filter(pk__in=list(statuses), observer=False):
            if attendee.status != statuses[attendee.pk]:
                changed[attendee.name] = statuses[attendee.pk]
                attendee.status = statuses[attendee.pk]
                attendee.save(update_fields=["status"])
        added = screen_newly_present(meeting, by=by)
        confirmed, actions = [], []
        rows = MeetingDeclaration.objects.filter(item__meeting=meeting, pk__in=list(entries))
        for d in rows.select_related("item__decision", "attendee"):
            if hasattr(d.item, "decision"):
                continue
            confirm, action = entries[d.pk]
            fields = []
            if confirm and not d.confirmed:
                d.confirmed, d.confirmed_by = True, by
                fields += ["confirmed", "confirmed_by"]
                confirmed.append(d.pk)
            elif not confirm and d.confirmed:
                d.confirmed, d.confirmed_by = False, None
                fields += ["confirmed", "confirmed_by"]
            if action != d.action:
                d.action = action
                fields.append("action")
                actions.append([d.pk, action])
            if fields:
                d.save(update_fields=fields)
        audit.record(
            "council.declarations_recorded",
            meeting,
            by=by,
            senate=meeting.senate,
            summary=f"{meeting}: {len(confirmed)} confirmed, {len(actions)} actions, {added} newly known",
            data={"attendance": changed, "confirmed": confirmed, "actions": actions, "screened": added},
        )
    return added


def add_declaration(*, item: AgendaItem, attendee: Attendance, text: str, by: User) -> MeetingDeclaration:
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
            confirmed_by=by,
            recorded_by=by,
        )
        audit.record("council.declared", declaration, by=by, senate=item.meeting.senate, summary=f"{attendee}: {text}")
    return declaration


def confirm_declaration(declaration: MeetingDeclaration, *, by: User) -> MeetingDeclaration:
    with transaction.atomic():
        declaration.confirmed, declaration.confirmed_by = True, by
        declaration.save(update_fields=["confirmed", "confirmed_by"])
        audit.record("council.declaration_confirmed", declaration, by=by, senate=declaration.item.meeting.senate)
    return declaration


def record_action(declaration: MeetingDeclaration, *, action: str, by: User) -> MeetingDeclaration:
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
