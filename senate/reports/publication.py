"""For the Council app (which approves and publishes reports): the final version of a request's
report and its standalone, accessible HTML."""

from typing import Any

from senate.reports import compose, rendering
from senate.reports.models import ReportDraft


def final_version(request: Any) -> ReportDraft | None:
    """The latest draft: the one the Council approves and, once issued, the one published."""
    return request.report_drafts.select_related("request__senate").order_by("-version").first()


def report_html(version: ReportDraft) -> str:
    return rendering.to_html(compose.compose(version))
