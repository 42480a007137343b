"""Text extracted from evidence for the later search issue. Best effort: a failure gives "" and never
refuses an upload. DOCX via python-docx, XLSX via openpyxl, PPTX by reading its slide XML, CSV as text,
PDF with pypdf (which maps the fonts' glyphs back to text, so reports made by WeasyPrint or Word read);
a scanned PDF holds pictures of text and gives nothing, as there is no OCR."""

import io
import re
import zipfile
from xml.etree import ElementTree

from senate.evidence import uploads

MAX_CHARS = 200_000


def extract_text(*, data: bytes, content_type: str) -> str:
    extractor = {
        uploads.DOCX: _docx,
        uploads.XLSX: _xlsx,
        uploads.PPTX: _pptx,
        uploads.CSV: _csv,
        uploads.PDF: _pdf,
    }.get(content_type)
    if extractor is None:
        return ""
    try:
        text = extractor(data)
    except Exception:  # noqa: BLE001 - extraction is best effort; a malformed file just gives no text
        return ""
    return re.sub(r"[ \t]+", " ", text).strip()[:MAX_CHARS]


def _docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(p for p in parts if p.strip())


def _xlsx(data: bytes) -> str:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    try:
        for sheet in book.worksheets:
            lines.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                cells = [str(v) for v in row if v is not None]
                if cells:
                    lines.append(" | ".join(cells))
                if len(lines) > 20_000:
                    break
    finally:
        book.close()
    return "\n".join(lines)


def _pptx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        slides = sorted(
            (n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
            key=lambda n: int(re.findall(r"\d+", n)[-1]),
        )
        lines = []
        for name in slides:
            root = ElementTree.fromstring(package.read(name))
            texts = [el.text for el in root.iter() if el.tag.endswith("}t") and el.text]
            lines.append(" ".join(texts))
    return "\n".join(lines)


def _csv(data: bytes) -> str:
    return uploads._decode(data) or ""


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        if sum(len(p) for p in pages) > MAX_CHARS:
            break
    return "\n".join(p for p in pages if p.strip())
