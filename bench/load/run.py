"""Load benchmark (not a test): many signed-in people at once against Senate in production mode.

    .venv/bin/python bench/load/run.py [--users 50] [--seconds 60] [--trivial-seconds 15]
                                       [--writers 20] [--sqlite-seconds 20] [--part all|postgres|sqlite]
                                       [--conn-max-age 60] [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Part 1, PostgreSQL: makes a fresh database on the local server (127.0.0.1:5432, user postgres),
migrates it and builds the demo Senate with DEBUG off, vacuums and analyses it (as autovacuum would
have in service, so it does not run during the measurement), collects the static files and starts granian
(2 workers), the background worker and the SMTP sink exactly as tools/production_run.sh does. Each of
--users virtual people signs in once through the real sign-in form as one of the demo accounts
(manager, chair, council, assembly, requester, assurance; several share an account), then loops over
the main pages their role can open for --seconds; the pages are found by following the header and the
lists as a person would, and any that does not answer 200 for the role is dropped and reported. Then
the same people ask for the trivial page (/accessibility/: the NHS layout, signed in, reading nothing
else) for --trivial-seconds, and then the bare view /health/ (no template) for a third of that, for
comparison.

Part 2, SQLite: the same stack on a SQLite file (WAL), with --writers people saving forms through
the web for --sqlite-seconds: members their profile (/profile/change/), requesters a draft request.

Loopback only. Bounds whatever the flags: at most 200 users and 50 writers, 480 + 60 + 60 s of load,
200,000 requests, 10 s per request. Everything started is stopped at the end, on Ctrl+C or an error,
and the database and files made are removed.

Targets (issue 12): no errors (no 4xx/5xx, no exception, no signed-out redirect); the main pages hold
at least half the throughput of the trivial view measured in the same run; on SQLite no 500 and no
"database is locked" reaches a person. It prints PASS/FAIL lines and exits 1 only on errors.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import secrets
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _server import (  # noqa: E402 - bench/_server.py, shared with bench/pages
    HOST,
    TIMEOUT,
    TRIVIAL,
    Browser,
    Reply,
    Stack,
    csrf_token,
    links,
    loadavg,
    machine_cpu,
    percentile,
    sign_in,
    tail,
    vacuum,
)

SENATE = "south-west"
READERS = ["manager", "chair", "council", "assembly", "requester", "assurance"]
WRITERS = ["chair", "vice.chair", "council", "assembly", "requester"]
BARE = "/health/"  # a view that renders nothing: shown for comparison
MAX_USERS, MAX_WRITERS, MAX_REQUESTS = 200, 50, 200_000
MAX_SECONDS, MAX_TRIVIAL_SECONDS, MAX_SQLITE_SECONDS = 480, 60, 60
POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGET_RATIO = 0.5
STOP = threading.Event()  # set when a part ends early (Ctrl+C, SIGTERM, an error): the people stop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="signed-in people reading pages (PostgreSQL part)")
    parser.add_argument("--seconds", type=float, default=60, help="duration of the main pages' load")
    parser.add_argument("--trivial-seconds", type=float, default=15, help="duration of the /health/ load")
    parser.add_argument("--writers", type=int, default=20, help="people saving forms (SQLite part)")
    parser.add_argument("--sqlite-seconds", type=float, default=20, help="duration of the SQLite writes")
    parser.add_argument("--part", choices=["all", "postgres", "sqlite"], default="all")
    parser.add_argument("--postgres", default=POSTGRES, help="a loopback PostgreSQL server to make the database on")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="keep each process's PostgreSQL connection this many seconds (DATABASE_CONN_MAX_AGE; 60, the "
        "settings' default); 0 opens one per request",
    )
    args = parser.parse_args(argv)
    users, writers = _bounded("--users", args.users, 1, MAX_USERS), _bounded("--writers", args.writers, 1, MAX_WRITERS)
    seconds = _bounded("--seconds", args.seconds, 1, MAX_SECONDS)
    trivial_seconds = _bounded("--trivial-seconds", args.trivial_seconds, 1, MAX_TRIVIAL_SECONDS)
    sqlite_seconds = _bounded("--sqlite-seconds", args.sqlite_seconds, 1, MAX_SQLITE_SECONDS)
    if urllib.parse.urlsplit(args.postgres).hostname not in {"127.0.0.1", "localhost"}:
        parser.error("--postgres must be a server on loopback (127.0.0.1)")
    # SIGTERM ends the run as Ctrl+C does, so the servers and the database are cleaned up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    errors = 0
    with tempfile.TemporaryDirectory(prefix="senate-bench-load-") as scratch:
        print(f"Machine: {os.cpu_count()} cores, load average {loadavg()} before the run", flush=True)
        if args.part in ("all", "postgres"):
            errors += postgres_part(
                Path(scratch) / "postgres", args.postgres, users, seconds, trivial_seconds, args.conn_max_age
            )
        if args.part in ("all", "sqlite"):
            errors += sqlite_part(Path(scratch) / "sqlite", writers, sqlite_seconds)
    return 1 if errors else 0


def _bounded(flag: str, value: float, low: float, high: float) -> float:
    if value > high:
        print(f"({flag} {value:g} is over the bound: using {high:g})")
    return type(value)(min(max(value, low), high))


class FormReader(HTMLParser):
    """The fields a browser would send for each form on a page, and the choices of each checkbox."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "method": a.get("method", "get").lower(), "fields": []})
            self.forms[-1]["choices"] = collections.defaultdict(list)
            return
        if not self.forms or "name" not in a and tag != "option":
            return
        form, name = self.forms[-1], a.get("name", "")
        if tag == "input" and "disabled" not in a:
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                form["choices"][name].append(a.get("value", "on"))
                if "checked" in a:
                    form["fields"].append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                form["fields"].append((name, a.get("value", "")))
        elif tag == "select":
            self.select = name
            form["choices"][name] = []
        elif tag == "option" and self.select is not None:
            form["choices"][self.select].append(a.get("value", ""))
            if "selected" in a:
                form["fields"].append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea = name
            form["fields"].append((name, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self.select is not None:
            form = self.forms[-1]
            if self.select not in {n for n, _ in form["fields"]} and form["choices"][self.select]:
                form["fields"].append((self.select, form["choices"][self.select][0]))  # as a browser does
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            name, value = self.forms[-1]["fields"][-1]
            self.forms[-1]["fields"][-1] = (name, value + data)


def page_form(page: str, path: str) -> tuple[dict[str, str | list[str]], dict[str, list[str]]]:
    """The page's own POST form (not the header's sign-out form): its fields and checkbox choices."""
    reader = FormReader()
    reader.feed(page)
    for form in reader.forms:
        if form["method"] == "post" and form["action"] in ("", path):
            fields: dict[str, str | list[str]] = {}
            for name, value in form["fields"]:
                if name in fields:
                    previous = fields[name]
                    fields[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
                else:
                    fields[name] = value
            return fields, dict(form["choices"])
    raise RuntimeError(f"no form to post on {path}")


# --- part 1: PostgreSQL, the main pages and the trivial view --------------------------------------


@dataclass
class Sample:
    label: str
    status: int
    seconds: float
    error: str = ""


@dataclass
class Person:
    role: str
    browser: Browser
    pages: list[str] = field(default_factory=list)


class Budget:
    """At most MAX_REQUESTS requests over the whole run, whatever the flags."""

    def __init__(self, total: int) -> None:
        self.left, self.lock = total, threading.Lock()

    def take(self) -> bool:
        with self.lock:
            self.left -= 1
            return self.left >= 0


def postgres_part(
    run_dir: Path, server: str, users: int, seconds: float, trivial_seconds: float, conn_max_age: int
) -> int:
    import psycopg
    from psycopg import sql

    name = f"senate_bench_load_{secrets.token_hex(4)}"
    database_url = urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path=f"/{name}", query=""))
    print(
        f"\n=== PostgreSQL: {users} signed-in users, main pages for {seconds:g} s, {TRIVIAL} for {trivial_seconds:g} s"
    )
    STOP.clear()
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    stack = Stack(run_dir, database_url)
    stack.env["DATABASE_CONN_MAX_AGE"] = str(conn_max_age)
    people: list[Person] = []
    try:
        reuse = f"connections kept {conn_max_age} s" if conn_max_age else "one connection per request"
        print(f"  database {name} made on {HOST}:5432 ({reuse})", flush=True)
        stack.prepare()
        vacuum(database_url)
        stack.start()
        people = _sign_in_all(stack.port, [READERS[i % len(READERS)] for i in range(users)])
        pages = _pages_by_role(people)
        for person in people:
            person.pages = pages[person.role]
        budget = Budget(MAX_REQUESTS)
        for person in people:
            person.browser.close()  # idle since signing in: start the timed run on fresh connections
            person.browser.reconnects = 0
        main = _load(people, seconds, budget, stack)
        trivial = _load(people, trivial_seconds, budget, stack, only=TRIVIAL)
        bare = _load(people, max(1.0, trivial_seconds / 3), budget, stack, only=BARE)
        reconnects = sum(p.browser.reconnects for p in people)
        errors = _report_reading(main, trivial, bare, users, stack, budget, reconnects)
    finally:
        STOP.set()
        for person in people:
            person.browser.close()
        stack.stop()
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        print(f"  stopped granian, the worker and the SMTP sink; dropped {name}", flush=True)
    return errors


def _sign_in_all(port: int, accounts: list[str]) -> list[Person]:
    started = time.perf_counter()
    people = [Person(account, Browser(port)) for account in accounts]
    failures: list[BaseException] = []

    def work(chunk: list[Person]) -> None:
        for person in chunk:
            for attempt in range(3):  # a slow machine may time a sign-in out: try again, as a person would
                try:
                    sign_in(person.browser, person.role)
                    break
                except TimeoutError as error:
                    if attempt == 2:
                        failures.append(error)
                except BaseException as error:  # noqa: BLE001 - reported below
                    failures.append(error)
                    break

    # Two at a time, one per granian worker: each sign-in hashes the password (Argon2, 100 MB).
    threads = [threading.Thread(target=work, args=(people[i::2],), daemon=True) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise RuntimeError(f"{len(failures)} sign-ins failed, first: {failures[0]}")
    print(f"  {len(people)} people signed in through the form in {time.perf_counter() - started:.1f} s", flush=True)
    return people


def _pages_by_role(people: list[Person]) -> dict[str, list[str]]:
    """Follow what each role sees: the header's links, the first item of each list, and the pages of
    one request in the other apps. Keep only the pages that answer 200 for the role."""
    pages: dict[str, list[str]] = {}
    home = f"/{SENATE}/"
    print("  Pages per role (found by following links; each checked for 200 before the timed run):")
    for role in READERS:
        browser = next(p.browser for p in people if p.role == role)
        found = [home, f"/{SENATE}/interests/register/"]
        for href in links(browser.request("GET", home).text, "header"):
            if href.startswith((home, "/declarations/", "/profile/")):
                found.append(href)
        for page in list(dict.fromkeys(found)):
            reply = browser.request("GET", page)
            item = next((h for h in links(reply.text, "main") if re.fullmatch(re.escape(page) + r"\d+/", h)), None)
            if item:
                found.append(item)
        request_page = next((p for p in found if re.fullmatch(rf"/{SENATE}/requests/\d+/", p)), None)
        if request_page:
            for href in links(browser.request("GET", request_page).text, "main"):
                if re.fullmatch(rf"/{SENATE}/[a-z-]+/requests/\d+/", href):
                    found.append(href)
        kept, dropped = [], []
        for page in dict.fromkeys(found):
            status = browser.request("GET", page).status
            (kept if status == 200 else dropped).append((page, status))
        pages[role] = [page for page, _ in kept]
        print(f"    {role} ({len(kept)}): {' '.join(pages[role])}")
        if dropped:
            print(f"      dropped (not 200 for {role}): {', '.join(f'{p} {s}' for p, s in dropped)}")
    return pages


def _load(people: list[Person], seconds: float, budget: Budget, stack: Stack, *, only: str = "") -> dict:
    go = threading.Event()
    samples: list[list[Sample]] = [[] for _ in people]

    def person_loop(index: int, person: Person) -> None:
        pages = [only] if only else person.pages
        rng = random.Random(index)
        step = rng.randrange(len(pages))
        mine = samples[index]
        go.wait()
        while time.monotonic() < deadline and not STOP.is_set() and budget.take():
            path = pages[step % len(pages)]
            step += 1
            started = time.perf_counter()
            try:
                reply = person.browser.request("GET", path)
            except Exception as error:  # noqa: BLE001 - every failure is counted
                mine.append(Sample(_label(path), 0, time.perf_counter() - started, type(error).__name__))
                continue
            elapsed = time.perf_counter() - started
            error = ""
            if reply.status >= 400:
                error = f"HTTP {reply.status}"
            elif "/account/sign-in/" in reply.location:
                error = "signed out"
            elif elapsed > TIMEOUT:
                error = "over 10 s"
            mine.append(Sample(_label(path), reply.status, elapsed, error))

    threads = [threading.Thread(target=person_loop, args=(i, p), daemon=True) for i, p in enumerate(people)]
    for t in threads:
        t.start()
    load_average = loadavg()
    before = (time.perf_counter(), time.process_time(), stack.web_cpu(), *machine_cpu())
    deadline = time.monotonic() + seconds
    go.set()
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()) + TIMEOUT * 2 + 5)
    after = (time.perf_counter(), time.process_time(), stack.web_cpu(), *machine_cpu())
    wall = after[0] - before[0]
    return {
        "samples": [s for chunk in samples for s in chunk],
        "wall": wall,
        "client_cpu": after[1] - before[1],
        "web_cpu": after[2] - before[2],
        "machine_busy": after[3] - before[3],
        "machine_total": after[4] - before[4],
        "load_average": load_average,
    }


