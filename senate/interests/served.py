"""The records interests pages serve, found and checked by the framework before the view runs
(`requires(permission, on=…)`, see senate.core.access): a request for advice (read through the ORM:
interests sits below reviews) and a declaration of a member of the Senate."""

from typing import Any

from django.http import HttpRequest

from senate.core.access import Served
from senate.interests import queries


def _request(http: HttpRequest, pk: int) -> Any:
    return queries.request_in(getattr(http, "senate", None), pk)


def _declaration(http: HttpRequest, pk: int) -> Any:
    senate = getattr(http, "senate", None)
    return queries.declaration_in(senate, pk) if senate is not None else None


REQUEST = Served(
    name="request", key="pk", find=_request, missing="There is no request with that number in this Senate."
)
# Withholding is a Senate-wide permission: it is asked of the Senate the declaration was found in.
DECLARATION = Served(
    name="declaration",
    key="pk",
    find=_declaration,
    missing="There is no declaration with that number in this Senate.",
    subject=lambda http, declaration: getattr(http, "senate", None),
)
