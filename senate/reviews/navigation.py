from typing import Any

from django.urls import reverse

from senate.reviews.permissions import ReviewsPermission


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    found = []
    if request.user.has_perm(ReviewsPermission.VIEW_REQUESTS, senate):
        found.append({"href": reverse("reviews:list", args=[senate.slug]), "text": "Requests"})
    if request.user.has_perm(ReviewsPermission.VIEW_WORK_QUEUE, senate):
        found.append({"href": reverse("reviews:work_queue", args=[senate.slug]), "text": "Work queue"})
    return found