def _label(path: str) -> str:
    return re.sub(r"/\d+/", "/N/", path)


def _report_reading(
    main: dict, trivial: dict, bare: dict, users: int, stack: Stack, budget: Budget, reconnects: int
) -> int:
    samples: list[Sample] = main["samples"]
    by_page: dict[str, list[Sample]] = collections.defaultdict(list)
    for sample in samples:
        by_page[sample.label].append(sample)
    wall = main["wall"]
    print(f"\n  Main pages: {users} users for {wall:.1f} s (requests to a page / seconds of the whole run)")
    print(f"    {'page':48} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6}")
    for label in sorted(by_page):
        rows = by_page[label]
        print("    " + _row(label, rows, wall))
    print("    " + _row("all main pages", samples, wall))
    print("    " + _row(f"trivial page {TRIVIAL}", trivial["samples"], trivial["wall"]))
    print("    " + _row(f"bare view {BARE}", bare["samples"], bare["wall"]))
    for name, part in (("main pages", main), ("trivial page", trivial), ("bare view", bare)):
        cores = part["wall"] * (os.cpu_count() or 1)
        ours = part["web_cpu"] + part["client_cpu"]
        others = max(0.0, part["machine_busy"] - ours)
        per_request = part["web_cpu"] / len(part["samples"]) * 1000 if part["samples"] else 0.0
        print(
            f"  CPU during the {name}: machine {part['machine_busy'] / cores:.0%} busy of {os.cpu_count()} cores;"
            f" granian {part['web_cpu'] / cores:.0%} ({per_request:.1f} ms of granian CPU a request),"
            f" this load client {part['client_cpu'] / cores:.0%}, everything else (PostgreSQL, the worker,"
            f" other people's work) {others / cores:.0%}; load average {part['load_average']} at the start"
        )
    errors = [s for s in samples + trivial["samples"] + bare["samples"] if s.error]
    if reconnects:
        print(f"  {reconnects} requests were retried once on a new connection (the server had closed the old one)")
    kinds = collections.Counter(f"{s.label} {s.error}" for s in errors)
    if errors:
        print("  Errors: " + "; ".join(f"{k} x{n}" for k, n in kinds.most_common(10)))
    logged = stack.log_errors()
    if logged["tracebacks"]:
        print(f"  The web log holds {logged['tracebacks']} tracebacks: {stack.run_dir / 'web.log'}")
    if budget.left < 0:
        print(f"  (stopped at the cap of {MAX_REQUESTS:,} requests)")
    main_rate = len(samples) / wall if wall else 0.0
    trivial_rate = len(trivial["samples"]) / trivial["wall"] if trivial["wall"] else 0.0
    ratio = main_rate / trivial_rate if trivial_rate else 0.0
    bare_rate = len(bare["samples"]) / bare["wall"] if bare["wall"] else 0.0
    print(
        f"  Throughput: main pages {main_rate:.1f} req/s, trivial page {trivial_rate:.1f} req/s (ratio {ratio:.3f}),"
        f" bare view {bare_rate:.1f} req/s (ratio {main_rate / bare_rate if bare_rate else 0.0:.3f})"
    )
    print(f"{'PASS' if not errors else 'FAIL'} errors: {len(errors)} (target 0)")
    verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
    print(f"{verdict} the main pages hold at least half the throughput of the trivial page (ratio {ratio:.3f})")
    return len(errors)


