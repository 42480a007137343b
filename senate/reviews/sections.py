"""Links on a request's page to the parts of the review that other apps own (the panel, evidence,
the report, the bed model, Council items). Each app registers its `sections.links(http, request) ->
list[dict]`, returning {"href": ..., "text": ...} items the signed-in person may open (with "at_triage"
set, the link is offered on the triage page too), at the extension point `SECTIONS` from its
`AppConfig.ready()`, so reviews never imports them (`senate.core.registry`)."""

from typing import Any

from senate.core import registry

SECTIONS = registry.point("reviews.sections", "links on a request's page to other apps' parts: links(http, request)")


def links_for(http: Any, request: Any) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for links in registry.contributions(SECTIONS):
        found += links(http, request)
    return found
