"""The link to a request's bed models on the request's page, for those who may open it."""

from django.http import HttpRequest
from django.urls import reverse

from senate.beds.permission_names import BedsPermission as P
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    if not http.user.has_perm(P.VIEW, request):
        return []
    return [{"href": reverse("beds:list", args=[request.senate.slug, request.pk]), "text": "Bed models (the bed test)"}]
