"""Zip-based documents (Office Open XML and OpenDocument). What an archive holds is judged from its
central directory, without decompressing anything: how many entries, how big they say they are once
expanded and how far each is compressed (the archive-bomb guard), their paths, and whether any is a
program or a macro. Reading an entry later (`read_entry`, `open_entry`) goes in bounded chunks and
stops at the limit, so a header that lies about its size cannot fill the memory."""

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"

# The main part each Office Open XML package must hold.
OOXML_PARTS = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml", PPTX: "ppt/presentation.xml"}

# Entries that are programs or scripts: a document never needs one.
PROGRAM_EXTENSIONS = frozenset(
    "hta exe js jse vbs vbe bat cmd ps1 psm1 scr dll lnk jar msi msp com cpl pif wsf wsh reg sh ocx".split()
)
# Macros (VBA projects, ActiveX controls), which run when the document is opened.
MACRO_NAMES = ("vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin")

CHUNK = 64 * 1024
# Smaller entries may compress very well (an empty table) and do no harm whatever their ratio.
RATIO_FLOOR = 1024 * 1024
# A central directory entry is 46 bytes plus its name and extras: a generous allowance per entry.
DIRECTORY_BYTES_PER_ENTRY = 1024


@dataclass(frozen=True)
class Limits:
    expanded_bytes: int
    entries: int
    ratio: int


class ArchiveRefused(ValueError):
    """str(error) finishes the sentence "<name> ..." for the person uploading."""


class TooLarge(ValueError):
    """An entry expanded past the limit while it was being read."""


def kind_of(data: bytes, limits: Limits) -> str | None:
    """The document type of a zip's bytes (DOCX, XLSX, PPTX or ODT), None for any other zip; raises
    ArchiveRefused when the archive is dangerous or damaged."""
    _check_directory_size(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise ArchiveRefused("is damaged, or is not a real Office document") from None
    with archive:
        infos = archive.infolist()
        _check_entries(infos, limits)
        return _document_kind(archive, {i.filename for i in infos})


def _check_directory_size(data: bytes, limits: Limits) -> None:
    """Refuse an archive listing too many entries before zipfile reads its whole directory into memory."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        raise ArchiveRefused("is damaged, or is not a real Office document")
    entries, directory_size = struct.unpack("<10xHI6x", data[end : end + 22])
    if entries == 0xFFFF or directory_size == 0xFFFFFFFF:  # zip64: the real figures are elsewhere
        entries, directory_size = _zip64_figures(data, end)
    if entries > limits.entries or directory_size > limits.entries * DIRECTORY_BYTES_PER_ENTRY:
        raise ArchiveRefused(f"holds more than {limits.entries:,} files inside it, so it was refused")


def _zip64_figures(data: bytes, end: int) -> tuple[int, int]:
    locator = end - 20
    if locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
        raise ArchiveRefused("is damaged, or is not a real Office document")
    (record,) = struct.unpack("<8xQ4x", data[locator : locator + 20])
    if data[record : record + 4] != b"PK\x06\x06" or len(data) < record + 56:
        raise ArchiveRefused("is damaged, or is not a real Office document")
    entries, size = struct.unpack("<32xQQ8x", data[record : record + 56])
    return entries, size


def _check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.entries:
        raise ArchiveRefused(f"holds more than {limits.entries:,} files inside it, so it was refused")
    expanded = 0
    for info in infos:
        _check_name(info.filename)
        if info.flag_bits & 0x1:
            raise ArchiveRefused("is protected with a password, so it could not be checked. Upload it without one")
        _check_size(info, limits)
        expanded += info.file_size
        if expanded > limits.expanded_bytes:
            raise ArchiveRefused(
                f"would expand to more than {_mb(limits.expanded_bytes)} when opened, so it was refused"
            )


def _check_name(name: str) -> None:
    path = name.replace("\\", "/")
    parts = path.split("/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":") or ".." in parts or "\x00" in path:
        raise ArchiveRefused("holds a file that would be saved outside the document when opened, so it was refused")
    base = parts[-1].lower()
    extension = base.rsplit(".", 1)[-1] if "." in base else ""
    if extension in PROGRAM_EXTENSIONS:
        raise ArchiveRefused(
            f"has a program hidden inside it ({parts[-1][:60]}), which could run when it is opened. "
            "Upload the document on its own"
        )
    if base in MACRO_NAMES or "/activex/" in f"/{path.lower()}" or parts[0] in ("Basic", "Scripts"):
        raise ArchiveRefused(_MACROS)


_MACROS = (
    "contains macros, which could run when it is opened. Save it as an ordinary document without macros "
    "(for example .docx, .xlsx or .pptx rather than .docm, .xlsm or .pptm) and upload that"
)


def _check_size(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.expanded_bytes:
        raise ArchiveRefused(f"would expand to more than {_mb(limits.expanded_bytes)} when opened, so it was refused")
    if info.file_size > RATIO_FLOOR and info.file_size > limits.ratio * max(info.compress_size, 1):
        raise ArchiveRefused("is compressed far more than a real document can be (a “zip bomb”), so it was refused")
    # Deflate never makes data much bigger, so a far larger compressed size means the header lies.
    if info.compress_size > info.file_size + info.file_size // 100 + 1024:
        raise ArchiveRefused("is damaged, or is not a real Office document")


def _document_kind(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    if "[Content_Types].xml" in names:
        types = read_entry(archive, "[Content_Types].xml", 1024 * 1024)
        if types is None or b"macroenabled" in types.lower():
            raise ArchiveRefused(_MACROS)
        for mime, part in OOXML_PARTS.items():
            if part in names:
                return mime
        return None
    if "mimetype" in names and "content.xml" in names:
        declared = read_entry(archive, "mimetype", 200)
        if declared is not None and declared.strip() == ODT.encode():
            return ODT
    return None


def read_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """An entry's bytes, or None if it is missing, damaged or would pass `limit` bytes."""
    try:
        with open_entry(archive, name, limit) as stream:
            return stream.read()
    except (KeyError, TooLarge, zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, EOFError, ValueError):
        return None


@contextmanager
def open_entry(archive: zipfile.ZipFile, name: str, limit: int) -> Iterator[IO[bytes]]:
    """An entry as a stream that raises TooLarge once more than `limit` bytes have come out of it."""
    with archive.open(name) as raw:
        yield io.BufferedReader(_Bounded(raw, limit), CHUNK)


class _Bounded(io.RawIOBase):
    def __init__(self, raw: IO[bytes], limit: int) -> None:
        self.raw, self.left = raw, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "bytearray | memoryview") -> int:  # type: ignore[override]
        chunk = self.raw.read(min(len(buffer), CHUNK))
        self.left -= len(chunk)
        if self.left < 0:
            raise TooLarge("the entry expanded past its limit")
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
