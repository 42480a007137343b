"""Links on a request's page to its panel."""

from django.http import HttpRequest
from django.urls import reverse

from senate.panels.permission_names import PanelsPermission as P
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    slug = request.senate.slug
    found = []
    if http.user.has_perm(P.MANAGE, request):
        found.append({"href": reverse("panels:panel", args=[slug, request.pk]), "text": "Expert panel"})
        found.append({"href": reverse("panels:candidates", args=[slug, request.pk]), "text": "Panel candidates"})
    elif http.user.has_perm(P.VIEW_PANEL, request):
        found.append({"href": reverse("panels:panel", args=[slug, request.pk]), "text": "Expert panel"})
    return found
