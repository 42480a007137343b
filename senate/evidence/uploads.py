"""Checking an uploaded file before it is stored: the type is sniffed from the content (never trusted
from the name or the browser), the size is limited, and empty files and executables are refused.
Each check raises UploadRefused with a message fit to show next to the file field."""

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass
from typing import IO

import filetype
from django.conf import settings

DEFAULT_MAX_BYTES = 25 * 1024 * 1024

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
CSV = "text/csv"
PNG = "image/png"
JPEG = "image/jpeg"

# Sniffed type -> (the extensions that name may carry, words for people).
ALLOWED: dict[str, tuple[set[str], str]] = {
    PDF: ({"pdf"}, "PDF"),
    DOCX: ({"docx"}, "Word document (DOCX)"),
    XLSX: ({"xlsx"}, "Excel spreadsheet (XLSX)"),
    PPTX: ({"pptx"}, "PowerPoint presentation (PPTX)"),
    CSV: ({"csv"}, "CSV"),
    PNG: ({"png"}, "PNG image"),
    JPEG: ({"jpg", "jpeg"}, "JPEG image"),
}
ALLOWED_WORDS = "PDF, DOCX, XLSX, PPTX, CSV, PNG or JPEG"

# The main part each Office Open XML package must hold.
OOXML_PARTS = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml", PPTX: "ppt/presentation.xml"}

EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")


class UploadRefused(ValueError):
    """The file cannot be accepted; str(error) says why, in words for the person uploading."""


@dataclass(frozen=True)
class Checked:
    content_type: str
    size: int
    sha256: str
    original_name: str


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def describe_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def check_upload(*, name: str, data: bytes) -> Checked:
    """Check one file's bytes and name; return what was found, or raise UploadRefused."""
    name = (name or "").strip().replace("\\", "/").rsplit("/", 1)[-1]
    if not name:
        raise UploadRefused("The selected file must have a name")
    if not data:
        raise UploadRefused("The selected file is empty")
    if len(data) > max_bytes():
        raise UploadRefused(f"The selected file must be smaller than {describe_size(max_bytes())}")
    if data.startswith(EXECUTABLE_MAGIC):
        raise UploadRefused(f"The selected file is a program, not a document. Upload a {ALLOWED_WORDS} file")
    content_type = sniff(data)
    if content_type is None:
        raise UploadRefused(f"The selected file must be a {ALLOWED_WORDS}")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extensions, words = ALLOWED[content_type]
    if extension not in extensions:
        raise UploadRefused(
            f"The selected file is a {words} but its name ends in “.{extension}”. Rename it and upload it again"
            if extension
            else f"The selected file's name must end in .{sorted(extensions)[0]}"
        )
    return Checked(content_type, len(data), hashlib.sha256(data).hexdigest(), name[:255])


def sniff(data: bytes) -> str | None:
    """The allowed type the content really is, or None."""
    kind = filetype.guess(data)
    mime = kind.mime if kind else None
    if mime in {PDF, PNG, JPEG}:
        return mime
    if data.startswith(b"PK\x03\x04") or mime == "application/zip" or mime in OOXML_PARTS:
        return _ooxml(data)
    if mime is None and _looks_like_csv(data):
        return CSV
    return None


def _ooxml(data: bytes) -> str | None:
    """A zip is an Office document only if it holds [Content_Types].xml and the main part of one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(n.lower().endswith((".exe", ".dll", ".bat", ".cmd", ".vbs", ".ps1", ".sh", ".jar")) for n in names):
        return None
    for mime, part in OOXML_PARTS.items():
        if part in names:
            return mime
    return None


def _looks_like_csv(data: bytes) -> bool:
    """Text (UTF-8 or Windows-1252, no NUL or control bytes) that reads as comma- or tab-separated rows."""
    if b"\x00" in data[:65536]:
        return False
    text = _decode(data[:65536])
    if text is None:
        return False
    if any(ord(c) < 32 and c not in "\r\n\t" for c in text):
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    try:
        rows = list(csv.reader(lines[:50]))
    except csv.Error:
        return False
    return all(rows)


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_all(upload: IO[bytes]) -> bytes:
    """Read an uploaded file, stopping just past the limit so a huge file is not held in memory."""
    upload.seek(0)
    return upload.read(max_bytes() + 1)
