"""Who chairs each item (issue 14, item 2). The chair of the meeting chairs an item unless absent
or out of it through a declared interest; then the Chair or Vice-chair who can take part; and when
neither can, the meeting chooses an acting chair for the item from the members present and not
conflicted on it, recorded in the minutes. Whoever chaired the item is recorded as its approver."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.council.declarations import members_attending, recused
from senate.council.models import AgendaItem, Attendance
from senate.council.standing import MeetingRefused

ACTING = "acting chair for this item, chosen by the meeting as neither the Chair nor the Vice-chair could take part"
ROLES = {"chair": "Chair", "vice_chair": "Vice-chair"}


@dataclass(frozen=True)
class ItemChair:
    attendee: Attendance
    chaired_as: str  # e.g. "chair of the meeting", "Vice-chair", or ACTING

    @property
    def user(self) -> Any:
        return self.attendee.profile.user  # type: ignore[union-attr]

    def __str__(self) -> str:
        return f"{self.attendee.name} ({self.chaired_as})"


def may_chair(item: AgendaItem) -> list[Attendance]:
    """Members present who are not out of this item through a declared interest."""
    out = recused(item)
    return [a for a in members_attending(item.meeting) if a.pk not in out]


def usual_chair(item: AgendaItem) -> ItemChair | None:
    """The chair of the meeting if they can take part, else the Chair or Vice-chair who can."""
    able = may_chair(item)
    chair_id = item.meeting.chair_id
    for a in able:
        if chair_id and a.profile.user_id == chair_id and a.role in ROLES:  # type: ignore[union-attr]
            return ItemChair(a, "chair of the meeting")
    for role, label in ROLES.items():
        for a in able:
            if a.role == role:
                return ItemChair(a, label)
    return None


def item_chair(item: AgendaItem) -> ItemChair | None:
    """Who chairs this item now, or None when an acting chair must be chosen (or chosen again)."""
    found = usual_chair(item)
    if found is not None:
        return found
    acting = next((a for a in may_chair(item) if a.pk == item.acting_chair_id), None)
    return ItemChair(acting, ACTING) if acting else None


def chair_blocker(item: AgendaItem) -> str | None:
    """Why no one can chair the item yet, in words the secretary can act on."""
    if item_chair(item) is not None:
        return None
    if item.acting_chair_id:
        return f"The acting chair, {item.acting_chair}, cannot take part in this item: choose another."
    return (
        "Neither the Chair nor the Vice-chair can take part in this item: choose an acting chair "
        "from the members present and not conflicted on it."
    )


def choose_acting_chair(item: AgendaItem, *, attendee: Attendance, by: User) -> AgendaItem:
    """Record the member the meeting chose to chair this item, or raise MeetingRefused."""
    if not item.meeting.started_at:
        raise MeetingRefused("Start the meeting and take declarations before choosing an acting chair.")
    if hasattr(item, "decision"):
        raise MeetingRefused("This item has been decided; who chaired it can no longer change.")
    if any(not d.action for d in item.declarations.all()):
        raise MeetingRefused("Record the chair's action on every declaration for this item first.")
    usual = usual_chair(item)
    if usual is not None:
        raise MeetingRefused(
            f"{usual.attendee.name} chairs this item as {usual.chaired_as}: an acting chair is chosen only "
            "when neither the Chair nor the Vice-chair can take part."
        )
    if attendee not in may_chair(item):
        raise MeetingRefused(
            f"{attendee.name} cannot chair this item: choose a member present and not conflicted on it."
        )
    with transaction.atomic():
        item.acting_chair = attendee
        item.save(update_fields=["acting_chair"])
        audit.record(
            "council.acting_chair_chosen",
            item,
            by=by,
            senate=item.meeting.senate,
            summary=f"{item.meeting}, item {item.number}: {attendee.name} chairs the item",
        )
    return item
