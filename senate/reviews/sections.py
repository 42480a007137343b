"""Links on a request's page to the parts of the review that other apps own (the panel, evidence,
the report, the bed model, Council items). Each app lists a module here with a function
`links(http, request) -> list[dict]` returning {"href": ..., "text": ...} items the signed-in person
may open (with "at_triage" set, the link is offered on the triage page too); reviews imports them by name, so it never depends on them.
A module may also have `part(http, request) -> str | None`: a short piece of HTML shown on the request page
itself (assurance shows its timeline there), or None when the signed-in person may not see it."""

import importlib
from typing import Any

PROVIDERS: list[str] = [
    "senate.assurance.sections",
    "senate.evidence.sections",
    "senate.panels.sections",
    "senate.beds.sections",
    "senate.reports.sections",
    "senate.council.sections",
    "senate.bundles.sections",
    "senate.programme.sections",
    "senate.participation.sections",
    "senate.search.sections",
]


def links_for(http: Any, request: Any) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for provider in PROVIDERS:
        try:
            module = importlib.import_module(provider)
        except ModuleNotFoundError:
            continue
        found += module.links(http, request)
    return found


def parts_for(http: Any, request: Any) -> list[Any]:
    """The pieces other apps show on the request page itself, in the order of PROVIDERS."""
    found: list[Any] = []
    for provider in PROVIDERS:
        try:
            module = importlib.import_module(provider)
        except ModuleNotFoundError:
            continue
        part = getattr(module, "part", None)
        shown = part(http, request) if part is not None else None
        if shown:
            found.append(shown)
    return found
