"""Links on a request's page to its assurance context and, for honest-broker requests, the
honest-broker work, for those who may open them; and, on the request page itself, the short assurance
timeline beside the Senate's own with the Senate's review placed (reviews.sections.parts_for)."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from markupsafe import Markup

from senate.assurance import recording, timeline
from senate.assurance.models import AssuranceContext
from senate.assurance.permission_names import AssurancePermission as P
from senate.core.memo import remembered
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    found = []
    slug = request.senate.slug
    if http.user.has_perm(P.VIEW, request):
        text = "Where the advice sits (assurance)"
        context = _context_of(request)
        if context.pk is not None:  # once something is recorded, say where the Senate's review sits
            text += ": " + timeline.placement(request, context).rstrip(".").lower()
        found.append({"href": reverse("assurance:request", args=[slug, request.pk]), "text": text})
    if http.user.has_perm(P.VIEW_BROKERING, request):
        found.append({"href": reverse("assurance:broker", args=[slug, request.pk]), "text": "Honest-broker work"})
    return found


def part(http: HttpRequest, request: Request) -> Markup | None:
    """The assurance timeline, short, for those who may see the assurance context, once something is
    recorded; the full page has the rest."""
    if not http.user.has_perm(P.VIEW, request):
        return None
    context = _context_of(request)
    if context.pk is None:
        return None
    page = {
        "r": request,
        "rows": timeline.rows(request, context),
        "placement": timeline.placement(request, context),
        "href": reverse("assurance:request", args=[request.senate.slug, request.pk]),
    }
    return Markup(render_to_string("assurance/_on_request.jinja", page, request=http))  # noqa: S704 (our template)


def _context_of(request: Request) -> AssuranceContext:
    """The request's assurance context, read once for the link and the timeline on the same page."""
    return remembered(("assurance-context", request.pk), lambda: recording.context_of(request))
