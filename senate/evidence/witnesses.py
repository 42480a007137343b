"""The witnesses and experts heard by a request's panel, one line each. Participation records them (it
sits below evidence and reports in the import order), so the lookup is made by name at call time;
none without it. With a user, only to those who may read them; with None, for the report."""

from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string


def witnesses_heard(request: Any, user: Any = None) -> list[str]:
    if not apps.is_installed("senate.participation"):
        return []
    return list(import_string("senate.participation.witnesses.lines_for")(user, request))
