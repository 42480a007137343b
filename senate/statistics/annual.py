"""The Senate's annual report, and the national summary gathering every Senate: composed as the
reports app's plain document (sections of paragraphs, tables and our SVG charts), so it renders to PDF
and DOCX by the same code as a review report. Its figures are the dashboard's tables, those of the work
programme and participation included (requester feedback, development, involvement payments and the
forward plan for the year after)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from senate.council.publication import public_requests, public_title
from senate.organisations.models import Senate
from senate.reports.document import Block, Document, Section, table
from senate.statistics import charts, queries
from senate.statistics.period import Year
from senate.statistics.tables import Table


def _blocks(t: Table) -> list[Block]:
    if not t.rows:
        return [Block("p", f"{t.title}: nothing to report this year.")]
    found = [table(t.title, t.headers, t.text_rows())]
    if t.chart is not None:
        found.append(Block("figure", text=t.title, caption=str(charts.bar_chart(t))))
    if t.note:
        found.append(Block("note", t.note))
    return found


def _advice(senate: Senate, year: Year, today: dt.date, measured: list) -> list[Block]:
    """One line per piece of advice issued in the year; the public page's address where it is published
    (under its public title), and only the requester and kind where it is not."""
    published = {r.pk: r for r in public_requests(senate, today=today)}
    lines = []
    for r, c in measured:
        kind = queries.KINDS.get(r.kind, r.kind)
        if r.pk in published:
            url = f"{settings.SITE_URL}/{senate.slug}/council/public/advice/{r.pk}/"
            lines.append(
                f"{r.reference}: {public_title(published[r.pk])}. {kind} for {r.requesting_organisation.name}, "
                f"issued {c.ended:%-d %B %Y}. Published at {url}"
            )
        else:
            lines.append(
                f"{r.reference}: {kind} for {r.requesting_organisation.name}, issued {c.ended:%-d %B %Y} "
                "(not published)."
            )
    if not lines:
        return [Block("p", "No advice was issued this year.")]
    return [
        Block("p", f"The Senate issued {len(lines)} piece{'s' if len(lines) != 1 else ''} of advice this year."),
        Block("list", items=tuple(lines)),
    ]


def senate_report(senate: Senate, year: Year, *, today: dt.date | None = None) -> Document:
    today = today or timezone.localdate()
    tables = {t.key: t for t in queries.dashboard(senate, year, today=today)}
    measured = queries.clocks(senate, year, today=today)
    parts = [
        ("membership", "Membership and coverage", ["coverage"]),
        (
            "requests",
            "Requests received",
            ["requests-by-quarter", "requests-by-requester", "requests-by-icb", "requests-over-time"],
        ),
        ("advice", "Advice issued", []),
        ("turnaround", "Turnaround", ["turnaround-summary", "turnaround-histogram", "turnaround-by-request"]),
        ("recommendations", "Recommendations and their uptake", ["recommendations"]),
        ("feedback", "Requester feedback and board decisions", ["requester-feedback", "board-decisions"]),
        ("participation", "Participation", ["participation-by-profession", "participation-by-member"]),
        ("development", "Development", ["development"]),
        ("declarations", "Declarations of interests", ["declarations"]),
        ("effort", "Effort", ["effort", "support-time"]),
        ("payments", "Involvement payments and expenses", ["involvement-payments"]),
        ("forward-plan", "Forward plan", ["forward-plan"]),
    ]
    sections = []
    for number, (key, title, keys) in enumerate(parts, start=1):
        blocks = _advice(senate, year, today, measured) if key == "advice" else []
        for k in keys:
            blocks += _blocks(tables[k])
        sections.append(Section(key, number, title, blocks))
    return _document(f"{senate.name}: annual report {year.label}", senate.name, year, today, sections)


def _document(title: str, who: str, year: Year, today: dt.date, sections: list[Section]) -> Document:
    return Document(
        kind_label="Annual report",
        title=title,
        senate_name=who,
        reference=f"Annual report {year.label}",
        requester="—",
        version_label=year.long_label,
        status_label="Figures to date" if today <= year.last_day else "Final figures",
        date_label=f"produced {today:%-d %B %Y}",
        classification="OFFICIAL",
        overall_opinion="—",
        sections=sections,
    )


NATIONAL = [
    ("requests", "Requests received"),
    ("advice", "Pieces of advice issued"),
    ("median", "Median turnaround (days)"),
    ("p90", "90th percentile turnaround (days)"),
    ("within", "Within target (%)"),
    ("members", "Current Council and Assembly members"),
    ("gaps", "Coverage gaps"),
    ("declared", "Declarations up to date (%)"),
]


def national_row(senate: Senate, year: Year, *, today: dt.date) -> list[str]:
    """One Senate's headline figures, from its dashboard's tables."""
    tables = {t.key: t for t in queries.dashboard(senate, year, today=today)}
    summary = {str(row[0]): row[1] for row in tables["turnaround-summary"].rows}
    target = senate.request_notice_days
    cov, dec = tables["coverage"].rows, tables["declarations"].rows
    total = sum(int(r[1]) for r in dec)
    up = int(dec[-1][1]) if dec else 0

    def figure(name: str) -> str:
        return f"{summary[name]:.0f}" if name in summary else "—"

    return [
        senate.name,
        str(sum(int(r[1]) for r in tables["requests-by-quarter"].rows)),
        str(len(tables["turnaround-by-request"].rows)),
        figure("Median (days)"),
        figure("90th percentile (days)"),
        figure(f"Share within the {target}-day target (%)"),
        str(sum(int(r[1]) for r in cov)),
        str(sum(int(r[3]) for r in cov)),
        f"{100 * up / total:.0f}" if total else "—",
    ]


def national_report(year: Year, *, today: dt.date | None = None) -> Document:
    today = today or timezone.localdate()
    senates = list(Senate.objects.current(today).order_by("name"))
    rows = [national_row(s, year, today=today) for s in senates]
    headers = ["Senate"] + [label for _, label in NATIONAL]
    summary = Section(
        "senates",
        1,
        "Every Senate side by side",
        [
            Block("p", f"The work of England's {len(senates)} Clinical Senates in {year.long_label}."),
            table(f"Clinical Senates in {year.label}", headers, rows),
            Block("note", queries.NOTE),
        ],
    )
    return _document(f"Clinical Senates in England: annual summary {year.label}", "NHS England", year, today, [summary])
