from django.http import HttpRequest
from django.urls import reverse

from senate.accounts.permission_names import Permission
from senate.organisations.models import Senate


def items(request: HttpRequest, senate: Senate) -> list[dict[str, str]]:
    """One "Members" item for the Senate team (coverage is linked from the directory); coverage on its
    own for those who may see it but not the directory."""
    if request.user.has_perm(Permission.VIEW_MEMBER_DIRECTORY, senate):
        return [{"href": reverse("members:directory", args=[senate.slug]), "text": "Members"}]
    if request.user.has_perm(Permission.VIEW_COVERAGE, senate):
        return [{"href": reverse("members:coverage", args=[senate.slug]), "text": "Coverage"}]
    return []
