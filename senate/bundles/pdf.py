"""The bundle's PDF: a cover, a table of contents with page numbers, each part's tables in time order,
the list of documents and what was withheld. Tagged (pdf_tags) like the reports (reports/rendering.py)."""

from typing import Any

from django.template.loader import render_to_string

from senate.bundles.contents import MODE_LABELS, Document, Mode, Part, Withheld
from senate.reviews.models import Request

SHORT = {Mode.FULL: "FULL BUNDLE: contains restricted material", Mode.DISCLOSURE: "FOR DISCLOSURE"}


def to_html(
    request: Request, *, parts: list[Part], mode: Mode, made_at: str, made_by: str, chain: dict[str, Any]
) -> str:
    documents: list[Document] = [d for p in parts for d in p.documents]
    withheld: list[Withheld] = [w for p in parts for w in p.withheld]
    context = {
        "advice_request": request,
        "senate_name": request.senate.name,
        "parts": parts,
        "documents": documents,
        "withheld": withheld,
        "mode": str(mode),
        "mode_label": MODE_LABELS[mode],
        "mode_short": SHORT[mode],
        "made_at": made_at,
        "made_by": made_by,
        "chain": chain,
    }
    return render_to_string("bundles/bundle.jinja", context)


def to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    from senate.reports import rendering  # noqa: F401 - quietens WeasyPrint's loggers

    return HTML(string=html).write_pdf(pdf_tags=True) or b""
