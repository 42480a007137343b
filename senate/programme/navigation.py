from typing import Any

from django.urls import reverse

from senate.programme.permission_names import ProgrammePermission as P


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    if request.user.has_perm(P.VIEW_PLAN, senate):
        return [{"href": reverse("programme:plan", args=[senate.slug]), "text": "Forward plan"}]
    return []
