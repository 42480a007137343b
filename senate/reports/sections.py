"""Links from a request's page to its assessment, report and factual-accuracy check."""

from django.http import HttpRequest
from django.urls import reverse

from senate.reports.permission_names import ReportsPermission as P
from senate.reports.permissions import has_accuracy_rounds
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    user, slug = http.user, request.senate.slug
    found = []
    if user.has_perm(P.VIEW_ASSESSMENT, request):
        found.append(
            {"href": reverse("reports:assessment", args=[slug, request.pk]), "text": "Assessment against the criteria"}
        )
    if user.has_perm(P.VIEW_REPORT, request) and request.report_drafts.exists():
        text = "Letter of advice" if request.is_short_path else "Report drafts"
        found.append({"href": reverse("reports:report", args=[slug, request.pk]), "text": text})
    elif user.has_perm(P.WRITE_REPORT, request):
        found.append({"href": reverse("reports:report", args=[slug, request.pk]), "text": "Report"})
    if user.has_perm(P.VIEW_REPORT, request) and has_accuracy_rounds(request):
        found.append({"href": reverse("reports:accuracy", args=[slug, request.pk]), "text": "Factual-accuracy check"})
    return found
