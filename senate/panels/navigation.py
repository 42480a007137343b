"""The header item for a member's own panels: invitations, panels served on, settings and times away."""

from django.http import HttpRequest
from django.urls import reverse

from senate.organisations.models import Senate
from senate.panels.permission_names import PanelsPermission as P


def items(http: HttpRequest, senate: Senate) -> list[dict[str, str]]:
    if hasattr(http.user, "profile") and http.user.has_perm(P.OWN, senate):
        return [{"href": reverse("panels:mine", args=[senate.slug]), "text": "My panels"}]
    return []
