"""Benchmark (not a test) of the register, coverage, API members and screening pages on the national
world in PostgreSQL, each as a ratio to a trivial page measured in the same run, with its queries.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/senate_copy_of_national \
        .venv/bin/python bench/interests/national_pages.py [--repeat 15] [--senate south-west]

Point DATABASE_URL at a copy of a world built with `senate demo --scale national` (never at a
database someone else is using: the screening request is created and kept). Pages are asked through
Django's test client in this process after one warm-up request each; the figure is the median of
`--repeat` requests. The readings kept until the next act (`senate.core.cache`) stay warm between
requests, as in a web process, except where the page is asked "cold" (the cache cleared first).
Targets (issue 19): every HTML page at most 3 times the trivial page and 300 ms, at most 30 queries.
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
os.environ.setdefault("SENATE_TESTING", "1")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--senate", default="south-west")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a copy of the national world on PostgreSQL.")
        return 2
    import django

    django.setup()
    return _measure(args.senate, args.repeat)


def _measure(slug: str, repeat: int) -> int:
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from senate.accounts.models import ApiToken, Role, RoleAssignment
    from senate.organisations.models import Senate

    settings.ALLOWED_HOSTS = ["*"]
    senate = Senate.objects.get(slug=slug)
    manager = RoleAssignment.objects.filter(senate=senate, role=Role.MANAGER).order_by("user__email").first().user
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(manager)
    _, token = ApiToken.issue(manager, name="national-pages benchmark")
    request = _screening_request(senate)
    pages = [
        ("trivial page (accessibility)", anonymous, "/accessibility/", {}, False),
        ("public register", anonymous, f"/{slug}/interests/register/", {}, False),
        ("public register, cold", anonymous, f"/{slug}/interests/register/", {}, True),
        ("public register, page 5", anonymous, f"/{slug}/interests/register/?page=5", {}, False),
        ("register CSV", anonymous, f"/{slug}/interests/register.csv", {}, False),
        ("register CSV, cold", anonymous, f"/{slug}/interests/register.csv", {}, True),
        ("coverage (manager)", signed_in, f"/{slug}/members/coverage/", {}, False),
        ("coverage, cold", signed_in, f"/{slug}/members/coverage/", {}, True),
        ("API members (manager)", anonymous, f"/api/v1/senates/{slug}/members", _bearer(token), False),
        ("screening (manager)", signed_in, f"/{slug}/interests/requests/{request.pk}/screening/", {}, False),
    ]
    trivial = None
    failed = False
    print(f"{'page':34} {'median':>8} {'x trivial':>9} {'queries':>8} {'bytes':>9}")
    for label, client, url, headers, cold in pages:
        client.get(url, secure=True, headers=headers)  # warm up: templates compiled, readings kept
        times = []
        for _ in range(repeat):
            if cold:
                cache.clear()
            started = time.perf_counter()
            response = client.get(url, secure=True, headers=headers)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (label, response.status_code)
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as seen:
            response = client.get(url, secure=True, headers=headers)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        median = statistics.median(times)
        trivial = trivial or median
        ratio = median / trivial
        html = response["Content-Type"].startswith("text/html")
        miss = html and not cold and (ratio > 3 or median > 0.3 or len(seen.captured_queries) > 30)
        failed = failed or miss
        print(
            f"{label:34} {median * 1000:6.0f}ms {ratio:9.1f} {len(seen.captured_queries):8} {len(body):9,}"
            + ("  MISSES TARGET" if miss else "")
        )
    return 1 if failed else 0


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _screening_request(senate):
    """The benchmark's request (bench/interests/run.py's demanding case), made once and reused."""
    from django.apps import apps

    request_model = apps.get_model("reviews", "Request")
    found = request_model.objects.filter(senate=senate, title__startswith="Benchmark:").first()
    if found:
        return found
    from bench.interests.run import _request

    return _request()


if __name__ == "__main__":
    sys.exit(main())
