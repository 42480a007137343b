from django.http import HttpRequest
from django.urls import reverse

from senate.council.permission_names import CouncilPermission as P
from senate.organisations.models import Senate


def items(http: HttpRequest, senate: Senate) -> list[dict[str, str]]:
    """Council for those who attend or run its meetings; the public Council page for everyone else."""
    if http.user.has_perm(P.VIEW_MEETINGS, senate):
        return [{"href": reverse("council:meetings", args=[senate.slug]), "text": "Council"}]
    return [{"href": reverse("council:public", args=[senate.slug]), "text": "Published advice"}]
