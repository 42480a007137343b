"""Render a composed report as standalone HTML, as PDF (WeasyPrint) and as DOCX (python-docx)."""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from senate.reports.document import Document
from senate.reports.docx_render import to_docx

__all__ = ["pdf_pages", "to_docx", "to_html", "to_pdf"]

KEPT = "rendered/reports"
logger = logging.getLogger(__name__)

for _name in ("weasyprint", "weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def to_html(doc: Document) -> str:
    return render_to_string("reports/document.jinja", {"doc": doc})


def _rendered(doc: Document):  # type: ignore[no-untyped-def]
    from weasyprint import HTML

    return HTML(string=to_html(doc)).render(pdf_tags=True)


def kept_name(html: str) -> str:
    """Where the PDF of this HTML is kept: the name is the content (see to_pdf)."""
    return f"{KEPT}/{hashlib.sha256(html.encode()).hexdigest()}.pdf"


def to_pdf(doc: Document) -> bytes:
    """A tagged PDF (a structure tree for screen readers), with the document's title and language.

    Laying out a report takes about a second, and a version once written never changes, so each PDF is
    kept in the file storage (Django's default storage: a folder, or S3 in production) under the
    SHA-256 of the HTML it was made from (`rendered/reports/`, which no URL serves). The name is the
    content: a report whose text, redactions or sign-off changed (or whose document control lists a
    later version) has other HTML, so a kept PDF can never be out of date, and the same report is one
    file whoever downloads it (a report PDF carries no per-viewer mark; who may download which version
    is checked before this is called). A new version is laid out in the worker when it is saved
    (`tasks.render_version_pdf`), so its first download is already kept; anything not yet kept is laid
    out here, on demand. Keeping is an optimisation: when the storage cannot be read or written, the
    PDF is simply made again."""
    html = to_html(doc)
    name = kept_name(html)
    try:
        if default_storage.exists(name):
            with default_storage.open(name) as kept:
                return kept.read()
    except OSError:
        logger.warning("Could not read the kept PDF %s; making it again", name)
    pdf = layout(html)
    try:
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(pdf))
    except OSError:
        logger.warning("Could not keep the PDF %s", name)
    return pdf


def layout(html: str) -> bytes:
    """Lay the HTML out as a tagged PDF with WeasyPrint: the expensive part (tests count its calls)."""
    from weasyprint import HTML

    return HTML(string=html).render(pdf_tags=True).write_pdf(pdf_tags=True) or b""


def pdf_pages(doc: Document) -> tuple[bytes, int]:
    """The PDF and its number of pages (for the benchmark and the tests)."""
    rendered = _rendered(doc)
    return rendered.write_pdf(pdf_tags=True) or b"", len(rendered.pages)
