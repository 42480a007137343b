"""A link on a request's page to its invited witnesses and experts (reviews.sections, by name)."""

from typing import Any

from django.urls import reverse

from senate.participation.permission_names import ParticipationPermission as P


def links(http: Any, request: Any) -> list[dict[str, str]]:
    if not http.user.has_perm(P.VIEW_WITNESSES, request):
        return []
    return [
        {
            "href": reverse("participation:witnesses", args=[request.senate.slug, request.pk]),
            "text": "Witnesses and experts",
        }
    ]
