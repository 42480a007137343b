"""Links on a request's page to its evidence and fieldwork, for those who may open them."""

from django.http import HttpRequest
from django.urls import reverse

from senate.evidence.permission_names import EvidencePermission as P
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    user = http.user
    found = []
    if user.has_perm(P.VIEW, request):
        found.append({"href": reverse("evidence:library", args=[request.senate.slug, request.pk]), "text": "Evidence"})
    if user.has_perm(P.VIEW_FIELDWORK, request):
        found.append(
            {"href": reverse("evidence:fieldwork", args=[request.senate.slug, request.pk]), "text": "Fieldwork"}
        )
    return found
