"""The report as a Word document: the same sections and tables as the PDF, in Arial (the NHS fallback
for Frutiger), NHS blue headings, a contents list, the Senate's name in the header, page numbers in
the footer, and tables whose header row repeats across pages."""

import io

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from senate.reports.document import Block, Document

BLUE = RGBColor(0x00, 0x5E, 0xB8)
TEXT = RGBColor(0x21, 0x2B, 0x32)
FONT = "Arial"


def to_docx(doc: Document) -> bytes:
    word = new_docx()
    _styles(word)
    _page(word, doc)
    _cover(word, doc)
    _contents(word, doc)
    for section in doc.sections:
        word.add_heading(f"{section.number}  {section.title}", level=1)
        for block in section.blocks:
            _block(word, block)
    props = word.core_properties
    props.title, props.subject, props.author = doc.title, doc.kind_label, doc.senate_name
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _styles(word: Docx) -> None:
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = FONT, Pt(11), TEXT
    for name, size in (("Title", 28), ("Heading 1", 17), ("Heading 2", 13), ("Heading 3", 12)):
        style = word.styles[name]
        style.font.name, style.font.size, style.font.color.rgb, style.font.bold = FONT, Pt(size), BLUE, True
    word.styles["Heading 1"].paragraph_format.page_break_before = True


def _page(word: Docx, doc: Document) -> None:
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    header = section.header.paragraphs[0]
    run = header.add_run(f"{doc.senate_name}    {doc.classification}")
    run.font.size, run.font.color.rgb = Pt(9), BLUE
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{doc.reference} · {doc.version_label}    Page ").font.size = Pt(9)
    _field(footer, "PAGE")
    footer.add_run(" of ").font.size = Pt(9)
    _field(footer, "NUMPAGES")


def _field(paragraph, code: str) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run()
    run.font.size = Pt(9)
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text == code else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _cover(word: Docx, doc: Document) -> None:
    senate = word.add_paragraph()
    run = senate.add_run(doc.senate_name)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(16), BLUE
    word.add_paragraph(doc.kind_label).runs[0].font.size = Pt(13)
    word.add_paragraph(doc.title, style="Title")
    facts = [
        ("Reference", doc.reference),
        ("Requested by", doc.requester),
        ("Version", f"{doc.version_label}, {doc.date_label}"),
        ("Status", doc.status_label),
        ("Overall opinion", doc.overall_opinion),
        ("Classification", doc.classification),
    ]
    _table(word, Block("table", headers=("", ""), rows=tuple(facts), widths=(2, 5)))
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(word: Docx, doc: Document) -> None:
    heading = word.add_paragraph("Contents", style="Heading 2")
    heading.paragraph_format.page_break_before = False
    for section in doc.sections:
        word.add_paragraph(
            f"{section.number}  {section.title}",
        )


def _block(word: Docx, block: Block) -> None:
    if block.kind == "p":
        word.add_paragraph(block.text)
    elif block.kind == "h3":
        word.add_heading(block.text, level=2)
    elif block.kind == "note":
        para = word.add_paragraph()
        run = para.add_run(block.text)
        run.bold = True
        _shade(para._p.get_or_add_pPr(), "E8EDEE")  # before the indent: OOXML fixes the order
        para.paragraph_format.left_indent = Cm(0.5)
    elif block.kind == "figure":
        # Word has no SVG here; the chart's title and its data (in the tables above) carry it.
        word.add_paragraph(
            f"Chart: {block.text}. The chart is in the HTML and PDF versions; its figures are in the tables above."
        )
    elif block.kind == "list":
        for item in block.items:
            word.add_paragraph(item, style="List Bullet")
    elif block.kind == "table":
        if block.caption:
            cap = word.add_paragraph()
            cap.add_run(block.caption).bold = True
            cap.paragraph_format.keep_with_next = True
        _table(word, block)


def _table(word: Docx, block: Block) -> None:
    has_header = any(block.headers)
    columns = len(block.headers) or len(block.rows[0])
    table = word.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    if has_header:
        cells = table.add_row().cells
        for cell, text in zip(cells, block.headers, strict=False):
            _cell(cell, text, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF), fill="005EB8")
        _repeat_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=False)):
            first_column_header = not has_header and i == 0
            _cell(cell, text, bold=first_column_header, fill="F0F4F5" if first_column_header else None)
    if block.widths:
        total = sum(block.widths)
        usable = 17.4
        for row in table.rows:
            for cell, w in zip(row.cells, block.widths, strict=False):
                cell.width = Cm(usable * w / total)
    word.add_paragraph()


def _cell(cell, text: str, *, bold: bool = False, colour: RGBColor | None = None, fill: str | None = None) -> None:  # type: ignore[no-untyped-def]
    para = cell.paragraphs[0]
    run = para.add_run(text)
    run.bold, run.font.size = bold, Pt(10)
    if colour is not None:
        run.font.color.rgb = colour
    if fill:
        _shade(cell._tc.get_or_add_tcPr(), fill)
    row = cell._tc.getparent()
    tr_pr = row.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.append(OxmlElement("w:cantSplit"))


def _shade(properties, fill: str) -> None:  # type: ignore[no-untyped-def]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
