"""The report: its drafts, writing a new version, and the version as a page, a PDF and a DOCX."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from senate.accounts.people import SignedInRequest
from senate.core import audit
from senate.core.access import requires
from senate.organisations.models import Senate
from senate.reports import accuracy, compose, downloads, drafting, publication, rendering
from senate.reports.forms import DraftForm
from senate.reports.models import ReportDraft
from senate.reports.permission_names import ReportsPermission as P
from senate.reports.served import VERSION
from senate.reports.views.common import crumbs, posted
from senate.reviews.models import Request
from senate.reviews.served import REQUEST

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _report_crumbs(senate: Senate, request) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    return crumbs(senate, request, (reverse("reports:report", args=[senate.slug, request.pk]), "Report"))


@requires(P.VIEW_REPORT, on=REQUEST)
def report(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    drafts = [d for d in accuracy.drafts(request) if http.user.has_perm(P.VIEW_VERSION, d)]
    context = {
        "advice_request": request,
        "drafts": list(reversed(drafts)),
        "round": accuracy.latest_round(request),
        "can_write": http.user.has_perm(P.WRITE_REPORT, request) and request.stage in drafting.WRITABLE,
        "can_comment": http.user.has_perm(P.COMMENT_ON_ACCURACY, request),
        "letter": request.is_short_path,
        "page_title": "Letter of advice" if request.is_short_path else "Report",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reports/report.jinja", context)


@requires(P.WRITE_REPORT, on=REQUEST)
def write(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    kind = drafting.kind_for(request)
    probe = ReportDraft(request=request, kind=kind)
    form = DraftForm(
        posted(http), kind=kind, labels=compose.written_labels(probe), initial=drafting.starting_values(request)
    )
    if http.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        opinion, note = data.pop("overall_opinion"), data.pop("change_note")
        try:
            draft = drafting.save_draft(request, overall_opinion=opinion, sections=data, change_note=note, by=http.user)
        except ValueError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(http, f"Draft version {draft.version} has been saved.")
            return redirect("reports:version", senate.slug, request.pk, draft.version)
    context = {
        "advice_request": request,
        "form": form,
        "written": drafting.WRITTEN[kind],
        "open": request.stage in drafting.WRITABLE,
        "page_title": "Write a new draft",
        "breadcrumbs": _report_crumbs(senate, request),
    }
    return render(http, "reports/write.jinja", context)


@requires(P.VIEW_VERSION, on=VERSION)
def version(http: SignedInRequest, senate: Senate, draft: ReportDraft) -> HttpResponse:
    context = {
        "advice_request": draft.request,
        "draft": draft,
        "body": publication.page_body(draft),
        "page_title": f"{draft.get_kind_display()} v{draft.version}",
        "breadcrumbs": _report_crumbs(senate, draft.request),
    }
    return render(http, "reports/version.jinja", context)


@requires(P.VIEW_VERSION, on=VERSION)
def download(http: SignedInRequest, senate: Senate, draft: ReportDraft, fmt: str) -> HttpResponse:
    served = None
    if fmt == "pdf":
        served = downloads.version_pdf(draft)  # the kept PDF, composed and laid out only when needed
        body, content_type = served.pdf, "application/pdf"
    elif fmt == "docx":
        body, content_type = rendering.to_docx(compose.compose(draft)), DOCX
    else:
        raise Http404("Reports download as PDF or DOCX.")
    event = audit.record(
        "report.downloaded", draft, by=http.user, senate=senate, summary=f"{draft} downloaded as {fmt.upper()}"
    )
    if served is not None:
        downloads.after_download(draft, served, event)
    response = HttpResponse(body, content_type=content_type)
    name = f"{draft.request.reference or 'report'}-v{draft.version}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
