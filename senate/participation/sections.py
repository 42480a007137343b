"""A link on a request's page to its invited witnesses and experts (reviews.sections, by name)."""

from django.http import HttpRequest
from django.urls import reverse

from senate.participation.permission_names import ParticipationPermission as P
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    if not http.user.has_perm(P.VIEW_WITNESSES, request):
        return []
    return [
        {
            "href": reverse("participation:witnesses", args=[request.senate.slug, request.pk]),
            "text": "Witnesses and experts",
        }
    ]
