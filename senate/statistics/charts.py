"""Charts drawn on the server as SVG: horizontal bars, each labelled with its name and its value in
text, so nothing is said by colour alone; a title and a description for screen readers; no script, so
the same markup goes into the PDF of the annual report."""

from html import escape

from markupsafe import Markup

from senate.statistics.tables import Table

BAR, GAP, LABEL_WIDTH, PLOT_WIDTH, VALUE_WIDTH = 22, 8, 260, 320, 90
BLUE, DARK, GREY = "#005eb8", "#212b32", "#4c6272"


def bar_chart(table: Table) -> Markup:
    points = table.chart_points()
    if not points or table.chart is None:
        return Markup("")
    chart = table.chart
    top = max([v for _, v in points] + [chart.marker or 0]) or 1
    height = len(points) * (BAR + GAP) + GAP + (24 if chart.marker else 0)
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    ident = f"chart-{table.key}"
    desc = "; ".join(f"{label}: {_number(v)} {unit_of(chart.unit, v)}".strip() for label, v in points)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="senate-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(table.title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    for i, (label, value) in enumerate(points):
        y = GAP + i * (BAR + GAP)
        length = PLOT_WIDTH * value / top
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR * 0.7:.1f}" text-anchor="end" font-family="Arial, sans-serif" '
            f'font-size="13" fill="{DARK}">{escape(_short(label))}</text>'
        )
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR}" fill="{BLUE}" stroke="{DARK}"/>'
        )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + BAR * 0.7:.1f}" font-family="Arial, sans-serif" '
            f'font-size="13" fill="{DARK}">{escape(_number(value))}</text>'
        )
    if chart.marker:
        x = LABEL_WIDTH + PLOT_WIDTH * chart.marker / top
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 20}" stroke="{GREY}" stroke-width="2" '
            'stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" font-family="Arial, sans-serif" '
            f'font-size="12" fill="{DARK}">{escape(chart.marker_label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (every text in it is escaped above)


def unit_of(unit: str, value: float) -> str:
    """The unit as a screen reader should say it after the number: "1 piece of advice", "2 pieces of advice"."""
    if value != 1:
        return unit
    words = unit.split(" ")
    for i, word in enumerate(words):
        if word.endswith("ies"):
            words[i] = word[:-3] + "y"
            break
        if word.endswith("s"):
            words[i] = word[:-1]
            break
    return " ".join(words)


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _short(label: str, size: int = 38) -> str:
    return label if len(label) <= size else label[: size - 1] + "…"
