from django.http import HttpRequest
from django.urls import reverse

from senate.organisations.models import Senate
from senate.programme.permission_names import ProgrammePermission as P


def items(http: HttpRequest, senate: Senate) -> list[dict[str, str]]:
    if http.user.has_perm(P.VIEW_PLAN, senate):
        return [{"href": reverse("programme:plan", args=[senate.slug]), "text": "Forward plan"}]
    return []
