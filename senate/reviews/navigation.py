from typing import Any

from django.urls import reverse


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    found = []
    if request.user.has_perm("reviews.view_requests", senate):
        found.append({"href": reverse("reviews:list", args=[senate.slug]), "text": "Requests"})
    if request.user.has_perm("reviews.view_work_queue", senate):
        found.append({"href": reverse("reviews:work_queue", args=[senate.slug]), "text": "Work queue"})
    return found