def _row(label: str, rows: list[Sample], wall: float) -> str:
    times = [s.seconds * 1000 for s in rows]
    errors = sum(1 for s in rows if s.error)
    rate = len(rows) / wall if wall else 0.0
    return (
        f"{label:48} {len(rows):>8,} {rate:>7.1f} {percentile(times, 0.5):>7.0f} "
        f"{percentile(times, 0.95):>7.0f} {errors:>6}"
    )


# --- part 2: SQLite, people saving forms at once --------------------------------------------------


def sqlite_part(run_dir: Path, writers: int, seconds: float) -> int:
    print(f"\n=== SQLite (WAL): {writers} people saving forms through the web for {seconds:g} s")
    STOP.clear()
    stack = Stack(run_dir, f"sqlite:///{run_dir / 'senate.sqlite3'}")
    people: list[Person] = []
    try:
        stack.prepare()
        stack.start()
        people = _sign_in_all(stack.port, [WRITERS[i % len(WRITERS)] for i in range(writers)])
        for person in people:
            person.pages = [_writer_form(person)]
        print(f"  forms: {', '.join(sorted({_label(p.pages[0]) for p in people}))}")
        for person in people:
            person.browser.close()  # idle since signing in: start on fresh connections
        result = _write(people, seconds)
        logged = stack.log_errors()
        return _report_writing(result, writers, logged, stack)
    finally:
        STOP.set()
        for person in people:
            person.browser.close()
        stack.stop()
        print("  stopped granian, the worker and the SMTP sink; the SQLite file goes with the temporary folder")


