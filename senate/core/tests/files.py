"""Files for upload tests, made here rather than kept: ordinary documents that must be accepted, and
hostile ones (active PDFs, polyglots, Office files carrying programs or macros, zip bombs, lying zip
headers) that must be refused. The zip bomb is written in a stream, so building it uses little memory."""

import functools
import io
import struct
import zipfile
import zlib

CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
MB = 1024 * 1024


def pdf(*objects: bytes, before: bytes = b"", text: str = "Stroke services business case") -> bytes:
    """A small valid PDF with one page of text; `objects` are added after it, numbered from 6, and
    `before` goes in front of the header (for polyglots)."""
    stream = b"BT /F1 14 Tf 72 760 Td (" + text.encode("latin-1") + b") Tj ET"
    body = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *objects,
    ]
    return _pdf_file(body, before)


def _pdf_file(body: list[bytes], before: bytes = b"", catalog: bytes | None = None) -> bytes:
    if catalog is not None:
        body = [catalog, *body[1:]]
    out = bytearray(before + b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(body, start=1):
        offsets.append(len(out) - len(before))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out) - len(before)
    out += f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(body) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_with_open_action_javascript() -> bytes:
    """Runs JavaScript as soon as it is opened: /OpenAction << /S /JavaScript /JS (...) >>."""
    good = pdf()
    action = b"/OpenAction << /S /JavaScript /JS (app.alert\\('hello'\\)) >>"
    return good.replace(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Catalog /Pages 2 0 R " + action + b" >>")


def pdf_with_escaped_javascript() -> bytes:
    """The same, with the names spelt in #xx escapes, as readers accept."""
    return pdf_with_open_action_javascript().replace(b"/JavaScript", b"/J#61vaScr#69pt").replace(b"/JS ", b"/J#53 ")


def pdf_with_javascript_in_an_object_stream() -> bytes:
    """The action hidden in a compressed object stream, where a plain search of the bytes cannot see it."""
    inner = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
    header = b"7 0 "
    packed = zlib.compress(header + inner)
    object_stream = (
        b"<< /Type /ObjStm /N 1 /First "
        + str(len(header)).encode()
        + b" /Filter /FlateDecode /Length "
        + str(len(packed)).encode()
        + b" >>\nstream\n"
        + packed
        + b"\nendstream"
    )
    return pdf(object_stream).replace(
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Catalog /Pages 2 0 R /OpenAction 7 0 R >>"
    )


def pdf_with(name: bytes) -> bytes:
    """A PDF whose catalog carries /<name> (Launch, EmbeddedFiles, RichMedia, XFA)."""
    entries = {
        b"Launch": b"/OpenAction << /S /Launch /F (calc.exe) >>",
        b"EmbeddedFiles": b"/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>",
        b"RichMedia": b"/AA << /O << /S /RichMediaExecute /TA 6 0 R >> >> /Extra /RichMedia",
        b"XFA": b"/AcroForm << /Fields [] /XFA 6 0 R >>",
    }
    return pdf(b"<< /Type /Filespec /F (a.exe) >>").replace(
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Catalog /Pages 2 0 R " + entries[name] + b" >>"
    )


def pdf_html_polyglot() -> bytes:
    """A web page in front of a PDF: a browser runs the script, a PDF reader shows the PDF."""
    return pdf(before=b"<html><body><script>document.location='https://evil.example/'</script></body></html>\n")


def pdf_with_html_inside() -> bytes:
    """A PDF that starts properly but carries a web page in its first KB (in a comment)."""
    good = pdf()
    return good.replace(b"%PDF-1.7\n", b"%PDF-1.7\n%<html><script>alert(1)</script></html>\n", 1)


def docx(text: str = "Workforce plan for stroke services") -> bytes:
    """A real Word document made by python-docx."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def ooxml(
    main: str = "word/document.xml", *, extra: dict[str, bytes] | None = None, types: str = CONTENT_TYPES
) -> bytes:
    """A small Office Open XML package with its main part and any `extra` entries."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr(
            main, '<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:p><w:t>Plan</w:t></w:p></w:document>'
        )
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return out.getvalue()


def docx_with_hta() -> bytes:
    return ooxml(extra={"word/media/update.hta": b"<script>new ActiveXObject('WScript.Shell').Run('calc')</script>"})


def docx_with_macros() -> bytes:
    """A macro-enabled document (.docm content) named as if it were a .docx."""
    return ooxml(extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 512})


def docx_declaring_macros() -> bytes:
    types = CONTENT_TYPES.replace(
        "/>",
        '><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
    )
    return ooxml(types=types)


def docx_with_path(name: str) -> bytes:
    return ooxml(extra={name: b"x"})


def odt(text: str = "Minutes of the last meeting") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content xmlns:office="urn:o" xmlns:text="urn:t">'
            f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body></office:document-content>",
        )
    return out.getvalue()


def many_entries(count: int) -> bytes:
    return ooxml(extra={f"word/media/image{n}.png": b"" for n in range(count)})


@functools.lru_cache
def zip_bomb_pptx(expanded: int = 200 * MB) -> bytes:
    """A valid-looking PowerPoint file of about 200 KB with one entry that expands to `expanded` bytes of
    zeros. Written in a stream, a megabyte at a time."""
    out = io.BytesIO()
    zeros = bytes(MB)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("ppt/presentation.xml", '<?xml version="1.0"?><p:presentation xmlns:p="urn:p"/>')
        with package.open("ppt/media/video1.bin", "w") as entry:
            for _ in range(expanded // MB):
                entry.write(zeros)
    return out.getvalue()


def lying_zip(*, claimed: int = 1024, expanded: int = 50 * MB) -> bytes:
    """A PowerPoint file whose slide expands to `expanded` bytes of XML while its headers say `claimed`."""
    slide = b'<?xml version="1.0"?><p:sld xmlns:p="urn:p" xmlns:a="urn:a">'
    filler = b"<a:p><a:t>x</a:t></a:p>" * (MB // 22)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = bytearray(packer.compress(slide))
    for _ in range(expanded // len(filler)):
        packed += packer.compress(filler)
    packed += packer.flush()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("ppt/presentation.xml", '<?xml version="1.0"?><p:presentation xmlns:p="urn:p"/>')
        info = zipfile.ZipInfo("ppt/slides/slide1.xml")
        info.compress_type = zipfile.ZIP_STORED  # stored as-is: the deflated bytes go in unchanged
        package.writestr(info, bytes(packed))
    data = bytearray(out.getvalue())
    # Now say it is deflated and small: method 8, and the claimed size, in both headers.
    for signature, method_at, size_at in ((b"PK\x03\x04", 8, 22), (b"PK\x01\x02", 10, 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + 21] == b"ppt/slides/slide1.xml":
                struct.pack_into("<H", data, at + method_at, 8)
                struct.pack_into("<I", data, at + size_at, claimed)
            at = data.find(signature, at + 4)
    return bytes(data)


def html() -> bytes:
    return b"\xef\xbb\xbf\n  <!DOCTYPE html><html><head><title>Beds</title></head><body><script>alert(1)</script></body></html>"


def windows_exe() -> bytes:
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode"
    )
