"""The forward plan as a timeline drawn on the server (an SVG, no script): one row per item, a bar
from the expected start to the advice due, a circle on the panel day and a diamond on the Council
meeting. Shapes, not colours, tell the marks apart, and the plan's table beside it holds every date."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from senate.programme.models import PlanItem
from senate.programme.planning import year_bounds

LABEL_WIDTH, CHART_WIDTH, ROW, TOP = 260, 620, 30, 34
WIDTH = LABEL_WIDTH + CHART_WIDTH + 10


@dataclass
class Row:
    label: str
    y: int
    bar: tuple[float, float] | None
    marks: list[tuple[str, float, str]] = field(default_factory=list)  # (shape, x, what)
    summary: str = ""


@dataclass
class Timeline:
    width: int
    height: int
    months: list[tuple[float, str]]
    rows: list[Row]
    today: float | None


def build(items: list[Any], year: int, today: dt.date) -> Timeline:
    start, end = year_bounds(year)
    span = (end - start).days + 1

    def x(day: dt.date | None) -> float | None:
        if day is None:
            return None
        clamped = min(max(day, start), end)
        return round(LABEL_WIDTH + CHART_WIDTH * (clamped - start).days / span, 1)

    months = []
    for i in range(12):
        first = dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
        months.append((x(first) or LABEL_WIDTH, first.strftime("%b")))
    rows = []
    for n, item in enumerate(items):
        y = TOP + n * ROW
        a, b = x(item.expected_start), x(item.advice_due)
        meeting = item.council_meeting.date if item.council_meeting_id else None
        marks = [
            (shape, pos, what)
            for shape, pos, what in [("circle", x(item.expected_panel), "panel"), ("diamond", x(meeting), "Council")]
            if pos is not None
        ]
        label = item.title if len(item.title) <= 38 else item.title[:37] + "…"
        rows.append(Row(label, y, (a, b) if a is not None and b is not None else None, marks, _summary(item, meeting)))
    return Timeline(
        WIDTH, TOP + max(len(items), 1) * ROW + 10, months, rows, x(today) if start <= today <= end else None
    )


def _summary(item: PlanItem, meeting: dt.date | None) -> str:
    def d(day: dt.date | None) -> str:
        return f"{day:%-d %b %Y}" if day else "not set"

    return (
        f"{item.title}: start {d(item.expected_start)}, panel {d(item.expected_panel)}, "
        f"Council {d(meeting)}, advice due {d(item.advice_due)}"
    )
