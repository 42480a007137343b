"""Drafts of the report (or, for early advice, the letter of advice). Each save is a new version;
earlier versions are never changed, and the document control lists them all."""

from typing import Any

from django.db import transaction
from django.db.models import Max

from senate.accounts.models import User
from senate.core import audit
from senate.reports import framework
from senate.reports.models import ReportDraft
from senate.reports.saving import version_saved
from senate.reviews.models import Request
from senate.reviews.stages import Stage

# The sections people write, by kind; the rest of the report is composed from the record.
WRITTEN: dict[str, list[str]] = {
    ReportDraft.Kind.REPORT.value: ["foreword", "summary", "background", "scope", "method", "conclusions", "glossary"],
    ReportDraft.Kind.LETTER.value: ["summary", "background", "conclusions"],
}
LABELS = {
    "foreword": "Foreword",
    "summary": "Summary in plain English",
    "background": "Background",
    "scope": "Scope and limitations",
    "method": "Method",
    "conclusions": "Conclusions",
    "glossary": "Glossary",
}
# Drafts can be written from the panel meeting until the Council approves the advice.
WRITABLE = {
    Stage.ACCEPTED, Stage.DESKTOP_REVIEW, Stage.FIELDWORK, Stage.PANEL_MEETING, Stage.DRAFT_REPORT,
    Stage.FACTUAL_ACCURACY, Stage.REPORT_REVISED, Stage.ADVICE_DRAFTED,
}  # fmt: skip

DEFAULT_GLOSSARY = (
    "- ICB: integrated care board, the NHS body that plans and buys health services for an area.\n"
    "- PCBC: pre-consultation business case.\n"
    "- Clinical Senate: an independent source of clinical advice hosted by NHS England.\n"
    "- Bed test: NHS England's test for proposals that significantly reduce hospital beds."
)


def kind_for(request: Request) -> str:
    return ReportDraft.Kind.LETTER if request.is_short_path else ReportDraft.Kind.REPORT


def latest(request: Request) -> ReportDraft | None:
    return request.report_drafts.select_related("created_by").order_by("-version").first()


def starting_values(request: Request) -> dict[str, Any]:
    found = latest(request)
    if found is not None:
        return {"overall_opinion": found.overall_opinion, **found.sections}
    return {"overall_opinion": "", "glossary": DEFAULT_GLOSSARY, "background": request.background}


def save_draft(
    request: Request, *, overall_opinion: str, sections: dict[str, str], change_note: str, by: User
) -> ReportDraft:
    """A new version of the draft with these written sections and overall opinion."""
    if request.stage not in WRITABLE:
        raise ValueError("The report can be drafted from the panel meeting until the advice is approved.")
    if overall_opinion not in dict(framework.scale()):
        raise ValueError("Select the panel's overall opinion")
    kind = kind_for(request)
    if not sections.get("summary", "").strip():
        raise ValueError("Write the summary in plain English")
    with transaction.atomic():
        number = (request.report_drafts.aggregate(n=Max("version"))["n"] or 0) + 1
        draft = ReportDraft.objects.create(
            request=request, version=number, kind=kind, overall_opinion=overall_opinion,
            sections={key: sections.get(key, "").strip() for key in WRITTEN[kind]},
            change_note=change_note.strip() or ("First draft" if number == 1 else ""), created_by=by,
        )  # fmt: skip
        audit.record(
            "report.drafted", draft, by=by, senate=request.senate, summary=f"{draft.get_kind_display()} draft v{number}"
        )
        version_saved(draft)  # the PDF is laid out in the worker, ready before it is downloaded
    return draft
