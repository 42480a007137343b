"""Page benchmark (issue 19, not a test): every page of bench/pages/pages.py on the national world,
served in production mode, each as a ratio to the trivial page measured in the same run.

    .venv/bin/python bench/pages/run.py                       # the national world on PostgreSQL
    .venv/bin/python bench/pages/run.py --pages 'panels|members' --requests 10   # a quick look
    .venv/bin/python bench/pages/run.py --database postgresql://postgres@127.0.0.1:5432/mine --keep
    .venv/bin/python bench/pages/run.py --sqlite              # the demo-scale world on SQLite

The world: a copy of the PostgreSQL database `senate_national` (CREATE DATABASE … TEMPLATE, seconds)
when it holds a built world, else a new database built with `senate demo --scale national`; or the
database given with --database (migrated, used as it is, never dropped); or with --sqlite a SQLite
file with `senate demo --scale demo`. Senate then runs as tools/production_run.sh has it (granian,
2 workers, DEBUG off, the worker, the SMTP sink; bench/_server.py) with SENATE_COUNT_QUERIES=1, so
each response says how many queries it took. Each role signs in once through the real form.

Per page: --requests (30) requests after 3 for warm-up, each after a request for the trivial page
(/accessibility/, signed in as the manager), so that the page and its trivial page are timed side by
side while the machine is as busy as it is then (a page that has taken 15 s stops there, with at least
3 timed; a request may take 60 s): median, p95, the ratio of the median to the median of the trivial
requests timed beside it, queries, size. Then the heaviest pages (front page, directory, request page)
under --clients (8) concurrent clients for --concurrent-seconds (10) each, each straight after the
trivial page the same way.

Targets (issue 19): every page median at most 3 times the trivial page and at most 300 ms, at most
30 queries (documents rendered on request, PDF and DOCX, are shown without a time target); a report
PDF already made under 100 ms; under 8 clients the heaviest pages hold at least half the trivial
page's throughput, with no errors. Prints a table; exits 1 when a page misses a target or fails.
"""

from __future__ import annotations

import argparse
import json
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _server import (  # noqa: E402 - bench/_server.py, shared with bench/load
    BIN,
    DEMO,
    ROOT,
    TRIVIAL,
    Browser,
    Stack,
    loadavg,
    percentile,
    sign_in,
    tail,
    vacuum,
)

SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
TEMPLATE = "senate_national"
WARM_UP = 3
MAX_REQUESTS = 200
PAGE_SECONDS = 15.0  # a page stops being asked for after this long (at least 3 timed requests)
REQUEST_SECONDS = 60.0
HEADER = "x-senate-queries"  # the response header of senate.core.middleware.QueryCountMiddleware
TIMED_KINDS = {"html", "csv", "atom", "text", "json", "file"}  # PDF and DOCX: shown, no time target
TARGET_RATIO, TARGET_MS, TARGET_QUERIES, TARGET_CACHED_MS, TARGET_THROUGHPUT = 3.0, 300.0, 30, 100.0, 0.5
NATIONAL = [
    ("migrate", ["migrate", "--verbosity", "0"]),
    ("demo", ["demo", "--scale", "national"]),
    ("collectstatic", ["collectstatic", "--noinput", "--verbosity", "0"]),
]
MIGRATE_ONLY = [NATIONAL[0], NATIONAL[2]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="", help="only the pages whose label (name, role) matches this regex")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (after 3 to warm up)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients for the heaviest pages")
    parser.add_argument("--concurrent-seconds", type=float, default=10, help="per page, under --clients")
    parser.add_argument("--database", default="", help="a loopback PostgreSQL database holding a built world")
    parser.add_argument("--keep", action="store_true", help="keep the database made (prints its URL)")
    parser.add_argument("--sqlite", action="store_true", help="the demo-scale world on SQLite instead")
    parser.add_argument("--server", default=SERVER, help="the loopback PostgreSQL server to make the database on")
    args = parser.parse_args(argv)
    requests = max(1, min(args.requests, MAX_REQUESTS))
    for url in filter(None, [args.database, args.server]):
        if urllib.parse.urlsplit(url).hostname not in {"127.0.0.1", "localhost"}:
            parser.error("PostgreSQL must be on loopback (127.0.0.1)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print(f"Machine: load average {loadavg()} before the run", flush=True)
    with tempfile.TemporaryDirectory(prefix="senate-bench-pages-") as scratch:
        run_dir = Path(scratch) / "run"
        if args.sqlite:
            stack = Stack(run_dir, f"sqlite:///{Path(scratch) / 'senate.sqlite3'}")
            return measure(stack, DEMO, args, requests, "the demo-scale world on SQLite")
        if args.database:
            stack = Stack(run_dir, args.database)
            return measure(stack, MIGRATE_ONLY, args, requests, f"the world in {args.database}")
        if not _reachable(args.server):
            print(f"PostgreSQL is not reachable at {args.server}: skipped (--sqlite measures the demo-scale world)")
            return 0
        return _on_a_new_database(run_dir, args, requests)


def _reachable(server: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(server, connect_timeout=5):
            return True
    except psycopg.Error:
        return False


def _on_a_new_database(run_dir: Path, args: argparse.Namespace, requests: int) -> int:
    import psycopg
    from psycopg import sql

    name = f"senate_bench_pages_{secrets.token_hex(4)}"
    url = urllib.parse.urlunsplit(urllib.parse.urlsplit(args.server)._replace(path=f"/{name}", query=""))
    with psycopg.connect(args.server, autocommit=True) as admin:
        built = _template_is_built(args.server)
        if built:
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(*map(sql.Identifier, (name, TEMPLATE))))
        else:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    how = f"a copy of {TEMPLATE}" if built else f"built with senate demo --scale national ({TEMPLATE} is not built)"
    print(f"Database {name}: {how}", flush=True)
    try:
        stack = Stack(run_dir, url)
        return measure(stack, MIGRATE_ONLY if built else NATIONAL, args, requests, "the national world on PostgreSQL")
    finally:
        if args.keep:
            print(f"Kept the database: --database {url}")
        else:
            with psycopg.connect(args.server, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            print(f"Dropped {name}")


def _template_is_built(server: str) -> bool:
    import psycopg

    url = urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path=f"/{TEMPLATE}", query=""))
    try:
        with psycopg.connect(url, autocommit=True) as connection:
            row = connection.execute("SELECT count(*) FROM members_memberprofile").fetchone()
    except psycopg.Error:
        return False
    return bool(row and row[0] >= 5000)


def measure(stack: Stack, commands: list, args: argparse.Namespace, requests: int, world: str) -> int:
    stack.env["SENATE_COUNT_QUERIES"] = "1"
    try:
        stack.prepare(commands)
        if stack.env["DATABASE_URL"].startswith("postgres"):
            vacuum(stack.env["DATABASE_URL"])
        pages = _addresses(stack, args.pages)
        stack.start()
        _wait_for_the_worker(stack)
        browsers = _sign_in_roles(stack.port, sorted({p["role"] for p in pages} | {"manager"}))
        print(f"\n=== {world}: {len(pages)} pages, {requests} requests each after {WARM_UP} to warm up", flush=True)
        rows = [_measure_page(browsers, page, requests) for page in pages]
        missed = _report(rows)
        missed += _concurrency(stack.port, browsers, pages, args.clients, args.concurrent_seconds)
        logged = stack.log_errors()
        if logged["tracebacks"]:
            print(f"The web log holds {logged['tracebacks']} tracebacks; its end:\n{tail(stack.run_dir / 'web.log')}")
            missed += 1
        print(f"\n{'PASS' if not missed else 'FAIL'}: {missed} targets missed or pages failed ({world})")
        return 1 if missed else 0
    finally:
        stack.stop()


BACKLOG = """
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
import django
django.setup()
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.ready().count())
"""


