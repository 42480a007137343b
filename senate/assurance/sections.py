"""Links on a request's page to its assurance context and, for honest-broker requests, the
honest-broker work, for those who may open them."""

from typing import Any

from django.urls import reverse

from senate.assurance import recording, timeline
from senate.assurance.permissions import AssurancePermission as P


def links(http: Any, request: Any) -> list[dict[str, str]]:
    found = []
    slug = request.senate.slug
    if http.user.has_perm(P.VIEW, request):
        text = "Where the advice sits (assurance)"
        context = recording.context_of(request)
        if context.pk is not None:  # once something is recorded, say where the Senate's review sits
            text += ": " + timeline.placement(request, context).rstrip(".").lower()
        found.append({"href": reverse("assurance:request", args=[slug, request.pk]), "text": text})
    if http.user.has_perm(P.VIEW_BROKERING, request):
        found.append({"href": reverse("assurance:broker", args=[slug, request.pk]), "text": "Honest-broker work"})
    return found
