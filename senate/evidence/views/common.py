from typing import Any

from django.http import Http404, HttpRequest

from senate.core.access import check
from senate.evidence.models import EvidenceItem
from senate.reviews import queries


def load(http: HttpRequest, senate: Any, pk: int, permission: str) -> Any:
    """The request, only within this Senate, only for people with `permission` on it."""
    request = queries.request_in(senate, pk)
    if request is None:
        raise Http404("There is no request with that number in this Senate.")
    check(http, permission, request)
    return request


def load_item(request: Any, item_id: int) -> EvidenceItem:
    item = EvidenceItem.objects.filter(request=request, pk=item_id).select_related("request__senate").first()
    if item is None:
        raise Http404("There is no evidence item with that number on this request.")
    return item


def crumbs(http: HttpRequest, request: Any, *more: tuple[str, str]) -> list[dict[str, str]]:
    """Links back up, leaving out the request's own pages for those (the panel) who cannot open them."""
    slug = request.senate.slug
    items = [{"href": f"/{slug}/", "text": request.senate.name}]
    if http.user.has_perm("reviews.view_request", request):
        items += [
            {"href": f"/{slug}/requests/", "text": "Requests for advice"},
            {"href": f"/{slug}/requests/{request.pk}/", "text": request.reference or "Draft request"},
        ]
    return items + [{"href": href, "text": text} for href, text in more]


def posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None


def files(http: HttpRequest) -> Any:
    return http.FILES if http.method == "POST" else None
