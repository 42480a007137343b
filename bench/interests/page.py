"""Benchmark of the conflict screening page (not a test): the page a Senate manager works through,
in the national demo world, with its number of database queries.

    .venv/bin/python bench/interests/page.py [--seed N] [--keep PATH]

Builds (or, with --keep, reuses) the national world as bench/interests/run.py does, makes the same
demanding request (contentious, from Devon ICB, affecting every organisation of its area), and asks
for the South West's screening page as its manager: unfiltered, filtered, and after recording one
decision for twenty members at once. Prints the queries and the time of each. The page's queries do
not grow with the members flagged (tests/test_query_counts.py proves it on a small world).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.interests.run import _build_world, _request, _setup_django  # noqa: E402

# Render pages as the tests do (static files found without a collected manifest, no HTTPS redirect).
os.environ.setdefault("SENATE_TESTING", "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--keep", help="build (or reuse) the world in this SQLite file instead of a temporary one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(args.keep) if args.keep else Path(scratch) / "bench.sqlite3"
        _setup_django(path)
        _build_world(path, args.seed)
        print(_measure())
    return 0


def _measure() -> str:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from senate.accounts.models import Role, RoleAssignment

    settings.ALLOWED_HOSTS = ["*"]
    request = _request()
    manager = RoleAssignment.objects.filter(senate=request.senate, role=Role.MANAGER).order_by("user__email").first()
    client = Client()
    client.force_login(manager.user)
    url = f"/south-west/interests/requests/{request.pk}/screening/"
    client.get(url, secure=True)  # warm up: templates compiled, caches filled
    lines = []
    for label, query in [("unfiltered", ""), ("high, undecided", "?severity=high&status=open")]:
        lines.append(_one(client, url + query, label, CaptureQueriesContext, connection))
    page = client.get(url + "?severity=medium", secure=True).content.decode()
    chosen = re.findall(r'name="members"[^>]*value="(\d+)"', page)[:20]
    started = time.perf_counter()
    response = client.post(url, {"members": chosen, "outcome": "exclude", "rationale": "Benchmark"}, secure=True)
    lines.append(
        f"one decision for {len(chosen)} members: {response.status_code}, {time.perf_counter() - started:.2f} s"
    )
    lines.append(_one(client, url, "after deciding", CaptureQueriesContext, connection))
    return "\n".join(lines)


def _one(client, url, label, capture, connection) -> str:
    started = time.perf_counter()
    with capture(connection) as seen:
        response = client.get(url, secure=True)
    took = time.perf_counter() - started
    flagged = re.search(r"<strong>([\d,]+)</strong> of ([\d,]+) current members", response.content.decode())
    found = f"{flagged.group(1)} of {flagged.group(2)} flagged" if flagged else "count not found"
    return f"{label}: {response.status_code}, {len(seen.captured_queries)} queries, {took:.2f} s ({found})"


if __name__ == "__main__":
    sys.exit(main())
