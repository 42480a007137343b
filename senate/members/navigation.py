from typing import Any

from django.urls import reverse

from senate.accounts.permissions import Permission


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    found = []
    if request.user.has_perm(Permission.VIEW_MEMBER_DIRECTORY, senate):
        found.append({"href": reverse("members:directory", args=[senate.slug]), "text": "Members"})
    if request.user.has_perm(Permission.VIEW_COVERAGE, senate):
        found.append({"href": reverse("members:coverage", args=[senate.slug]), "text": "Coverage"})
    return found
