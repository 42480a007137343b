"""Front-page tasks from the Council (see organisations.home): the meetings a member is listed for,
declarations they have still to confirm at a meeting under way, and open actions in their name."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import User
from senate.council.models import Action, Attendance, Decision, Meeting, MeetingDeclaration
from senate.council.permission_names import CouncilPermission as P
from senate.organisations.home import Task
from senate.organisations.models import Senate


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    if not user.has_perm(P.VIEW_MEETINGS, senate):
        return []
    found = []
    listed = Attendance.objects.filter(
        meeting__senate=senate, meeting__kind=Meeting.Kind.COUNCIL, meeting__date__gte=today, profile__user=user
    ).select_related("meeting")
    for attendance in listed:
        meeting = attendance.meeting
        found.append(
            Task(
                f"{meeting}: read the agenda and papers before the meeting",
                reverse("council:meeting", args=[senate.slug, meeting.pk]),
                due_on=meeting.date,
                date_word="on",
            )
        )
    to_confirm = (
        MeetingDeclaration.objects.filter(
            item__meeting__senate=senate,
            item__meeting__started_at__isnull=False,
            attendee__profile__user=user,
            confirmed=False,
        )
        .values_list("item__meeting_id", "item__meeting__date")
        .distinct()
    )
    for meeting_id, date in to_confirm:
        found.append(
            Task(
                f"Confirm your declarations for the Council meeting on {date:%-d %B %Y}",
                reverse("council:declarations", args=[senate.slug, meeting_id]),
                due_on=date,
            )
        )
    found += _changes_to_confirm(user, senate)
    actions = Action.objects.filter(
        meeting__senate=senate, owner__iexact=user.full_name, done_on__isnull=True
    ).select_related("meeting")
    for action in actions:
        found.append(
            Task(
                f"Action from the {action.meeting}: {action.description}",
                reverse("council:actions", args=[senate.slug]),
                due_on=action.due_on,
                overdue=action.due_on < today,
            )
        )
    return found


def _changes_to_confirm(user: User, senate: Senate) -> list[Task]:
    """Approvals with changes the Council named this person to confirm, still waiting for them."""
    waiting = Decision.objects.filter(
        item__meeting__senate=senate,
        outcome=Decision.Outcome.APPROVED_WITH_CHANGES,
        confirmer=user,
        confirmation__isnull=True,
    ).select_related("item__meeting")
    return [
        Task(
            f"Confirm that a new version of {d.item.title} makes the changes the Council asked for",
            reverse("council:confirm_changes", args=[senate.slug, d.item.meeting_id, d.item.number]),
        )
        for d in waiting
    ]
