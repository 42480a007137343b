"""Benchmark of report rendering (not a test): a 40-page report to PDF (WeasyPrint) and DOCX.

    .venv/bin/python bench/reports/run.py [--pages 40]

Composes a synthetic report in the shape senate.reports.compose makes (document control, the request,
findings on twelve criteria, thirty recommendations, a panel of fifteen with declarations, an evidence
list, glossary), grown until the PDF has at least the pages asked for, then times the PDF and the DOCX.
Target: both together under 10 seconds on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 10.0
PARAGRAPH = (
    "The panel read the pre-consultation business case and its appendices, visited both sites and heard from "
    "clinicians, managers and patient representatives. The evidence is consistent with national guidance and "
    "with the experience of comparable systems, and the panel's reservations are set out in the recommendations."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args(argv)
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    import django

    django.setup()
    from senate.reports import rendering

    depth = 6
    while True:
        doc = _document(depth)
        started, cpu = time.perf_counter(), time.process_time()
        pdf, pages = rendering.pdf_pages(doc)
        pdf_seconds, pdf_cpu = time.perf_counter() - started, time.process_time() - cpu
        if pages >= args.pages:
            break
        depth = int(depth * args.pages / max(pages, 1)) + 1
    started, cpu = time.perf_counter(), time.process_time()
    word = rendering.to_docx(doc)
    docx_seconds, docx_cpu = time.perf_counter() - started, time.process_time() - cpu
    total = pdf_seconds + docx_seconds
    verdict = "within" if total < TARGET_SECONDS else "OVER"
    print(
        f"report of {pages} pages: PDF {pdf_seconds:.2f} s ({len(pdf) // 1024} KB), DOCX {docx_seconds:.2f} s "
        f"({len(word) // 1024} KB), together {total:.2f} s ({verdict} the {TARGET_SECONDS:.0f} s target); "
        f"CPU time {pdf_cpu + docx_cpu:.2f} s (wall time grows when other work shares the machine)"
    )
    return 0


def _document(depth: int):  # type: ignore[no-untyped-def]
    from senate.reports.document import Block, Document, Section, table

    text = [Block("p", PARAGRAPH) for _ in range(depth)]
    findings: list[Block] = [
        table(
            "Judgements",
            ["Criterion", "Judgement", "Strength"],
            [[f"Criterion {n}", "Supported", "Strong"] for n in range(12)],
        )
    ]
    for n in range(12):
        findings += [Block("h3", f"Criterion {n + 1}"), Block("note", "Judgement: supported with conditions."), *text]
    recs = [[str(n), "Workforce", PARAGRAPH[:160], "NHS Devon ICB", "High"] for n in range(1, 31)]
    panel = [
        [f"Dr Member {n}", "Clinical member", "Assembly: recruited", "Employed by a trust outside the area"]
        for n in range(15)
    ]
    evidence = [[str(n), f"Evidence item {n}", "Clinical evidence", "Requester", "Official"] for n in range(1, 41)]
    sections = [
        Section("document_control", 1, "Document control", [table("Versions", ["Version", "Date", "By", "Changes"], [["v1", "1 May 2027", "S. Pennington", "First draft"]] * 4)]),
        Section("foreword", 2, "Foreword", text[:3]),
        Section("summary", 3, "Summary in plain English", text),
        Section("recommendations", 4, "Summary of recommendations", [table("Recommendations", ["No.", "Theme", "Recommendation", "For", "Priority"], recs, [1, 2, 7, 3, 2])]),
        Section("background", 5, "Background", text),
        Section("scope", 6, "Scope and limitations", text),
        Section("method", 7, "Method", text),
        Section("findings", 8, "Findings against each criterion", findings),
        Section("conclusions", 9, "Conclusions", text),
        Section("panel", 10, "The panel", [table("Panel", ["Member", "Panel role", "Senate role", "Declarations"], panel)]),
        Section("evidence", 11, "The evidence considered", [table("Evidence", ["No.", "Title", "Kind", "Supplied by", "Classification"], evidence)]),
        Section("glossary", 12, "Glossary", [Block("list", items=tuple(f"Term {n}: its meaning" for n in range(20)))]),
    ]  # fmt: skip
    return Document(
        kind_label="Clinical review report", title="Future of acute stroke services in Devon",
        senate_name="South West Clinical Senate", reference="SW-2027-001", requester="NHS Devon Integrated Care Board",
        version_label="Version 3", status_label="Final", date_label="1 June 2027", classification="OFFICIAL",
        overall_opinion="Supported with conditions", sections=sections,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
