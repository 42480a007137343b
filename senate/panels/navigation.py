"""The header item for a member's own panels: invitations, panels served on, settings and times away."""

from typing import Any

from django.urls import reverse

from senate.panels.permission_names import PanelsPermission as P


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    if hasattr(request.user, "profile") and request.user.has_perm(P.OWN, senate):
        return [{"href": reverse("panels:mine", args=[senate.slug]), "text": "My panels"}]
    return []
