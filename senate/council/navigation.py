from typing import Any

from django.urls import reverse

from senate.council.permission_names import CouncilPermission as P


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    """Council for those who attend or run its meetings; the public Council page for everyone else."""
    if request.user.has_perm(P.VIEW_MEETINGS, senate):
        return [{"href": reverse("council:meetings", args=[senate.slug]), "text": "Council"}]
    return [{"href": reverse("council:public", args=[senate.slug]), "text": "Published advice"}]
