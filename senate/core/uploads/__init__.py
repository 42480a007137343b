"""The one upload policy for every file Senate accepts (evidence, Council papers, bed-model CSVs).

`check_upload(name, data, max_bytes=..., allowed_kinds=...)` decides what a file really is from its
content, never from its name or what the browser says, then insists that the name's extension agrees.
It refuses empty and oversized files, programs, web pages (HTML is never taken for CSV or text), PDFs
carrying JavaScript, launch actions, attachments, media or XFA, PDF+HTML polyglots, and Office files
carrying macros or programs, or that would expand too far when opened (pdf.py, archive.py). Each refusal is
an UploadRefused whose message names the file and says why, in words for NHS staff, fit for the form
field. The checks read at most `max_bytes` and decompress nothing but a PDF's object streams, within
a budget.

Limits, all optional settings: UPLOAD_MAX_EXPANDED_BYTES (100 MB), UPLOAD_MAX_ENTRIES (2,000 files
inside an Office document) and UPLOAD_MAX_RATIO (100:1 for any entry over 1 MB). Each caller sets
its own `max_bytes`."""

import csv
import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import IO

import filetype
from django.conf import settings

from senate.core.uploads import archive, pdf
from senate.core.uploads.archive import DOCX, ODT, PPTX, XLSX
from senate.core.uploads.stored import UploadNotStored, stored_file, sweep_orphans, sweeper

__all__ = [
    "CSV",
    "DOCX",
    "JPEG",
    "KINDS",
    "ODT",
    "PDF",
    "PNG",
    "PPTX",
    "XLSX",
    "Checked",
    "UploadRefused",
    "check_upload",
    "decode_text",
    "describe_size",
    "kinds_in_words",
    "read_upload",
    "UploadNotStored",
    "stored_file",
    "sweep_orphans",
    "sweeper",
]

PDF = "application/pdf"
CSV = "text/csv"
PNG = "image/png"
JPEG = "image/jpeg"


@dataclass(frozen=True)
class Kind:
    extensions: tuple[str, ...]
    words: str  # "a ... file is <words>"; also the type shown beside a stored file
    short: str  # in lists: "Upload a PDF, Word or Excel file"


KINDS: dict[str, Kind] = {
    PDF: Kind(("pdf",), "PDF", "PDF"),
    DOCX: Kind(("docx",), "Word document (DOCX)", "Word"),
    XLSX: Kind(("xlsx",), "Excel spreadsheet (XLSX)", "Excel"),
    PPTX: Kind(("pptx",), "PowerPoint presentation (PPTX)", "PowerPoint"),
    ODT: Kind(("odt",), "OpenDocument text (ODT)", "OpenDocument text"),
    CSV: Kind(("csv",), "CSV file", "CSV"),
    PNG: Kind(("png",), "PNG image", "PNG"),
    JPEG: Kind(("jpg", "jpeg"), "JPEG image", "JPEG"),
}

PROGRAM_MAGIC = (
    b"MZ",  # Windows programs and libraries (.exe, .dll, .scr, .com)
    b"\x7fELF",
    b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # macOS universal programs, and Java classes
    b"#!",
    b"L\x00\x00\x00\x01\x14\x02\x00",  # Windows shortcuts (.lnk)
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt, .msi, .msg
WEB_PAGE_EXTENSIONS = frozenset({"html", "htm", "xhtml", "shtml", "mht", "mhtml", "hta", "svg", "xml"})
HTML_START = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|script|iframe|frameset|title|style|meta|link|svg|object|embed"
    r"|a|div|span|p|h[1-6]|table|font|b|i|br|img|form|!--)(?=[\s>/]|$)",
    re.I,
)
HTML_ANYWHERE = re.compile(rb"<\s*(?:script|iframe|frameset|object|embed|html|svg)[\s>/]|<!doctype\s+html", re.I)
TEXT_SCAN = 1024 * 1024  # how much of a text file is looked at for rows and markup


class UploadRefused(ValueError):
    """The file cannot be accepted; str(error) names it and says why, for the person uploading."""


@dataclass(frozen=True)
class Checked:
    content_type: str
    size: int
    sha256: str
    original_name: str


def limits() -> archive.Limits:
    return archive.Limits(
        expanded_bytes=int(getattr(settings, "UPLOAD_MAX_EXPANDED_BYTES", 100 * 1024 * 1024)),
        entries=int(getattr(settings, "UPLOAD_MAX_ENTRIES", 2000)),
        ratio=int(getattr(settings, "UPLOAD_MAX_RATIO", 100)),
    )


def describe_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def kinds_in_words(kinds: Collection[str]) -> str:
    """ "PDF, Word, Excel or PowerPoint", in the order of KINDS."""
    names = [kind.short for mime, kind in KINDS.items() if mime in kinds]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def read_upload(upload: IO[bytes], max_bytes: int) -> bytes:
    """An uploaded file's bytes, stopping just past the limit so a huge file is never held in memory."""
    upload.seek(0)
    return upload.read(max_bytes + 1) or b""


