"""Render a composed report as standalone HTML, as PDF (WeasyPrint) and as DOCX (python-docx)."""

import logging

from django.template.loader import render_to_string

from senate.reports.document import Document
from senate.reports.docx_render import to_docx

__all__ = ["pdf_pages", "to_docx", "to_html", "to_pdf"]

for _name in ("weasyprint", "weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def to_html(doc: Document) -> str:
    return render_to_string("reports/document.jinja", {"doc": doc})


def _rendered(doc: Document):  # type: ignore[no-untyped-def]
    from weasyprint import HTML

    return HTML(string=to_html(doc)).render(pdf_tags=True)


def to_pdf(doc: Document) -> bytes:
    """A tagged PDF (a structure tree for screen readers), with the document's title and language."""
    return _rendered(doc).write_pdf(pdf_tags=True) or b""


def pdf_pages(doc: Document) -> tuple[bytes, int]:
    """The PDF and its number of pages (for the benchmark and the tests)."""
    rendered = _rendered(doc)
    return rendered.write_pdf(pdf_tags=True) or b"", len(rendered.pages)
