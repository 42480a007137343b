"""The composed report as plain data (sections of paragraphs, lists and tables), so the HTML, PDF
and DOCX renderings are made from exactly the same content."""

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class Block:
    kind: str  # "p", "h3", "list", "table", "note", "figure" (caption holds our own chart SVG)
    text: str = ""
    items: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    caption: str = ""
    widths: tuple[int, ...] = ()  # relative column widths, for tables


@dataclass
class Section:
    key: str
    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"section-{self.key}"


@dataclass
class Document:
    kind_label: str
    title: str
    senate_name: str
    reference: str
    requester: str
    version_label: str
    status_label: str
    date_label: str
    classification: str
    overall_opinion: str
    sections: list[Section]


def paragraphs(text: str) -> list[Block]:
    """Written text: blank lines separate paragraphs; lines starting '- ' make a bulleted list."""
    found: list[Block] = []
    for chunk in [c.strip() for c in text.replace("\r\n", "\n").split("\n\n") if c.strip()]:
        lines = [line.strip() for line in chunk.split("\n")]
        if all(line.startswith("- ") for line in lines):
            found.append(Block("list", items=tuple(line[2:] for line in lines)))
        else:
            found.append(Block("p", " ".join(lines)))
    return found


def table(caption: str, headers: list[str], rows: list[list[str]], widths: list[int] | None = None) -> Block:
    return Block(
        "table", caption=caption, headers=tuple(headers), rows=tuple(tuple(r) for r in rows), widths=tuple(widths or ())
    )


REDACTED = "[redacted]"


def redact_text(text: str, phrases: Iterable[str]) -> str:
    """Replace each agreed phrase (in any case) with [redacted], in plain text, before it is escaped
    for HTML or written into a PDF or a Word document, so phrases with ', & or " are matched too."""
    for phrase in phrases:
        if phrase:
            text = re.sub(re.escape(phrase), REDACTED, text, flags=re.IGNORECASE)
    return text


def _redact_markup(markup: str, phrases: list[str]) -> str:
    """Our own chart SVG: redact the text between its tags (as written there, escaped), never a tag."""
    escaped = [html.escape(p, quote=False) for p in phrases] + [html.escape(p) for p in phrases]
    parts = re.split(r"(<[^>]+>)", markup)
    return "".join(p if p.startswith("<") else redact_text(p, phrases + escaped) for p in parts)


def _redact_block(block: Block, phrases: list[str]) -> Block:
    def r(text: str) -> str:
        return redact_text(text, phrases)

    return replace(
        block,
        text=r(block.text),
        items=tuple(r(i) for i in block.items),
        headers=tuple(r(h) for h in block.headers),
        rows=tuple(tuple(r(c) for c in row) for row in block.rows),
        caption=_redact_markup(block.caption, phrases) if block.kind == "figure" else r(block.caption),
    )


def redacted(doc: Document, phrases: Iterable[str]) -> Document:
    """The document with the agreed redactions applied to every piece of text it holds, so the
    HTML, PDF and DOCX made from it are redacted alike."""
    wanted = [p for p in phrases if p]
    if not wanted:
        return doc
    texts = {f.name: redact_text(getattr(doc, f.name), wanted) for f in fields(doc) if f.name != "sections"}
    sections = [
        Section(s.key, s.number, redact_text(s.title, wanted), [_redact_block(b, wanted) for b in s.blocks])
        for s in doc.sections
    ]
    return Document(**texts, sections=sections)