def _writer_form(person: Person) -> str:
    """A member changes their profile; a requester starts a draft request and saves its 'about' page."""
    browser = person.browser
    if person.role != "requester":
        return "/profile/change/"
    new = f"/{SENATE}/requests/new/"
    token = csrf_token(browser.request("GET", new).text)
    reply = browser.request("POST", new, {"csrfmiddlewaretoken": token})
    found = re.fullmatch(rf"/{SENATE}/requests/(\d+)/edit/kind/", urllib.parse.urlsplit(reply.location).path)
    if reply.status != 302 or not found:
        raise RuntimeError(f"the requester could not start a draft: HTTP {reply.status} {reply.location}")
    return f"/{SENATE}/requests/{found.group(1)}/edit/about/"


def _write(people: list[Person], seconds: float) -> dict:
    go = threading.Event()
    results: list[list[tuple[str, Sample]]] = [[] for _ in people]

    def writer_loop(index: int, person: Person) -> None:
        path, mine, n = person.pages[0], results[index], 0
        go.wait()
        while time.monotonic() < deadline and not STOP.is_set():
            n += 1
            for kind in ("open", "save"):
                started = time.perf_counter()
                try:
                    if kind == "open":
                        reply = person.browser.request("GET", path)
                        fields, choices = page_form(reply.text, path) if reply.status == 200 else ({}, {})
                    else:
                        reply = person.browser.request("POST", path, _changed(fields, choices, index, n))
                except Exception as error:  # noqa: BLE001 - every failure is counted
                    mine.append((kind, Sample(kind, 0, time.perf_counter() - started, type(error).__name__)))
                    break
                elapsed = time.perf_counter() - started
                outcome = _outcome(kind, reply)
                mine.append((kind, Sample(kind, reply.status, elapsed, outcome)))
                if reply.status != 200 and kind == "open":
                    break

    threads = [threading.Thread(target=writer_loop, args=(i, p), daemon=True) for i, p in enumerate(people)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    deadline = time.monotonic() + seconds
    go.set()
    for t in threads:
        t.join(timeout=seconds + TIMEOUT * 4 + 5)
    return {"samples": [pair for chunk in results for pair in chunk], "wall": time.perf_counter() - started}


def _changed(fields: dict, choices: dict, writer: int, n: int) -> dict:
    data = dict(fields)
    if "job_title" in data:
        data["job_title"] = f"Consultant (load test writer {writer}, save {n})"
    if "title" in data:
        data["title"] = f"Load test draft of writer {writer}, save {n}"
        data["background"] = f"Saved {n} times by the load benchmark."
        if not data.get("service_areas") and choices.get("service_areas"):
            data["service_areas"] = choices["service_areas"][:1]
    return data


def _outcome(kind: str, reply: Reply) -> str:
    """'' for what a person expects, else what went wrong."""
    if "database is locked" in reply.text.lower():
        return "database is locked"
    if reply.status >= 500:
        return f"HTTP {reply.status}"
    if reply.status >= 400:
        return f"HTTP {reply.status}"
    if "/account/sign-in/" in reply.location:
        return "signed out"
    if kind == "save" and reply.status != 302:
        return "refused"  # the form came back with an error message: counted apart, not a server error
    return ""


def _report_writing(result: dict, writers: int, logged: collections.Counter[str], stack: Stack) -> int:
    pairs: list[tuple[str, Sample]] = result["samples"]
    wall = result["wall"]
    saves = [s for kind, s in pairs if kind == "save"]
    opens = [s for kind, s in pairs if kind == "open"]
    saved = [s for s in saves if s.status == 302 and not s.error]
    print(f"\n  {writers} writers for {wall:.1f} s:")
    print(f"    {'step':48} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6}")
    print("    " + _row("open the form (GET)", opens, wall))
    print("    " + _row("save it (POST, then redirect)", saves, wall))
    print(f"    saved {len(saved):,} times ({len(saved) / wall:.1f} saves/s)")
    problems = collections.Counter(s.error for _, s in pairs if s.error)
    refused = problems.pop("refused", 0)
    five_hundreds = sum(1 for _, s in pairs if s.status >= 500)
    locked = problems.get("database is locked", 0)
    if refused:
        print(f"    {refused} saves came back with a form error (not a server error)")
    if problems:
        print("    problems: " + "; ".join(f"{k} x{n}" for k, n in problems.most_common()))
    print(f"    web log: {logged['tracebacks']} tracebacks, {logged['locked']} mentions of 'database is locked'")
    bad = five_hundreds + locked
    print(
        f"{'PASS' if not bad else 'FAIL'} no 500 and no 'database is locked' reached a person (500s: {five_hundreds}, locked: {locked})"
    )
    errors = sum(problems.values())
    print(f"{'PASS' if not errors else 'FAIL'} errors while writing: {errors} (target 0)")
    if errors or logged["tracebacks"]:
        print(
            f"  web log: {stack.run_dir / 'web.log'} (removed at the end; its last lines:)\n{tail(stack.run_dir / 'web.log', 20)}"
        )
    return errors


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted: everything started was stopped.")
        sys.exit(130)
