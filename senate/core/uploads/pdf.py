"""Active content in a PDF: JavaScript, actions that start programs, attached files, embedded media and
XFA forms, looked for in the file's dictionaries (PDF names may be spelt with #xx escapes, and modern
PDFs, WeasyPrint's among them, pack dictionaries into compressed object streams, which are inflated
here within a budget); and PDF+HTML polyglots, a file that is also a web page."""

import re
import zlib

# Name -> what it does, finishing the sentence "<name> ...".
ACTIVE = {
    "JavaScript": "contains JavaScript, which could run when it is opened",
    "JS": "contains JavaScript, which could run when it is opened",
    "Launch": "is set to start a program when it is opened",
    "EmbeddedFile": "has other files attached inside it, which could be opened from it",
    "EmbeddedFiles": "has other files attached inside it, which could be opened from it",
    "RichMedia": "contains embedded media (such as Flash), which could run when it is opened",
    "XFA": "is an interactive (XFA) form, which can run code when it is opened",
}
RESAVE = "Save it again without it (for example, print it to PDF) and upload that"
UNCHECKABLE = (
    "could not be checked for hidden content, because part of it is damaged or encrypted. "
    "Save it again (for example, print it to PDF) and upload that"
)
POLYGLOT = (
    "is a web page (HTML) as well as a PDF, so it could be opened as something else. "
    "Save it again (for example, print it to PDF) and upload that"
)
HEADER_WINDOW = 1024  # PDF readers look this far for %PDF-
HTML_WINDOW = 8 * 1024
INFLATE_BUDGET = 64 * 1024 * 1024  # bytes of object streams inflated for one file, at most
MAX_OBJECT_STREAMS = 5000  # a real 25 MB PDF has a few hundred


def _name(word: str) -> bytes:
    """A pattern for the PDF name /word, each letter either itself or #xx, then a delimiter."""
    letters = []
    for char in word:
        code = f"{ord(char):02x}"
        escaped = "".join(f"[{h}{h.upper()}]" if h.isalpha() else h for h in code)
        letters.append(f"(?:{re.escape(char)}|#{escaped})")
    return ("/" + "".join(letters) + r"(?=[\s()<>\[\]{}/%]|$)").encode()


# "/" then, checked first and cheaply, a letter (or #) that can start one of the names.
ACTIVE_NAMES = re.compile(
    b"(?=/[JLERX#])(?:" + b"|".join(_name(w) for w in sorted(ACTIVE, key=len, reverse=True)) + b")"
)
OBJECT_STREAM = re.compile(_name("ObjStm"))
FILTER = re.compile(_name("Filter"))
FLATE = re.compile(_name("FlateDecode"))
PREDICTOR = re.compile(_name("Predictor"))
ENCRYPT = re.compile(_name("Encrypt"))
STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
HTML_TAG = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|frameset|object|embed|svg|meta|form|img)[\s>/]", re.I
)
HTML_ANYWHERE = re.compile(rb"<\s*(?:!doctype\s+html|html|script|iframe|frameset)[\s>/]", re.I)


def header_offset(data: bytes) -> int:
    """Where %PDF- starts within the first KB (readers accept it anywhere there), or -1."""
    return data.find(b"%PDF-", 0, HEADER_WINDOW)


def problem(data: bytes) -> str | None:
    """What is wrong with a PDF that starts at byte 0, finishing "<name> ...", or None."""
    if HTML_TAG.search(data, 0, HTML_WINDOW) or HTML_ANYWHERE.search(data):
        return POLYGLOT
    found = _active(data)
    if found:
        return found
    if b"#" not in data and b"/ObjStm" not in data:
        return None
    encrypted, budget = bool(ENCRYPT.search(data)), INFLATE_BUDGET
    for count, match in enumerate(OBJECT_STREAM.finditer(data)):
        if count >= MAX_OBJECT_STREAMS:
            return UNCHECKABLE
        inflated = _object_stream(data, match.end(), encrypted=encrypted, budget=budget)
        if inflated is None:
            return UNCHECKABLE
        budget -= len(inflated)
        found = _active(inflated)
        if found:
            return found
    return None


def _active(data: bytes) -> str | None:
    # The regular expression is slow over megabytes of slashes; most files can skip it.
    if b"#" not in data and not any(b"/" + word.encode() in data for word in ACTIVE):
        return None
    match = ACTIVE_NAMES.search(data)
    if match is None:
        return None
    word = re.sub(rb"#([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), match.group()[1:]).decode()
    return f"{ACTIVE[word]}. {RESAVE}"


def _object_stream(data: bytes, after: int, *, encrypted: bool, budget: int) -> bytes | None:
    """The inflated content of the object stream whose dictionary names /ObjStm at `after`; b"" when
    it is not compressed (the raw scan saw it); None when it cannot be found or read, or passes the
    budget (refusing is the safe side)."""
    stream = STREAM.search(data, after, after + 65536)
    if stream is None:
        return None
    start = data.rfind(b"obj", max(0, after - 4096), after)
    dictionary = data[start if start >= 0 else after : stream.start()]
    if not FILTER.search(dictionary):
        return b""
    if encrypted or not FLATE.search(dictionary) or PREDICTOR.search(dictionary):
        return None
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(memoryview(data)[stream.end() :], max(budget, 1))
    except zlib.error:
        return None
    return None if inflater.unconsumed_tail else inflated
