"""Minutes drafted from the record (attendance, declarations, decisions, actions) for the secretary
to edit, approved at a later meeting, then published; and the action log."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.council.chairing import ACTING
from senate.council.meetings import MeetingRefused
from senate.council.models import Action, AgendaItem, Attendance, Meeting, MeetingDeclaration, Minutes


def record_text(meeting: Meeting) -> str:
    """The minutes as the record shows them, in plain text the secretary can edit."""
    lines = [f"Minutes of the {meeting.get_kind_display().lower()} held on {meeting.date:%-d %B %Y}"]
    if meeting.place or meeting.link:
        lines.append(f"Where: {meeting.place or meeting.link}")
    if meeting.chair:
        lines.append(f"Chair: {meeting.chair.full_name}")
    lines += ["", "1. Attendance"] + _attendance(meeting)
    lines += ["", "2. Declarations of interest"] + _declarations(meeting)
    lines += ["", "3. Items"]
    for item in meeting.items.select_related("request"):
        lines += _item(item)
    lines += ["", "4. Actions"] + _actions(meeting)
    return "\n".join(lines) + "\n"


def _attendance(meeting: Meeting) -> list[str]:
    people = list(meeting.attendance.all())
    lines = []
    for status, label in Attendance.Status.choices:
        names = [a.name for a in people if not a.observer and a.status == status]
        lines.append(f"{label}: {', '.join(names) if names else 'none'}")
    observers = [a.name for a in people if a.observer]
    lines.append(f"In attendance (observers): {', '.join(observers) if observers else 'none'}")
    return lines


def _declarations(meeting: Meeting) -> list[str]:
    rows = MeetingDeclaration.objects.filter(item__meeting=meeting).select_related("item", "attendee")
    lines = [
        f"- Item {d.item.number}, {d.attendee.name}: {d.text} "
        f"({d.get_source_display().lower()}{', confirmed' if d.confirmed else ''}). "
        f"Action: {d.get_action_display() if d.action else 'not recorded'}."
        for d in rows
    ]
    return lines or ["No interests were declared."]


def _item(item: AgendaItem) -> list[str]:
    lines = [f"Item {item.number}: {item.title}"]
    decision = getattr(item, "decision", None)
    if decision is not None and decision.chaired_by:
        lines.append(f"  Chaired by: {decision.chaired_by} ({decision.chaired_as}).")
    elif item.acting_chair_id:
        lines.append(f"  Chaired by: {item.acting_chair} ({ACTING}).")
    if decision is None:
        return lines + ["  Not decided." if item.needs_decision else "  Noted."]
    if decision.decided_version:
        lines.append(f"  Version decided on: v{decision.decided_version.version}.")
    how = decision.get_method_display().lower()
    if decision.method == decision.Method.VOTE:
        how += (
            f": {decision.votes_for} for, {decision.votes_against} against, "
            f"{decision.abstentions} abstaining, {decision.recused} recused"
        )
    lines.append(f"  Decision: {decision.get_outcome_display()} ({how}).")
    if decision.changes:
        lines.append(f"  Changes: {decision.changes}")
    if decision.confirmer:
        confirmed = getattr(decision, "confirmation", None)
        lines.append(
            f"  {decision.confirmer} confirmed that v{confirmed.confirmed_version.version} makes the changes."
            if confirmed
            else f"  {decision.confirmer} to confirm that a new version makes the changes before issue."
        )
    return lines


def _actions(meeting: Meeting) -> list[str]:
    found = [f"- {a.description} – {a.owner}, by {a.due_on:%-d %B %Y}" for a in meeting.actions.all()]
    return found or ["No actions."]


def draft_minutes(meeting: Meeting, *, by: User) -> Minutes:
    """Draft (or redraft, while still a draft) the minutes from the record."""
    existing = Minutes.objects.filter(meeting=meeting).first()
    if existing and existing.status != Minutes.Status.DRAFT:
        raise MeetingRefused("These minutes have been approved; they can no longer be redrafted.")
    with transaction.atomic():
        minutes, _ = Minutes.objects.update_or_create(
            meeting=meeting, defaults={"text": record_text(meeting), "updated_by": by}
        )
        audit.record("council.minutes_drafted", minutes, by=by, senate=meeting.senate, summary=str(meeting))
    return minutes


def save_minutes(minutes: Minutes, *, text: str, by: User) -> Minutes:
    if minutes.status != Minutes.Status.DRAFT:
        raise MeetingRefused("Approved minutes cannot be changed.")
    with transaction.atomic():
        minutes.text, minutes.updated_by = text, by
        minutes.save()
        audit.record("council.minutes_edited", minutes, by=by, senate=minutes.meeting.senate)
    return minutes


def approve_minutes(minutes: Minutes, *, at_meeting: Meeting, by: User, today: dt.date | None = None) -> Minutes:
    """Minutes are approved at a later meeting of the same body, once that meeting has been held: an
    approval cannot be dated before what it approves, nor on a day still to come."""
    meeting = minutes.meeting
    today = today or timezone.localdate()
    if minutes.status != Minutes.Status.DRAFT:
        raise MeetingRefused("These minutes are already approved.")
    if at_meeting.senate_id != meeting.senate_id or at_meeting.kind != meeting.kind or at_meeting.date <= meeting.date:
        raise MeetingRefused("Minutes are approved at a later meeting of the same body.")
    if at_meeting.date > today:
        raise MeetingRefused(
            f"The {at_meeting} has not been held yet: record the approval of the minutes at or after that meeting."
        )
    with transaction.atomic():
        minutes.status, minutes.approved_at_meeting, minutes.approved_on = (
            Minutes.Status.APPROVED,
            at_meeting,
            at_meeting.date,
        )
        minutes.updated_by = by
        minutes.save()
        audit.record("council.minutes_approved", minutes, by=by, senate=meeting.senate, summary=f"at {at_meeting}")
    return minutes


def publish_minutes(minutes: Minutes, *, by: User, on: dt.date) -> Minutes:
    """Published on `on`: never before the meeting that approved them, nor on a day still to come."""
    if minutes.status != Minutes.Status.APPROVED:
        raise MeetingRefused("Only approved minutes can be published.")
    if minutes.approved_on and on < minutes.approved_on:
        raise MeetingRefused(
            f"The minutes were approved on {minutes.approved_on:%-d %B %Y}: they cannot be published "
            f"before then ({on:%-d %B %Y})."
        )
    if on > timezone.localdate():
        raise MeetingRefused(f"Minutes are published on the day they go out: {on:%-d %B %Y} is still to come.")
    with transaction.atomic():
        minutes.status, minutes.published_on, minutes.updated_by = Minutes.Status.PUBLISHED, on, by
        minutes.save()
        audit.record("council.minutes_published", minutes, by=by, senate=minutes.meeting.senate)
    return minutes


def add_action(
    *, meeting: Meeting, item: AgendaItem | None, description: str, owner: str, due_on: dt.date, by: User
) -> Action:
    with transaction.atomic():
        action = Action.objects.create(meeting=meeting, item=item, description=description, owner=owner, due_on=due_on)
        audit.record("council.action_added", action, by=by, senate=meeting.senate, summary=f"{description} – {owner}")
    return action


def complete_action(action: Action, *, by: User, on: dt.date) -> Action:
    with transaction.atomic():
        action.done_on = on
        action.save(update_fields=["done_on"])
        audit.record("council.action_done", action, by=by, senate=action.meeting.senate)
    return action
