"""The header item of the national view: NHS England's national team finds every Senate side by side."""

from django.http import HttpRequest
from django.urls import reverse

from senate.national.permission_names import NationalPermission


def items(http: HttpRequest) -> list[dict[str, str]]:
    if http.user.is_authenticated and http.user.has_perm(NationalPermission.VIEW_NATIONAL_FIGURES):
        return [{"href": reverse("national:home"), "text": "National view"}]
    return []