def check_upload(name: str, data: bytes | IO[bytes], *, max_bytes: int, allowed_kinds: Collection[str]) -> Checked:
    """Check one uploaded file; return what it is, or raise UploadRefused saying why not."""
    if not isinstance(data, bytes):
        data = read_upload(data, max_bytes)
    name = (name or "").strip().replace("\\", "/").rsplit("/", 1)[-1][:255]
    shown = name if len(name) <= 80 else name[:77] + "…"
    if not name:
        raise UploadRefused("The selected file must have a name")
    if not data:
        raise UploadRefused(f"{shown} is empty")
    if len(data) > max_bytes:
        raise UploadRefused(f"{shown} is too big: the file must be smaller than {describe_size(max_bytes)}")
    content_type = _sniff(shown, data, allowed_kinds)
    _check_name_agrees(shown, name, content_type, allowed_kinds)
    return Checked(content_type, len(data), hashlib.sha256(data).hexdigest(), name)


def _sniff(shown: str, data: bytes, allowed: Collection[str]) -> str:
    """The allowed kind the content is, or UploadRefused."""
    upload_a = f"Upload a {kinds_in_words(allowed)} file"
    if data.startswith(PROGRAM_MAGIC):
        raise UploadRefused(f"{shown} is a program, not a document. {upload_a}")
    if data.startswith(OLE_MAGIC):
        raise UploadRefused(
            f"{shown} is in an older Microsoft format (such as .doc, .xls or .ppt), which can carry macros. "
            "Save it in the newer format (.docx, .xlsx or .pptx) and upload that"
        )
    start = pdf.header_offset(data)
    if start > 0:
        raise UploadRefused(
            f"{shown} has something else in front of the PDF, so it could be opened as another kind of file. "
            "Save it again (for example, print it to PDF) and upload that"
        )
    if start == 0:
        return _allowed(shown, PDF, allowed, problem=pdf.problem(data))
    if data.startswith(b"PK\x03\x04"):
        return _zip(shown, data, allowed)
    guess = filetype.guess(data)
    if guess is not None and guess.mime in (PNG, JPEG):
        return _allowed(shown, guess.mime, allowed, problem=_html_inside(data))
    if guess is None:
        return _text(shown, data, allowed)
    raise UploadRefused(f"{shown} is not a type of file Senate accepts. {upload_a}")


def _allowed(shown: str, content_type: str, allowed: Collection[str], *, problem: str | None = None) -> str:
    if content_type not in allowed:
        words = KINDS[content_type].words
        raise UploadRefused(
            f"{shown} is {_a(words)}, which cannot be uploaded here. Upload a {kinds_in_words(allowed)} file"
        )
    if problem:
        raise UploadRefused(f"{shown} {problem}")
    return content_type


def _zip(shown: str, data: bytes, allowed: Collection[str]) -> str:
    try:
        kind = archive.kind_of(data, limits())
    except archive.ArchiveRefused as refused:
        raise UploadRefused(f"{shown} {refused}") from None
    if kind is None:
        raise UploadRefused(
            f"{shown} is a zip file (a compressed folder), not a document. Upload a {kinds_in_words(allowed)} file"
        )
    return _allowed(shown, kind, allowed)


def _text(shown: str, data: bytes, allowed: Collection[str]) -> str:
    """Plain text is accepted only as CSV, and never when it is, or holds, a web page."""
    text = decode_text(data[:TEXT_SCAN])
    upload_a = f"Upload a {kinds_in_words(allowed)} file"
    if text is None or "\x00" in text or any(ord(c) < 32 and c not in "\r\n\t\f" for c in text):
        raise UploadRefused(f"{shown} is not a type of file Senate accepts. {upload_a}")
    body = text.lstrip("\ufeff \t\r\n\f")
    if HTML_START.match(body) or HTML_ANYWHERE.search(data):
        raise UploadRefused(f"{shown} is a web page (HTML). {upload_a}")
    if body.startswith("<"):
        raise UploadRefused(f"{shown} is XML or another kind of markup, not a table of text. {upload_a}")
    if not _rows(text):
        raise UploadRefused(f"{shown} is not a type of file Senate accepts. {upload_a}")
    return _allowed(shown, CSV, allowed)


def _rows(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()][:50]
    try:
        return bool(lines) and all(csv.reader(lines))
    except csv.Error:
        return False


def _html_inside(data: bytes) -> str | None:
    if HTML_ANYWHERE.search(data):
        return "is a web page (HTML) as well as a picture, so it could be opened as something else"
    return None


def _check_name_agrees(shown: str, name: str, content_type: str, allowed: Collection[str]) -> None:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extensions, words = KINDS[content_type].extensions, KINDS[content_type].words
    if extension in extensions:
        return
    if extension in archive.PROGRAM_EXTENSIONS:
        raise UploadRefused(f"{shown} is named as a program or script (.{extension}), which Senate never accepts")
    if extension in WEB_PAGE_EXTENSIONS:
        raise UploadRefused(f"{shown} is named as a web page (.{extension}). Upload a {kinds_in_words(allowed)} file")
    if not extension:
        raise UploadRefused(f"{shown}: the file's name must end in .{extensions[0]}")
    raise UploadRefused(
        f"{shown} is {_a(words)} but its name ends in “.{extension}”. "
        f"Rename it to end in .{extensions[0]} and upload it again"
    )


def decode_text(data: bytes) -> str | None:
    """Text in UTF-8 (with or without a byte-order mark) or Windows-1252, or None. A UTF-8 character
    cut off at the end (the bytes were read up to a limit) is dropped."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return data[: error.start].decode("utf-8-sig")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _a(words: str) -> str:
    return f"an {words}" if words[0] in "AEIOU" else f"a {words}"