def _wait_for_the_worker(stack: Stack, limit: float = 600.0) -> None:
    """A world just built carries the background work of building it (its emails, evidence text and
    report PDFs: hundreds of tasks), which a Senate in service would have done long before; measuring
    while the worker does it would time the backlog, not the pages. Wait until no task is due."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        done = subprocess.run(
            [str(BIN / "python"), "-c", BACKLOG], cwd=ROOT, env=stack.env, capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(f"could not count the worker's queued tasks:\n{done.stderr[-3000:]}")
        if int(done.stdout.strip().splitlines()[-1]) == 0:
            print(f"  the worker did the world's queued tasks: {time.monotonic() - started:.0f} s", flush=True)
            return
        time.sleep(3)
    print(f"  the worker still had tasks due after {limit:.0f} s: measuring anyway", flush=True)


def _addresses(stack: Stack, pattern: str) -> list[dict]:
    """Every page's address in this world, found by bench/pages/pages.py inside Django."""
    done = subprocess.run(
        [str(BIN / "python"), str(Path(__file__).with_name("pages.py")), pattern],
        cwd=ROOT,
        env=stack.env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"could not find the pages' addresses:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _sign_in_roles(port: int, roles: list[str]) -> dict[str, Browser]:
    browsers = {}
    for role in roles:
        browsers[role] = Browser(port)
        browsers[role].timeout = REQUEST_SECONDS
        if role != "anonymous":
            sign_in(browsers[role], role)
    return browsers


def _timed(browser: Browser, url: str, requests: int, trivial: Browser) -> tuple[list[dict], list[dict]]:
    """`requests` timed requests after WARM_UP, each after one for the trivial page (the machine is
    shared and its speed drifts over minutes: only a page and its trivial page timed side by side
    compare); a page that has taken PAGE_SECONDS stops early (at least 3 timed), so one very slow page
    does not hold up the rest. The page's samples and the trivial page's."""
    started = time.monotonic()
    for _ in range(WARM_UP):
        _get(trivial, TRIVIAL)
        if _get(browser, url)["ms"] > 1000:  # a slow page is warm after one
            break
    samples: list[dict] = []
    beside: list[dict] = []
    while len(samples) < requests and (len(samples) < 3 or time.monotonic() - started < PAGE_SECONDS):
        beside.append(_get(trivial, TRIVIAL))
        samples.append(_get(browser, url))
    return samples, beside


def _get(browser: Browser, url: str) -> dict:
    started = time.perf_counter()
    try:
        reply = browser.request("GET", url)
    except OSError as error:  # a time-out or a dropped connection: counted, the next request reconnects
        return {
            "ms": (time.perf_counter() - started) * 1000,
            "status": 0,
            "bytes": 0,
            "queries": -1,
            "error": str(error),
        }
    elapsed = (time.perf_counter() - started) * 1000
    queries = reply.headers.get(HEADER)
    return {"ms": elapsed, "status": reply.status, "bytes": len(reply.body), "queries": int(queries or -1)}


def _measure_page(browsers: dict[str, Browser], page: dict, requests: int) -> dict:
    if not page["url"]:
        print(f"  {page['label']}: not measured ({page['problem']})", flush=True)
        return {**page, "samples": []}
    samples, trivial = _timed(browsers[page["role"]], page["url"], requests, browsers["manager"])
    median, beside = (statistics.median(s["ms"] for s in got) for got in (samples, trivial))
    print(f"  {page['label']}: {median:.0f} ms (trivial page beside it {beside:.1f} ms)", flush=True)
    return {**page, "samples": samples, "trivial": trivial}


def _report(rows: list[dict]) -> int:
    trivial = [s for row in rows for s in row.get("trivial", [])]
    if trivial:
        low, high = (
            f(statistics.median(s["ms"] for s in row["trivial"]) for row in rows if row.get("trivial"))
            for f in (min, max)
        )
        print(
            f"\nTrivial page {TRIVIAL} (manager), all its requests: median {statistics.median(s['ms'] for s in trivial):.1f} ms,"
            f" p95 {_p95(trivial):.1f} ms; beside one page: {low:.1f}–{high:.1f} ms"
        )
    print("\n| page (role) | n | median ms | p95 ms | trivial beside it, ms | × trivial | queries | KB | verdict |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    missed = 0
    for row in rows:
        samples = row["samples"]
        if not samples:
            print(f"| {row['label']} | 0 | | | | | | | FAIL: {row['problem']} |")
            missed += 1
            continue
        median = statistics.median(s["ms"] for s in samples)
        trivial_ms = statistics.median(s["ms"] for s in row["trivial"])
        ratio = median / trivial_ms
        queries = max(s["queries"] for s in samples)
        size = statistics.median(s["bytes"] for s in samples) / 1024
        problems = _problems(row, samples, median, ratio, queries)
        missed += bool(problems)
        verdict = "FAIL: " + "; ".join(problems) if problems else "ok"
        print(
            f"| {row['label']} | {len(samples)} | {median:.0f} | {_p95(samples):.0f} | {trivial_ms:.1f} | {ratio:.1f}"
            f" | {queries} | {size:.0f}"
            f" | {verdict} |"
        )
    return missed


def _problems(row: dict, samples: list[dict], median: float, ratio: float, queries: int) -> list[str]:
    problems = []
    statuses = {s["status"] for s in samples}
    if statuses != {200}:
        problems.append(f"HTTP {','.join(map(str, sorted(statuses)))}")
    kind = row.get("kind", "html")
    if row.get("cached"):
        if median >= TARGET_CACHED_MS:
            problems.append(f"over {TARGET_CACHED_MS:.0f} ms kept once made")
    elif kind in TIMED_KINDS:
        if ratio > TARGET_RATIO:
            problems.append(f"over {TARGET_RATIO:g}× trivial")
        if median > TARGET_MS:
            problems.append(f"over {TARGET_MS:.0f} ms")
    if queries > TARGET_QUERIES:
        problems.append(f"over {TARGET_QUERIES} queries")
    return problems


def _p95(samples: list[dict]) -> float:
    return percentile([s["ms"] for s in samples], 0.95)


def _concurrency(port: int, browsers: dict[str, Browser], pages: list[dict], clients: int, seconds: float) -> int:
    heavy = [p for p in pages if p.get("heavy") and p["url"]]
    if not heavy or clients < 1 or seconds <= 0:
        return 0
    print(
        f"\nUnder {clients} concurrent clients, {seconds:g} s each (requests a second; the trivial page just before each):"
    )
    print("| page (role) | req/s | trivial page just before, req/s | × trivial | errors | verdict |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    missed = 0
    for page in heavy:
        trivial_rate, trivial_errors = _throughput(port, browsers["manager"], TRIVIAL, clients, seconds)
        rate, errors = _throughput(port, browsers[page["role"]], page["url"], clients, seconds)
        errors += trivial_errors
        ratio = rate / trivial_rate if trivial_rate else 0.0
        fails = ratio < TARGET_THROUGHPUT or errors
        missed += bool(fails)
        verdict = f"FAIL: below {TARGET_THROUGHPUT:g}× trivial or errors" if fails else "ok"
        print(f"| {page['label']} | {rate:.1f} | {trivial_rate:.1f} | {ratio:.2f} | {errors} | {verdict} |")
    return missed


def _throughput(port: int, signed_in: Browser, url: str, clients: int, seconds: float) -> tuple[float, int]:
    """Requests a second and errors with `clients` browsers sharing the signed-in session, each on its
    own keep-alive connection, for `seconds`."""
    counts, errors = [0] * clients, [0] * clients
    go = threading.Event()

    def loop(index: int) -> None:
        browser = Browser(port)
        browser.timeout = REQUEST_SECONDS
        browser.cookies = dict(signed_in.cookies)
        go.wait()
        while time.monotonic() < deadline:
            try:
                reply = browser.request("GET", url)
                ok = reply.status == 200
            except Exception:  # noqa: BLE001 - every failure is counted
                ok = False
            counts[index] += ok
            errors[index] += not ok
        browser.close()

    threads = [threading.Thread(target=loop, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    deadline = time.monotonic() + seconds
    go.set()
    for t in threads:
        t.join(timeout=seconds + 30)
    return sum(counts) / (time.perf_counter() - started), sum(errors)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted: everything started was stopped.")
        sys.exit(130)
