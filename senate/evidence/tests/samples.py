"""Small real files of each allowed type, and files that must be refused."""

import functools
import html
import io
import zipfile


@functools.lru_cache
def pdf(text: str = "Stroke services business case") -> bytes:
    """A real one-page PDF, made as Senate makes its reports (WeasyPrint, with embedded fonts)."""
    from weasyprint import HTML

    return bytes(HTML(string=f"<h1>{html.escape(text)}</h1>").write_pdf())


def docx(text: str = "Workforce plan for stroke services") -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx(rows=(("Site", "Beds"), ("Torbay", 24))) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pptx(text: str = "Engagement findings") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("ppt/presentation.xml", '<?xml version="1.0"?><p:presentation/>')
        z.writestr(
            "ppt/slides/slide1.xml",
            '<?xml version="1.0"?><p:sld xmlns:p="urn:p" xmlns:a="urn:a"><a:t>' + text + "</a:t></p:sld>",
        )
    return out.getvalue()


def csv() -> bytes:
    return b"site,beds,occupancy\nTorbay,24,0.92\nExeter,30,0.88\n"


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (0, 94, 184)).save(out, format="PNG")
    return out.getvalue()


def jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (0, 94, 184)).save(out, format="JPEG")
    return out.getvalue()


def windows_exe() -> bytes:
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode"
    )


def elf() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "not an office document")
    return out.getvalue()
