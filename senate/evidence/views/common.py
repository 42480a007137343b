from typing import Any

from django.http import HttpRequest

from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission


def crumbs(http: HttpRequest, request: Request, *more: tuple[str, str]) -> list[dict[str, str]]:
    """Links back up, leaving out the request's own pages for those (the panel) who cannot open them."""
    slug = request.senate.slug
    items = [{"href": f"/{slug}/", "text": request.senate.name}]
    if http.user.has_perm(ReviewsPermission.VIEW_REQUEST, request):
        items += [
            {"href": f"/{slug}/requests/", "text": "Requests for advice"},
            {"href": f"/{slug}/requests/{request.pk}/", "text": request.reference or "Draft request"},
        ]
    return items + [{"href": href, "text": text} for href, text in more]


def posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None


def files(http: HttpRequest) -> Any:
    return http.FILES if http.method == "POST" else None
