"""Time one page in process, without a server: where its milliseconds go (issue 19).

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/senate_mine \\
        .venv/bin/python bench/pages/time_page.py 'panels:candidates (manager)' [--requests 20] [--profile]

The page is found in `pages.PAGES` by its label (a regular expression; the first match). It signs in
as the page's role with Django's test client, warms up, then prints the median and the fastest time
of the requests, the queries of the last one (with their time, and with --sql the slowest ten), and
with --profile the functions that took most time (cProfile, cumulative). It runs with DEBUG off, the
production settings but for HTTPS, so the times compare with the benchmark's (but without the server).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", help="a regular expression matched against the page labels")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="print the 30 costliest functions")
    parser.add_argument("--sort", default="cumulative", help="with --profile: cumulative (default) or tottime")
    parser.add_argument("--lines", type=int, default=30, help="with --profile: how many functions to print")
    parser.add_argument("--sql", action="store_true", help="print the slowest ten queries")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("SECRET_KEY", "profile-only-not-secret-" + "x" * 40)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():  # the production static files' manifest
        call_command("collectstatic", interactive=False, verbosity=0)
    import pages as page_list
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from senate.accounts.models import User

    chosen = [page for page in page_list.PAGES if re.search(args.page, page.label)]
    if not chosen:
        print(f"no page matches {args.page!r}", file=sys.stderr)
        return 2
    page = chosen[0]
    url = page_list.url_of(page) + (f"?{page.query}" if page.query else "")
    client = Client()
    if page.role != "anonymous":
        client.force_login(User.objects.get(email=f"{page.role}{page_list.DEMO}"))
    print(f"{page.label}: {url}")
    for _ in range(3):
        response = client.get(url)
    if response.status_code != 200:
        print(f"answered {response.status_code}", file=sys.stderr)
        return 1
    times = []
    profiler = cProfile.Profile() if args.profile else None
    for _ in range(args.requests):
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        client.get(url)
        if profiler:
            profiler.disable()
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    sql_ms = sum(float(query["time"]) for query in captured.captured_queries) * 1000
    print(
        f"median {statistics.median(times):.1f} ms, fastest {min(times):.1f} ms over {len(times)}; "
        f"{len(captured.captured_queries)} queries taking {sql_ms:.1f} ms; {len(response.content) // 1024} KB"
    )
    if args.sql:
        for query in sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:10]:
            print(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}")
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
