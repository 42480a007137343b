from typing import Any

from django.http import Http404, HttpRequest

from senate.core.access import check
from senate.reviews import queries
from senate.reviews.models import Request


def load(http: HttpRequest, senate: Any, pk: int, permission: str = "reviews.view_request") -> Request:
    """The request, only within this Senate, only for people allowed to see it."""
    request = queries.request_in(senate, pk)
    if request is None:
        raise Http404("There is no request with that number in this Senate.")
    check(http, permission, request)
    return request


def crumbs(senate: Any, request: Request | None = None) -> list[dict[str, str]]:
    items = [
        {"href": f"/{senate.slug}/", "text": senate.name},
        {"href": f"/{senate.slug}/requests/", "text": "Requests for advice"},
    ]
    if request is not None:
        items.append({"href": f"/{senate.slug}/requests/{request.pk}/", "text": request.reference or "Draft request"})
    return items
