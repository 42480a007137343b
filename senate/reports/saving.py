"""What follows when a report version is saved or signed off. Drafting and sign-off say so here; the PDF
the worker lays out and keeps (`reports.tasks`, which reads the whole report through `compose`) is
registered from `ReportsConfig.ready()`, so drafting never imports the composing that imports it."""

from senate.core import registry
from senate.reports.models import ReportDraft

VERSION_SAVED = registry.point("reports.version_saved", "fn(draft) after a version is saved or signed off")


def version_saved(draft: ReportDraft) -> None:
    for follow in registry.contributions(VERSION_SAVED):
        follow(draft)
