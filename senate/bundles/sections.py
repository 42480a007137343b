"""The link on a request's page to its case bundle, for the Senate team (reviews.sections)."""

from django.http import HttpRequest
from django.urls import reverse

from senate.bundles.permission_names import BundlesPermission
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    if not request.reference or not http.user.has_perm(BundlesPermission.MAKE_BUNDLE, request):
        return []
    return [{"href": reverse("bundles:bundle", args=[request.senate.slug, request.pk]), "text": "Case bundle (ZIP)"}]
