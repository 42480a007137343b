"""A dashboard table: its rows are what the page shows, what the chart beside it draws, what the CSV and
XLSX downloads hold and what the annual report prints, so the figures can never disagree."""

from dataclasses import dataclass, field

Cell = str | int | float


@dataclass(frozen=True)
class Chart:
    label_column: int = 0
    value_column: int = 1
    unit: str = ""
    marker: float | None = None  # a reference line, e.g. the service level
    marker_label: str = ""


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    chart: Chart | None = None

    def text_rows(self) -> list[list[str]]:
        return [[_text(c) for c in row] for row in self.rows]

    def chart_points(self) -> list[tuple[str, float]]:
        if self.chart is None:
            return []
        c = self.chart
        return [(str(r[c.label_column]), float(r[c.value_column])) for r in self.rows]


def _text(cell: Cell) -> str:
    if isinstance(cell, float):
        return f"{cell:.1f}"
    return str(cell)
