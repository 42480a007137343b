import re

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from senate.core.access import check
from senate.organisations.models import Senate
from senate.panels import queries
from senate.reviews.models import Request


def crumbs(senate: Senate, *more: tuple[str, str]) -> list[dict[str, str]]:
    items = [{"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name}]
    return items + [{"href": href, "text": text} for href, text in more]


def load_request(http: HttpRequest, senate: Senate, pk: int, permission: str) -> Request:
    """The request, only within this Senate, only for people with `permission` on it (every panels
    permission asked of a request refuses an unsent draft to all but the requester)."""
    request = queries.request_in(senate, pk)
    if request is None:
        raise Http404("There is no request with that number in this Senate.")
    check(http, permission, request)
    return request


def request_crumbs(senate: Senate, request: Request) -> list[dict[str, str]]:
    return crumbs(senate, (reverse("panels:panel", args=[senate.slug, request.pk]), f"Panel: {request}"))


_BLANK_LINES = re.compile(rb"[ \t]*\n\s*")


def compact(response: HttpResponse) -> HttpResponse:
    """The page with each run of white space that holds a line break made one line break: the NHS
    macros' indentation and blank lines are most of a long table's HTML (pages without <pre> or
    <textarea> only: elsewhere a browser shows any run of white space as one space)."""
    response.content = _BLANK_LINES.sub(b"\n", response.content)
    return response
