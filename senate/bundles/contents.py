"""What a case bundle holds, as plain data: parts of the record (each a few tables, in time order),
the documents that go into the ZIP as files, and what was withheld. The PDF, the CSVs and the manifest
are all made from these, so they say the same thing."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.utils import timezone


class Mode(StrEnum):
    FULL = "full"
    DISCLOSURE = "disclosure"


MODE_LABELS = {
    Mode.FULL: "Full bundle: everything the Senate holds",
    Mode.DISCLOSURE: "For disclosure: withheld material listed with its classification, not included",
}


@dataclass
class Table:
    """Rows of one kind of record. `name` is its CSV's file name (records/<name>.csv)."""

    name: str
    caption: str
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Document:
    """A file that goes into the ZIP as it is: `read()` gives its bytes when the bundle is written."""

    path: str
    title: str
    read: Callable[[], bytes]


@dataclass(frozen=True)
class Withheld:
    """Material a disclosure bundle lists but leaves out."""

    what: str
    classification: str
    reason: str


@dataclass
class Part:
    key: str
    title: str
    intro: str = ""
    tables: list[Table] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    withheld: list[Withheld] = field(default_factory=list)

    def table(self, name: str, caption: str, headers: list[str], rows: list[list[str]]) -> Table:
        made = Table(name, caption, headers, rows)
        self.tables.append(made)
        return made


@dataclass(frozen=True)
class Setting:
    """What every part is gathered for: the request, the mode, and the phrases a disclosure redacts."""

    request: Any
    mode: Mode
    redactions: tuple[str, ...] = ()

    @property
    def disclosure(self) -> bool:
        return self.mode == Mode.DISCLOSURE


def when(at: dt.datetime | None) -> str:
    """A time as the bundle prints it: 3 May 2026 14:05 (UK time). Sorts as text only by position."""
    return f"{timezone.localtime(at):%-d %b %Y %H:%M}" if at else ""


def day(on: dt.date | None) -> str:
    return f"{on:%-d %b %Y}" if on else ""


def who(person: object) -> str:
    return str(person) if person else ""


def chronological(rows: list[tuple[Any, list[str]]]) -> list[list[str]]:
    """Rows given as (sort key, cells), oldest first; the sort key is a datetime or a date."""
    return [cells for _, cells in sorted(rows, key=lambda r: _as_datetime(r[0]))]


def _as_datetime(value: dt.date | None) -> dt.datetime:
    if value is None:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else value.replace(tzinfo=dt.UTC)
    return timezone.make_aware(dt.datetime.combine(value, dt.time.min))
