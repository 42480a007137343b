"""The records report pages serve, found and checked by the framework before the view runs
(`requires(permission, on=…)`, see senate.core.access): one version of a request's report, named by
the request's number and the version's."""

from typing import Any

from django.http import HttpRequest

from senate.core.access import Served
from senate.reports.models import ReportDraft


def _version(http: HttpRequest, pk: int, version: int) -> Any:
    drafts = ReportDraft.objects.filter(request__senate=getattr(http, "senate", None), request_id=pk, version=version)
    return drafts.select_related("request__senate").first()


VERSION = Served(
    name="draft", key=("pk", "version"), find=_version, missing="There is no draft with that version number."
)
