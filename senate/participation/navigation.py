from typing import Any

from django.urls import reverse

from senate.participation.permissions import ParticipationPermission as P


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    """The team's page of members' terms and participation; a member's own page."""
    if request.user.has_perm(P.MANAGE_PARTICIPATION, senate):
        return [{"href": reverse("participation:overview", args=[senate.slug]), "text": "Terms and participation"}]
    if request.user.has_perm(P.TAKE_PART, senate):
        return [{"href": reverse("participation:mine", args=[senate.slug]), "text": "Your participation"}]
    return []
