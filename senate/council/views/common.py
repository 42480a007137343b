from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest
from django.urls import reverse

from senate.council.models import AgendaItem, Attendance, Meeting, MeetingDeclaration
from senate.organisations.models import Senate


def crumbs(senate: Senate, *more: tuple[str, str]) -> list[dict[str, str]]:
    items = [
        {"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name},
        {"href": reverse("council:meetings", args=[senate.slug]), "text": "Council"},
    ]
    return items + [{"href": href, "text": text} for href, text in more]


def meeting_crumbs(meeting: Meeting) -> list[dict[str, str]]:
    return crumbs(meeting.senate, (reverse("council:meeting", args=[meeting.senate.slug, meeting.pk]), str(meeting)))


def load_item(meeting: Meeting, number: int) -> AgendaItem:
    item = meeting.items.filter(number=number).select_related("request", "meeting__senate").first()
    if item is None:
        raise Http404("There is no item with that number on this agenda.")
    return item


def load_item_to_decide(meeting: Meeting, number: int) -> AgendaItem:
    """The item with what deciding it asks of again and again, read once: its decision, its
    declarations (with who made them) and the meeting's attendance (with profiles). Who chairs the
    item, who is recused, whether it is quorate and the decision form each ask these."""
    declared = Prefetch("declarations", MeetingDeclaration.objects.select_related("attendee"))
    item = meeting.items.filter(number=number).select_related("request", "decision").prefetch_related(declared).first()
    if item is None:
        raise Http404("There is no item with that number on this agenda.")
    prefetch_related_objects([meeting], Prefetch("attendance", Attendance.objects.select_related("profile__user")))
    item.meeting = meeting  # served with its Senate and chair
    return item


def posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None
