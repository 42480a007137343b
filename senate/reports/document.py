"""The composed report as plain data (sections of paragraphs, lists and tables), so the HTML, PDF
and DOCX renderings are made from exactly the same content."""

from dataclasses import dataclass, field


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
