from django.http import HttpRequest
from django.urls import reverse

from senate.interests.permission_names import InterestsPermission as P
from senate.organisations.models import Senate


def items(request: HttpRequest, senate: Senate) -> list[dict[str, str]]:
    found = []
    if request.user.has_perm(P.VIEW_DUE, senate):
        found.append({"href": reverse("interests:due", args=[senate.slug]), "text": "Interests"})
    else:
        found.append({"href": reverse("interests:register", args=[senate.slug]), "text": "Register of interests"})
    if hasattr(request.user, "profile"):
        found.append({"href": reverse("declarations:list"), "text": "My declarations"})
    return found
