"""Text extracted from evidence for the later search issue. Best effort: a failure gives "" and never
refuses an upload or raises. It runs after the upload has committed, in the background worker
(tasks.extract_version_text), never inside the upload's transaction.

The same limits as the upload policy hold here. Office files are read straight from their XML with
expat, each part in bounded chunks (EXTRACT_PART_BYTES) so a header that lies about its size cannot
fill the memory, and no tree is built; PDFs with pypdf (which maps fonts' glyphs back to text, so
reports made by WeasyPrint or Word read) up to MAX_PAGES pages; a scanned PDF holds pictures of text
and gives nothing, as there is no OCR. Outside tests, `best_effort` runs the extraction in a child
process (`python -m senate.evidence.extract`) limited to EVIDENCE_EXTRACT_SECONDS (60) of time and
EVIDENCE_EXTRACT_MEMORY_BYTES (512 MB) of memory, so a hostile file can only kill the child."""

import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

from senate.core.uploads import CSV, DOCX, PDF, PPTX, XLSX, archive, decode_text

MAX_CHARS = 200_000
MAX_PAGES = 300
EXTRACT_PART_BYTES = 50 * 1024 * 1024
SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml")
SHEET = re.compile(r"xl/worksheets/sheet(\d+)\.xml")


class _Enough(Exception):  # noqa: N818 - control flow: enough text has been read
    pass


def extract_text(*, data: bytes, content_type: str) -> str:
    """The file's text, tidied and cut to MAX_CHARS; "" for pictures and anything that fails."""
    extractor: Callable[[bytes], str] | None = {
        DOCX: _docx,
        XLSX: _xlsx,
        PPTX: _pptx,
        CSV: _csv,
        PDF: _pdf,
    }.get(content_type)
    if extractor is None:
        return ""
    try:
        text = extractor(data)
    except Exception:  # noqa: BLE001 - best effort: a malformed or hostile file (or no memory left) gives no text
        return ""
    return re.sub(r"[ \t]+", " ", text).strip()[:MAX_CHARS]


def best_effort(*, data: bytes, content_type: str) -> str:
    """`extract_text`, in a limited child process unless EVIDENCE_EXTRACT_ISOLATED is off (the
    default in tests)."""
    from django.conf import settings

    if not getattr(settings, "EVIDENCE_EXTRACT_ISOLATED", not getattr(settings, "TESTING", False)):
        return extract_text(data=data, content_type=content_type)
    seconds = float(getattr(settings, "EVIDENCE_EXTRACT_SECONDS", 60))
    memory = int(getattr(settings, "EVIDENCE_EXTRACT_MEMORY_BYTES", 512 * 1024 * 1024))
    return isolated(data=data, content_type=content_type, seconds=seconds, memory_bytes=memory)


def isolated(*, data: bytes, content_type: str, seconds: float, memory_bytes: int) -> str:
    """`extract_text` in a child process that is killed after `seconds` and may use `memory_bytes`."""
    import senate

    command = [sys.executable, "-m", "senate.evidence.extract", content_type, str(memory_bytes), str(seconds)]
    try:
        done = subprocess.run(  # noqa: S603 - our own module, arguments we made
            command,
            input=data,
            capture_output=True,
            timeout=seconds,
            cwd=Path(senate.__file__).resolve().parent.parent,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"},
            check=False,
        )
    except (subprocess.TimeoutExpired, OSError):
        return ""
    if done.returncode != 0:
        return ""
    return done.stdout.decode("utf-8", errors="replace")[:MAX_CHARS]


def _docx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(_xml_lines(package, "word/document.xml", line="p", text="t"))


def _pptx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        slides = sorted((int(m[1]), n) for n in package.namelist() if (m := SLIDE.fullmatch(n)))
        return "\n".join(line for _, name in slides for line in _xml_lines(package, name, line="p", text="t"))


def _xlsx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        shared = _xml_lines(package, "xl/sharedStrings.xml", line="si", text="t")
        sheets = sorted((int(m[1]), n) for n in names if (m := SHEET.fullmatch(n)))
        return "\n".join(_sheet_rows(package, name, shared) for _, name in sheets)


def _csv(data: bytes) -> str:
    return decode_text(data[: MAX_CHARS * 4]) or ""


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages: list[str] = []
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or sum(len(p) for p in pages) > MAX_CHARS:
            break
        pages.append(page.extract_text() or "")
    return "\n".join(p for p in pages if p.strip())


def _xml_lines(package: zipfile.ZipFile, part: str, *, line: str, text: str) -> list[str]:
    """The character data of the `text` elements of an XML part, an item per `line` element."""
    lines: list[str] = []
    current: list[str] = []
    inside = False

    def start(name: str, _attrs: dict[str, str]) -> None:
        nonlocal inside
        inside = inside or _local(name) == text

    def end(name: str) -> None:
        nonlocal inside
        if _local(name) == text:
            inside = False
        elif _local(name) == line:
            lines.append("".join(current))
            current.clear()

    def chars(data: str) -> None:
        if inside:
            current.append(data)

    _parse(package, part, start, end, chars)
    return [*lines, "".join(current)] if current else lines


def _sheet_rows(package: zipfile.ZipFile, part: str, shared: list[str]) -> str:
    """A worksheet's rows, cells joined by " | ", shared strings looked up."""
    rows: list[str] = []
    row: list[str] = []
    value: list[str] = []
    kind, inside = "", False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal kind, inside
        if _local(name) == "c":
            kind = attrs.get("t", "")
            value.clear()
        inside = inside or _local(name) in ("v", "t")

    def end(name: str) -> None:
        nonlocal inside
        local = _local(name)
        if local in ("v", "t"):
            inside = False
        elif local == "c":
            text = "".join(value)
            if kind == "s":
                text = shared[int(text)] if text.isdigit() and int(text) < len(shared) else ""
            if text:
                row.append(text)
        elif local == "row":
            if row:
                rows.append(" | ".join(row))
            row.clear()

    def chars(data: str) -> None:
        if inside:
            value.append(data)

    _parse(package, part, start, end, chars)
    return "\n".join(rows)


def _parse(package: zipfile.ZipFile, part: str, start: Callable, end: Callable, chars: Callable) -> None:
    """Feed one part to expat in chunks, no more than EXTRACT_PART_BYTES of it, stopping early once
    enough text has been seen. No tree is built, so memory stays small whatever the part holds."""
    if part not in package.namelist():
        return
    parser = expat.ParserCreate(namespace_separator=" ")
    seen = 0

    def counted(data: str) -> None:
        nonlocal seen
        seen += len(data)
        if seen > MAX_CHARS * 2:
            raise _Enough
        chars(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, counted
    try:
        with archive.open_entry(package, part, EXTRACT_PART_BYTES) as stream:
            while chunk := stream.read(archive.CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (_Enough, archive.TooLarge):
        return


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _child(argv: list[str]) -> int:
    """The child process: limit its own memory and time, read a file on stdin, write its text."""
    import resource

    content_type, memory, seconds = argv[0], int(argv[1]), int(float(argv[2])) + 1
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    data = sys.stdin.buffer.read()
    sys.stdout.buffer.write(extract_text(data=data, content_type=content_type).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
