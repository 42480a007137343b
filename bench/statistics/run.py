"""Benchmark of the dashboards and the annual report (not a test), on the national world.

    BENCH_DATABASE_URL=postgresql://... .venv/bin/python bench/statistics/run.py   # PostgreSQL (the target)
    .venv/bin/python bench/statistics/run.py --keep var/bench-national     # SQLite: build once (minutes), then reuse
    .venv/bin/python bench/statistics/run.py --scale demo                  # quicker, in a temporary folder

Migrates the database (a SQLite file in the folder unless BENCH_DATABASE_URL names one; never
var/senate.sqlite3), builds the world once (reused when the database already holds one), then renders
each dashboard page (the South West dashboard as its Chair, this year and last; the national dashboard
as NHS England's national team) 15 times with every kept reading cleared before each render, as after
someone acts, so every figure is worked out again: median and 95th percentile wall time, CPU time and
queries per render, against a trivial page rendered the same way in the same run. Then the same
renders with readings kept, and the South West annual report and the national summary as PDF.
Targets: every dashboard page under 300 ms median uncached; annual report under 10 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DASHBOARD_MS, REPORT_S, RENDERS = 300.0, 10.0, 15


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="national", choices=["national", "demo", "tiny"])
    parser.add_argument("--keep", help="build (or reuse) the world in this folder instead of a temporary one")
    parser.add_argument("--renders", type=int, default=RENDERS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        _setup_django(folder)
        built = _build(args.scale)
        pages, size = _pages(args.renders)
        report, national = _reports()
    print(f"World ({args.scale}, {_engine()}) {f'built in {built:.0f} s' if built else 'reused'}; {size}.")
    print(
        f"{'Page':<44} {'readings':<9} {'median ms':>9} {'p95 ms':>8} {'CPU ms':>7} {'SQL ms':>7} {'queries':>7} "
        f"{'x trivial':>9}"
    )
    ok = True
    trivial = next(median for name, kept, median, *_ in pages if name == "trivial page" and not kept)
    for name, kept, median, p95, cpu, sql, queries in pages:
        ratio = median / trivial if trivial else 0.0
        print(
            f"{name:<44} {'kept' if kept else 'cleared':<9} {median:>9.0f} {p95:>8.0f} {cpu:>7.0f} {sql:>7.0f} "
            f"{queries:>7} {ratio:>9.1f}"
        )
        if name != "trivial page" and not kept:
            ok = ok and median < DASHBOARD_MS
    print(
        f"Target: every dashboard page under {DASHBOARD_MS:.0f} ms median with readings cleared: {'met' if ok else 'MISSED'}."
    )
    print(
        f"Annual report PDF (South West): {report:.2f} s; national summary PDF: {national:.2f} s. "
        f"Target under {REPORT_S:.0f} s: {'met' if report < REPORT_S else 'MISSED'}."
    )
    return 0 if ok and report < REPORT_S else 1


def _engine() -> str:
    from django.db import connection

    return connection.vendor


def _setup_django(folder: Path) -> None:
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ.setdefault("SENATE_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)


def _build(scale: str) -> float:
    from django.core.management import call_command

    from senate.reviews.models import Request

    call_command("migrate", verbosity=0)
    if Request.objects.exists():
        return 0.0
    from senate.demo import world

    started = time.perf_counter()
    world.build(scale=scale, seed=7)
    return time.perf_counter() - started


def _pages(renders: int) -> tuple[list[tuple[str, bool, float, float, float, float, int]], str]:
    """(page, readings kept?, median ms, p95 ms, median CPU ms, median ms waiting on the database, queries)
    for each page, uncached then kept."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from senate.accounts.models import User
    from senate.members.models import Membership
    from senate.reviews.models import Request
    from senate.statistics.period import year_of

    settings.ALLOWED_HOSTS = ["*"]
    last_year = year_of(__import__("datetime").date.today()).start_year - 1
    chair, national = Client(), Client()
    chair.force_login(User.objects.get(email="chair@demo.senate.example"))
    national.force_login(User.objects.get(email="national@demo.senate.example"))
    pages = [
        ("trivial page", chair, "/south-west/statistics/annual-report/"),
        ("Senate dashboard, this year", chair, "/south-west/statistics/"),
        (f"Senate dashboard, {last_year}", chair, f"/south-west/statistics/?year={last_year}"),
        ("National dashboard, this year", national, "/national/dashboard/"),
        (f"National dashboard, {last_year}", national, f"/national/dashboard/?year={last_year}"),
    ]
    for _, client, url in pages:  # warm: templates, fonts, sessions
        assert client.get(url).status_code == 200, url
    found = []
    for kept in (False, True):
        for name, client, url in pages:
            times: list[float] = []
            cpus: list[float] = []
            sqls: list[float] = []
            for _ in range(renders):
                if not kept:
                    cache.clear()  # as after an act: every figure worked out again
                with CaptureQueriesContext(connection) as seen:
                    started, cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    times.append(1000 * (time.perf_counter() - started))
                    cpus.append(1000 * (time.process_time() - cpu))
                assert response.status_code == 200
                sqls.append(1000 * sum(float(q["time"]) for q in seen.captured_queries))
            p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
            found.append(
                (
                    name,
                    kept,
                    statistics.median(times),
                    p95,
                    statistics.median(cpus),
                    statistics.median(sqls),
                    len(seen.captured_queries),
                )
            )
    size = f"{Request.objects.count():,} requests, {Membership.objects.count():,} memberships"
    return found, size


def _reports() -> tuple[float, float]:
    from django.core.cache import cache

    from senate.organisations.models import Senate
    from senate.reports.rendering import pdf_pages
    from senate.statistics import annual
    from senate.statistics.period import year_of

    year = year_of(__import__("datetime").date.today())
    cache.clear()
    started, cpu = time.perf_counter(), time.process_time()
    pdf_pages(annual.senate_report(Senate.objects.get(slug="south-west"), year))
    report = time.perf_counter() - started
    print(f"(annual report: {time.process_time() - cpu:.2f} s of CPU)")
    cache.clear()
    started, cpu = time.perf_counter(), time.process_time()
    pdf_pages(annual.national_report(year))
    print(f"(national summary: {time.process_time() - cpu:.2f} s of CPU)")
    return report, time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
