"""Emails about meetings, queued in the transaction of the act that prompts them: the notice of a
meeting to everyone on its attendance list, and a note when papers go out. Panel members are not
Council members and cannot open the Council's pages, so their emails carry the details themselves."""

from typing import Any

from django.conf import settings
from django.db.models import Model
from django.urls import reverse

from senate.council.models import Attendance, Decision, Meeting, Paper
from senate.notifications.outbox import queue_email


def _where(meeting: Meeting) -> str:
    parts = [p for p in (meeting.place, meeting.link) if p]
    return "; ".join(parts) if parts else "to be confirmed"


def _page(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("council:meeting", args=[meeting.senate.slug, meeting.pk])


def _footer(meeting: Meeting, *, panel_note: str) -> str:
    if meeting.kind == Meeting.Kind.COUNCIL:
        return f"The agenda and papers are on the meeting's page:\n{_page(meeting)}\n"
    return panel_note + "\n"


def meeting_notice(meeting: Meeting, attendees: list[Attendance]) -> int:
    """Tell each listed member (not observers, who have no account) the date, place and agenda."""
    agenda = "\n".join(f"{i.number}. {i.title}" for i in meeting.items.all()) or "The agenda will follow."
    footer = _footer(meeting, panel_note="The Senate team will send you the papers.")
    return _to_each(
        attendees,
        meeting,
        about=meeting,
        kind="council.meeting_notice",
        subject=f"{meeting.senate.name}: {meeting}",
        text=(
            f"You are asked to attend the {meeting.senate.name} {meeting.get_kind_display().lower()} on "
            f"{meeting.date:%A %-d %B %Y}.\n\nWhere: {_where(meeting)}\n\nAgenda:\n{agenda}\n\n{footer}"
        ),
    )


def papers_sent(paper: Paper) -> int:
    """Tell everyone on the attendance list that a paper has gone out (flagged when it is late)."""
    meeting = paper.meeting
    late = " This paper went out later than the Senate's rule for papers." if paper.late else ""
    about = f" for item {paper.item.number}, {paper.item.title}" if paper.item else ""
    footer = _footer(meeting, panel_note="If it has not reached you, ask the Senate team.")
    return _to_each(
        everyone(meeting),
        meeting,
        about=paper,
        kind="council.papers_sent",
        subject=f"Papers for the {meeting}: {paper.title}",
        text=f"A paper{about} has been sent for the {meeting}: {paper.title}.{late}\n\n{footer}",
    )


def changes_to_confirm(decision: Decision) -> Any:
    """Tell the person the Council named that it waits for them to confirm its changes are made."""
    item, person = decision.item, decision.confirmer
    if person is None:
        return None
    meeting = item.meeting
    link = settings.SITE_URL.rstrip("/") + reverse(
        "council:confirm_changes", args=[meeting.senate.slug, meeting.pk, item.number]
    )
    until = "the terms of reference are approved" if decision.terms_version_id else "the advice is issued"
    return queue_email(
        to=person,
        subject=f"Confirm the changes the Council asked for: {item.title}"[:200],
        body=(
            f"Dear {person.full_name},\n\nAt the {meeting}, the Council approved item {item.number}, "
            f"{item.title}, with changes:\n{decision.changes}\n\nIt named you to confirm that a new version "
            f"makes them. Nothing more happens until you do: {until} only after your confirmation.\n\n"
            f"Once the new version is written, confirm it here:\n{link}\n"
        ),
        kind="council.changes_to_confirm",
        about=decision,
        senate=meeting.senate,
        dedupe_key=f"council.changes_to_confirm:{decision.pk}",
    )


def _to_each(attendees: list[Attendance], meeting: Meeting, *, about: Model, kind: str, subject: str, text: str) -> int:
    """Queue the email once to each attendee with an account; returns how many were queued."""
    sent = 0
    for attendee in attendees:
        if attendee.profile is None:
            continue
        user = attendee.profile.user
        email = queue_email(
            to=user,
            subject=subject,
            body=f"Dear {user.full_name},\n\n{text}",
            kind=kind,
            about=about,
            senate=meeting.senate,
            dedupe_key=f"{kind}:{about.pk}:{user.pk}",
        )
        sent += email is not None
    return sent


def everyone(meeting: Meeting) -> list[Any]:
    return list(meeting.attendance.filter(profile__isnull=False).select_related("profile__user"))
