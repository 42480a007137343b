"""A link on a request's page (reviews.sections) and at triage to its similar past reviews."""

from typing import Any

from django.urls import reverse

from senate.reviews.permission_names import ReviewsPermission


def links(http: Any, request: Any) -> list[dict[str, str]]:
    if request.stage == "draft" or not http.user.has_perm(ReviewsPermission.VIEW_REQUEST, request):
        return []
    href = reverse("search:similar", args=[request.senate.slug, request.pk])
    return [{"href": href, "text": "Similar past reviews", "at_triage": "yes"}]
