from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse

from senate.council import queries
from senate.council.models import AgendaItem, Meeting
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
    """`load_item` with its decision, declarations and the meeting's attendance read once."""
    item = queries.item_to_decide(meeting, number)
    if item is None:
        raise Http404("There is no item with that number on this agenda.")
    return item


def posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None
