"""The witnesses and experts heard by a request's panel, one line each. Participation records them (it
sits below evidence and reports in the import order), so the lookup is made by name at call time;
none without it. With a user, only to those who may read them; with None, for the report."""

from django.apps import apps
from django.utils.module_loading import import_string

from senate.accounts.models import User
from senate.reviews.models import Request


def witnesses_heard(request: Request, user: User | None = None) -> list[str]:
    if not apps.is_installed("senate.participation"):
        return []
    return list(import_string("senate.participation.witnesses.lines_for")(user, request))
