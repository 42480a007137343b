"""Links on a request's page to the parts of the review that other apps own (the panel, evidence,
the report, the bed model, Council items). Each app registers its `sections.links(http, request) ->
list[dict]`, returning {"href": ..., "text": ...} items the signed-in person may open (with "at_triage"
set, the link is offered on the triage page too), at the extension point `SECTIONS` from its
`AppConfig.ready()`, so reviews never imports them (`senate.core.registry`). An app may also register
`part(http, request) -> str | None` at `PARTS`: a short piece of HTML shown on the request page itself
(assurance shows its timeline there), or None when the signed-in person may not see it."""

from typing import Any

from django.http import HttpRequest

from senate.core import registry
from senate.reviews.models import Request

SECTIONS = registry.point("reviews.sections", "links on a request's page to other apps' parts: links(http, request)")
PARTS = registry.point("reviews.parts", "pieces shown on the request page itself: part(http, request) -> HTML or None")


def links_for(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for links in registry.contributions(SECTIONS):
        found += links(http, request)
    return found


def parts_for(http: HttpRequest, request: Request) -> list[Any]:
    """The pieces other apps show on the request page itself, in the order they registered."""
    found: list[Any] = []
    for part in registry.contributions(PARTS):
        shown = part(http, request)
        if shown:
            found.append(shown)
    return found
