"""Benchmark of the manager's panel pages (not a test) on a world already built, usually a copy of the
national world on PostgreSQL (issue 19):

    createdb -h 127.0.0.1 -U postgres -T senate_national senate_bench_nat
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/senate_bench_nat .venv/bin/python bench/panels/pages.py

Signs in (in process, Django's test client) as a manager of the Senate of the open request with a panel
specification and the largest pool, and asks for the trivial page (`/accessibility/`), the panel page,
the candidates page (unfiltered, filtered to those who may be invited, searched by name, sorted by
load, a later page) and the latest optimiser run page, `--repeat` times each after one warm-up. Prints,
per page, the median and 95th percentile in ms, the ratio of the median to the trivial page's, the
queries and the size of the HTML. Targets: candidates under 300 ms; every page at most 30 queries.
It runs an optimiser run first when the request has none (`--no-run` to skip it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CANDIDATES_MS, MAX_QUERIES = 300.0, 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--no-run", action="store_true", help="do not run the optimiser if no run exists")
    args = parser.parse_args(argv)
    os.environ.setdefault("SENATE_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    import django

    django.setup()
    rows = _measure(args.repeat, run=not args.no_run)
    print(_table(rows))
    candidates = [r for r in rows if r["label"].startswith("candidates")]
    ok = all(r["median"] < CANDIDATES_MS for r in candidates) and all(r["queries"] <= MAX_QUERIES for r in rows)
    print(
        f"\nTargets: candidates median under {CANDIDATES_MS:.0f} ms, at most {MAX_QUERIES} queries a page: "
        f"{'met' if ok else 'MISSED'}. CPU: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}."
    )
    return 0 if ok else 1


def _measure(repeat: int, *, run: bool) -> list[dict]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from senate.accounts.models import Role, RoleAssignment
    from senate.panels import runs
    from senate.panels.candidates import pool
    from senate.panels.models import OptimiserRun
    from senate.reviews.joint import partner_senate_ids
    from senate.reviews.models import Request
    from senate.reviews.stages import FINISHED

    settings.ALLOWED_HOSTS = ["*"]
    today = time.localtime()
    import datetime as dt

    on = dt.date(today.tm_year, today.tm_mon, today.tm_mday)
    open_ = Request.objects.filter(panel_spec__isnull=False).exclude(stage__in=FINISHED).select_related("senate")
    request = max(open_, key=lambda r: pool(r.senate, on=on, partners=partner_senate_ids(r)).count())
    senate = request.senate
    manager = RoleAssignment.objects.filter(senate=senate, role=Role.MANAGER).order_by("user__email").first()
    made = OptimiserRun.objects.filter(requests=request).first()
    if made is None and run:
        made = runs.run_optimiser(senate, [request], by=manager.user)
    client = Client()
    client.force_login(manager.user)
    base = f"/{senate.slug}/panels/requests/{request.pk}/"
    pages = [
        ("trivial page", "/accessibility/"),
        ("panel page", base),
        ("candidates", base + "candidates/"),
        ("candidates, may be invited", base + "candidates/?show=eligible"),
        ("candidates, searched", base + "candidates/?q=a"),
        ("candidates, by load, page 3", base + "candidates/?sort=load&page=3"),
    ]
    if made is not None:
        pages.append(("optimiser run", f"/{senate.slug}/panels/runs/{made.pk}/"))
    rows = []
    for label, url in pages:
        response = client.get(url, secure=True)  # warm-up
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as seen:
                response = client.get(url, secure=True)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        rows.append(
            {
                "label": label,
                "url": url,
                "median": statistics.median(times),
                "p95": times[min(len(times) - 1, int(0.95 * len(times)))],
                "queries": len(seen.captured_queries),
                "kb": len(response.content) / 1024,
            }
        )
    trivial = rows[0]["median"]
    for row in rows:
        row["ratio"] = row["median"] / trivial
    print(
        f"{senate.name}, request {request.pk}: {pool(senate, on=on, partners=partner_senate_ids(request)).count()} "
        f"members in the pool, {connection.vendor}, {repeat} requests a page after one warm-up.\n"
    )
    return rows


def _table(rows: list[dict]) -> str:
    lines = ["| page | median ms | p95 ms | × trivial | queries | HTML KB |", "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['label']} | {r['median']:.0f} | {r['p95']:.0f} | {r['ratio']:.1f} | {r['queries']} | {r['kb']:.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
