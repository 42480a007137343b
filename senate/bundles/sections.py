"""The link on a request's page to its case bundle, for the Senate team (reviews.sections)."""

from typing import Any

from django.urls import reverse

from senate.bundles.permission_names import BundlesPermission


def links(http: Any, request: Any) -> list[dict[str, str]]:
    if not request.reference or not http.user.has_perm(BundlesPermission.MAKE_BUNDLE, request):
        return []
    return [{"href": reverse("bundles:bundle", args=[request.senate.slug, request.pk]), "text": "Case bundle (ZIP)"}]
