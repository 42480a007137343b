from django.http import HttpRequest
from django.urls import reverse

from senate.organisations.models import Senate
from senate.reviews.permission_names import ReviewsPermission


def items(request: HttpRequest, senate: Senate) -> list[dict[str, str]]:
    """One "Requests" item: the work queue is a page of Requests, linked from the requests list, so the
    Senate team's header stays short enough for the NHS header to fit it."""
    if request.user.has_perm(ReviewsPermission.VIEW_REQUESTS, senate):
        return [{"href": reverse("reviews:list", args=[senate.slug]), "text": "Requests"}]
    if request.user.has_perm(ReviewsPermission.VIEW_WORK_QUEUE, senate):
        return [{"href": reverse("reviews:work_queue", args=[senate.slug]), "text": "Work queue"}]
    return []
