"""The header item of the national view: NHS England's national team finds every Senate side by side."""

from typing import Any

from django.urls import reverse

from senate.national.permission_names import NationalPermission


def items(request: Any) -> list[dict[str, str]]:
    if request.user.is_authenticated and request.user.has_perm(NationalPermission.VIEW_NATIONAL_FIGURES):
        return [{"href": reverse("national:home"), "text": "National view"}]
    return []
