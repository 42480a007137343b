"""A link on a request's page (reviews.sections) and at triage to its similar past reviews."""

from django.http import HttpRequest
from django.urls import reverse

from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    if request.stage == "draft" or not http.user.has_perm(ReviewsPermission.VIEW_REQUEST, request):
        return []
    href = reverse("search:similar", args=[request.senate.slug, request.pk])
    return [{"href": href, "text": "Similar past reviews", "at_triage": "yes"}]
