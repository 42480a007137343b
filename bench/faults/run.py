"""Fault benchmark (not a test): Senate in production mode on PostgreSQL, with four faults injected.

    .venv/bin/python bench/faults/run.py [--pg postgres://postgres@127.0.0.1:5432/postgres]
                                         [--database senate_bench_faults] [--budget 570] [--keep]

Creates a fresh PostgreSQL database (dropped at the end), migrates it, loads `senate demo --scale demo`
and serves Senate as tools/production_run.sh does (DEBUG=0, granian with 2 workers, `senate worker`,
tools/smtp_sink.py), on 127.0.0.1 only; the worker empties the queue the demo leaves (its emails and
text extraction) before the first fault. Then, one after the other:

1. the background worker is killed (SIGKILL) while a bed model runs, and (1b) again while it sends an
   email to a slow mail server; each time a new worker is started at once;
2. the web server (granian, its whole process group) is killed (SIGKILL) half way through a slow
   evidence upload; it is restarted and the person uploads again;
3. the mail server hangs (accepts the connection, never answers) while emails are queued and a bed
   model is run; later the real sink comes back on the same port;
4. the disk for uploads is full (MEDIA_ROOT on a 2 MB tmpfs, nearly filled) when evidence is uploaded;
   space is freed and a small upload follows.

Each fault says what was done, what a person sees, and prints PASS/FAIL lines for the proof that
nothing was lost or done twice. Exit status 1 if any check fails. Every wait has a timeout, the whole
run stays within --budget seconds (plus cleanup), and every process it starts is stopped at the end.
EMAIL_TIMEOUT is 5 s here (production default 20 s) so a hung mail server costs seconds, not minutes.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import hashlib
import html
import http.client
import logging
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin" / "senate").exists() else Path(sys.executable).parent
PASSWORD = "senate-demo-2026"
SENATE = "south-west"
EMAIL_TIMEOUT = 5
EXAMPLE_SCENARIO = ROOT / "docs" / "beds" / "example-scenario.json"
MB = 1024 * 1024
# Compile the bed simulation into numba's on-disk cache while the demo loads, as a deployment's first
# run would have long since done, so fault 1 times the worker rather than the compiler.
WARM_UP = """
from senate.analytics.bed_capacity import BedPool, LengthOfStay, SimulationSettings, simulate
simulate(BedPool(2000, LengthOfStay.lognormal(4.0, 1.2), 30), SimulationSettings(2, 1, 0, 1), workers=1)
"""


# --- time, checks and reporting -------------------------------------------------------------------


class TimedOut(Exception):
    pass


class Budget:
    def __init__(self, seconds: float) -> None:
        self.started = time.monotonic()
        self.end = self.started + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def cap(self, seconds: float) -> float:
        left = self.left()
        if left <= 0:
            raise TimedOut("the run's time budget is spent")
        return min(seconds, left)


BUDGET = Budget(570)


def wait_for(what: str, predicate: Callable[[], Any], timeout: float, interval: float = 0.5) -> Any:
    """Poll `predicate` until it gives something true; raise TimedOut after `timeout` seconds."""
    end = time.monotonic() + BUDGET.cap(timeout)
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= end:
            raise TimedOut(f"{what}: not within {timeout:.0f} s")
        time.sleep(interval)


@dataclass
class Report:
    passed: int = 0
    failed: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)

    def check(self, ok: bool, text: str, detail: str = "") -> bool:
        print(f"  {'PASS' if ok else 'FAIL'}  {text}{f' ({detail})' if detail else ''}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(text)
        return ok

    def fail(self, text: str) -> None:
        self.check(False, text)


REPORT = Report()


def say(label: str, text: str) -> None:
    print(f"  {label:<6}{text}", flush=True)


def heading(text: str) -> None:
    print(f"\n== {text} (at {BUDGET.elapsed():.0f} s)", flush=True)


# --- processes --------------------------------------------------------------------------------------


class Processes:
    """Every process the benchmark starts, each in its own process group, so a SIGKILL reaches the whole
    server (granian's workers too) and the finally block can stop them all by their own ids."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.running: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, argv: list[str], env: dict[str, str], **extra: Any) -> subprocess.Popen[bytes]:
        with open(self.logs / f"{name}.log", "ab") as log:
            proc = subprocess.Popen(
                argv,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **extra,
            )
        self.running[name] = proc
        return proc

    def pid(self, name: str) -> int:
        return self.running[name].pid

    def kill(self, name: str) -> None:
        """SIGKILL, as the OOM killer or a pulled plug would: no clean-up runs."""
        proc = self.running.pop(name)
        _signal_group(proc, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self, name: str, timeout: float = 5) -> None:
        proc = self.running.pop(name, None)
        if proc is None:
            return
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _signal_group(proc, signal.SIGKILL)
            proc.wait(timeout=10)
        _signal_group(proc, signal.SIGKILL)  # any child left behind in its group

    def stop_all(self) -> None:
        for name in list(self.running):
            try:
                self.stop(name)
            except Exception as error:  # noqa: BLE001 - stop the others whatever happens
                print(f"  could not stop {name}: {error}", flush=True)


def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def run_command(argv: list[str], env: dict[str, str], timeout: float, log: Path) -> None:
    with open(log, "ab") as out:
        done = subprocess.run(
            argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=BUDGET.cap(timeout), check=False
        )
    if done.returncode:
        print(_tail(log, 15), flush=True)
        last = _tail(log, 1).strip()
        raise RuntimeError(f"`senate {' '.join(argv[1:])}` failed ({done.returncode}): {last}")


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --- a browser of sorts: cookies, forms, uploads -------------------------------------------------


@dataclass
class Page:
    status: int
    location: str
    text: str
    seconds: float

    def says(self) -> str:
        """What a person reads: the heading and the first lines of the main content."""
        main = re.search(r"<main\b.*?</main>", self.text, re.S)
        body = main.group(0) if main else self.text
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
        words = html.unescape(re.sub(r"<[^>]+>", " ", body))
        return re.sub(r"\s+", " ", words).strip()


class Fields(HTMLParser):
    """The named fields of the forms on a page, with their values and choices."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self.choices: dict[str, list[str]] = {}
        self._select: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name", "")
        if tag == "input" and name:
            if a.get("type") in {"radio", "checkbox"}:
                self.choices.setdefault(name, []).append(a.get("value", ""))
                if "checked" in a:
                    self.values[name] = a.get("value", "")
            elif a.get("type") not in {"file", "submit"}:
                self.values.setdefault(name, a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select:
            self.choices.setdefault(self._select, []).append(a.get("value", ""))
            if "selected" in a:
                self.values[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self.values.setdefault(name, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def multipart(values: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    boundary = f"----senate-bench-{secrets.token_hex(8)}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in values.items()
    ]
    for name, (filename, data, content_type) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(f"{head}Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    def __init__(self, port: int) -> None:
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def headers(self, path: str, content_type: str = "") -> dict[str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        if content_type:
            headers |= {"Content-Type": content_type, "Origin": self.origin, "Referer": self.origin + path}
        return headers

    def request(self, method: str, path: str, body: bytes = b"", content_type: str = "", timeout: float = 60) -> Page:
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=BUDGET.cap(timeout))
        try:
            conn.request(method, path, body=body or None, headers=self.headers(path, content_type))
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in cookie.lower() or value in {"", '""'}:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return Page(
            response.status,
            response.getheader("Location") or "",
            data.decode("utf-8", "replace"),
            time.monotonic() - started,
        )

    def get(self, path: str) -> Page:
        return self.request("GET", path)

    def post(self, path: str, values: dict[str, str], files: dict[str, tuple[str, bytes, str]] | None = None) -> Page:
        body, content_type = multipart(values, files or {})
        return self.request("POST", path, body, content_type)

    def follow(self, page: Page) -> Page:
        return self.get(page.location) if page.status in {301, 302, 303} and page.location else page

    def sign_in(self, who: str) -> None:
        form = Fields(self.get("/account/sign-in/").text).values
        form |= {"email": f"{who}@demo.senate.example", "password": PASSWORD}
        page = self.post("/account/sign-in/", form)
        if page.status != 302:
            raise RuntimeError(f"signing in as {who} gave {page.status}: {page.says()[:200]}")


def png(size: int, seed: int) -> bytes:
    """Bytes the upload check accepts as a PNG image (sniffed from the content), `size` long."""
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x02\x00\x00\x00"
    return head + random.Random(seed).randbytes(size - len(head))


def upload_fields(form: Fields, title: str) -> dict[str, str]:
    values = dict(form.values)
    values["title"] = title
    values["kind"] = values.get("kind") or next(c for c in form.choices.get("kind", [""]) if c)
    values["tier"] = "official"
    values["provenance"] = "Fault benchmark"
    values.pop("asked_for", None)
    return values


def files_under(folder: Path, skip: set[str] | None = None) -> dict[str, int]:
    if not folder.exists():
        return {}
    found = {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}
    return {k: v for k, v in found.items() if k not in (skip or set())}


# --- the servers of the run ------------------------------------------------------------------------


class Senate:
    """Senate in production mode: the environment, the database, granian, the worker, the mail sink."""

    def __init__(self, args: argparse.Namespace, run_dir: Path) -> None:
        self.args = args
        self.run_dir = run_dir
        self.media = run_dir / "media"
        self.mailbox = run_dir / "mailbox"
        self.upload_tmp = run_dir / "tmp"
        self.web_port, self.smtp_port = free_port(), free_port()
        self.processes = Processes(run_dir)
        base = args.pg.rsplit("/", 1)[0]
        self.database_url = f"{base}/{args.database}"
        self.env = dict(os.environ)
        self.env.update(
            DATABASE_URL=self.database_url,
            DJANGO_SETTINGS_MODULE="senate.config.settings",
            DEBUG="0",
            SENATE_TESTING="0",
            SECRET_KEY=f"bench-{secrets.token_urlsafe(64)}",
            ALLOWED_HOSTS="localhost,127.0.0.1",
            SITE_URL=f"http://localhost:{self.web_port}",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),
            EMAIL_TIMEOUT=str(EMAIL_TIMEOUT),
            STATIC_ROOT=str(run_dir / "static"),
            MEDIA_ROOT=str(self.media),
            SECURE_SSL_REDIRECT="0",
            SESSION_COOKIE_SECURE="0",
        )
        self.env.pop("TASK_BACKEND", None)
        self.mounted: Path | None = None

    # the database
    def create_database(self) -> None:
        import psycopg

        with psycopg.connect(self.args.pg, autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.args.database}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{self.args.database}"')

    def drop_database(self) -> None:
        import psycopg

        with psycopg.connect(self.args.pg, autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.args.database}" WITH (FORCE)')

    def build(self) -> None:
        for folder in (self.media, self.mailbox, self.upload_tmp):
            folder.mkdir(parents=True, exist_ok=True)
        log = self.run_dir / "setup.log"
        collect = self.processes.start(
            "collectstatic", [str(BIN / "senate"), "collectstatic", "--noinput", "--verbosity", "0"], self.env
        )
        warm_up = self.processes.start("numba-warm-up", [str(BIN / "python"), "-c", WARM_UP], self.env)
        started = time.monotonic()
        run_command([str(BIN / "senate"), "migrate", "--verbosity", "0"], self.env, 240, log)
        migrated = time.monotonic()
        # As in production, the worker and the mail server are up while the demo is written, so the
        # demo's emails and text extraction are worked off as they are queued.
        os.environ.update(self.env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        self.start_sink()
        self.start_worker()
        run_command([str(BIN / "senate"), "demo", "--scale", "demo"], self.env, 300, log)
        built = time.monotonic()
        if collect.wait(timeout=BUDGET.cap(120)) != 0:
            raise RuntimeError(f"collectstatic failed:\n{_tail(self.run_dir / 'collectstatic.log')}")
        self.processes.running.pop("collectstatic", None)
        if warm_up.wait(timeout=BUDGET.cap(240)) != 0:  # the worker then compiles it itself
            print(f"  (the numba warm-up failed: {_tail(self.run_dir / 'numba-warm-up.log', 1)})", flush=True)
        self.processes.running.pop("numba-warm-up", None)
        REPORT.figures.append(f"setup: migrate {migrated - started:.0f} s, demo --scale demo {built - migrated:.0f} s")

    # the processes
    def start_sink(self) -> None:
        argv = [str(BIN / "python"), "tools/smtp_sink.py", "--port", str(self.smtp_port), "--folder", str(self.mailbox)]
        self.processes.start("smtp", argv, self.env)
        wait_for("the SMTP sink listens", lambda: port_open(self.smtp_port), 20, 0.2)

    def start_hanging_smtp(self, log: Path) -> None:
        argv = [str(BIN / "python"), __file__, "--hanging-smtp", str(self.smtp_port), str(log)]
        self.processes.start("smtp", argv, self.env)
        wait_for("the hanging SMTP server listens", lambda: log.exists(), 20, 0.2)

    def start_slow_smtp(self, delay: float, log: Path) -> None:
        argv = [str(BIN / "python"), __file__, "--slow-smtp", str(self.smtp_port), str(self.mailbox), str(delay)]
        self.processes.start("smtp", argv + [str(log)], self.env)
        wait_for("the slow SMTP server listens", lambda: log.exists(), 20, 0.2)

    def start_worker(self) -> int:
        proc = self.processes.start("worker", [str(BIN / "senate"), "worker", "--verbosity", "0"], self.env)
        from senate.core.models import WorkerHeartbeat

        def beating() -> bool:
            self.alive("worker")
            return WorkerHeartbeat.objects.filter(pid=proc.pid).exists()

        wait_for("the worker beats", beating, 60)
        return proc.pid

    def settle(self) -> None:
        """Let the worker finish the work the demo queued (emails, text extraction), so each fault
        starts with an empty queue and times only itself."""
        from collections import Counter

        from django_tasks_db.models import DBTaskResult

        started = time.monotonic()
        backlog = Counter(DBTaskResult.objects.values_list("task_path", flat=True))

        def empty() -> bool:
            self.alive("worker")
            return not (DBTaskResult.objects.ready().exists() or DBTaskResult.objects.running().exists())

        wait_for("the worker empties the demo's queue", empty, 180, 1)
        what = ", ".join(f"{n} {path.rsplit('.', 1)[-1]}" for path, n in backlog.most_common())
        REPORT.figures.append(f"the demo's queue ({what or 'empty'}) ran in {time.monotonic() - started:.0f} s")

    def alive(self, name: str) -> None:
        """Raise, with the end of its log, if a process the run started has exited by itself."""
        proc = self.processes.running.get(name)
        if proc is not None and proc.poll() is not None:
            self.processes.running.pop(name)
            last = _tail(self.run_dir / f"{name}.log", 1).strip()
            raise RuntimeError(f"{name} exited with {proc.returncode} at start-up: {last}")

    def start_web(self, *, file_size_limit: int | None = None) -> None:
        argv = [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(self.web_port)]
        argv += ["--workers", "2", "--log-level", "warning", "senate.config.wsgi:application"]
        env = self.env | {"TMPDIR": str(self.upload_tmp)}
        limit = None
        if file_size_limit:

            def limit() -> None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

        self.processes.start("web", argv, env, preexec_fn=limit)
        wait_for("granian answers", self._web_ready, 90, 0.5)

    def _web_ready(self) -> bool:
        self.alive("web")
        try:
            return Browser(self.web_port).get("/").status == 200
        except OSError:
            return False

    def stop_all(self) -> None:
        self.processes.stop_all()


def slow_smtp(port: int, folder: Path, delay: float, log: Path) -> None:
    """tools/smtp_sink.py, but each reply comes `delay` seconds late; each reply is logged."""
    import asyncio

    sys.path.insert(0, str(ROOT / "tools"))
    import smtp_sink

    class Slow(smtp_sink.Session):
        async def reply(self, line: str) -> None:
            await asyncio.sleep(delay)
            with open(log, "a") as out:
                out.write(f"{time.time():.3f} {line}\n")
            await super().reply(line)

    async def serve() -> None:
        folder.mkdir(parents=True, exist_ok=True)
        server = await asyncio.start_server(lambda r, w: Slow(r, w, folder).run(), "127.0.0.1", port)
        log.touch()
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


def hanging_smtp(port: int, log: Path) -> None:
    """A mail server that accepts each connection and never says a word (not even its greeting)."""
    import asyncio

    held: list[asyncio.StreamWriter] = []

    async def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        with open(log, "a") as out:
            out.write(f"{time.time():.3f} connection\n")

    async def serve() -> None:
        server = await asyncio.start_server(accept, "127.0.0.1", port)
        log.touch()
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


# --- the faults ------------------------------------------------------------------------------------


class Faults:
    def __init__(self, senate: Senate) -> None:
        self.senate = senate
        from senate.accounts.models import User
        from senate.beds.permission_names import BedsPermission
        from senate.evidence.library import requester_contacts
        from senate.evidence.permission_names import EvidencePermission
        from senate.reviews.models import Request

        self.manager = User.objects.get(email="manager@demo.senate.example")
        requests = list(Request.objects.filter(senate__slug=SENATE).exclude(stage="draft").order_by("pk"))
        self.upload_request = next(r for r in requests if self.manager.has_perm(EvidencePermission.ADD_OWN, r))
        self.ask_request = next(
            r for r in requests if self.manager.has_perm(EvidencePermission.ASK, r) and requester_contacts(r)
        )
        self.beds_request = next(r for r in requests if self.manager.has_perm(BedsPermission.EDIT, r))
        self.browser = Browser(senate.web_port)
        self.browser.sign_in("manager")
        self.tag = secrets.token_hex(3)

    # helpers
    def bed_model(self, title: str, *, heavy: bool) -> Any:
        import json

        from senate.beds import modelling

        scenario = json.loads(EXAMPLE_SCENARIO.read_text())
        if heavy:
            simulation = scenario["simulation"] | {"replications": self.senate.args.replications}
            baseline, proposal = scenario["baseline"], scenario["proposal"]
        else:
            baseline = {
                "name": "Medical wards now",
                "admissions_per_year": 2000,
                "length_of_stay": {"distribution": "lognormal", "mean_days": 4.0, "cv": 1.2},
                "beds": 30,
            } | {k: scenario["baseline"][k] for k in ("month_shares", "weekday_shares", "hour_shares")}
            proposal = {"name": "Medical wards proposed", "proposed_beds": 26}
            simulation = {"replications": 4, "years": 1, "warmup_days": 30, "seed": 7}
        bed_model = modelling.create_bed_model(request=self.beds_request, title=title, by=self.manager)
        modelling.save_inputs(bed_model, by=self.manager, baseline=baseline, proposal=proposal, simulation=simulation)
        return modelling.start_run(bed_model, by=self.manager)

    def bed_progress_text(self, bed_model: Any) -> str:
        path = f"/{SENATE}/beds/requests/{bed_model.request_id}/models/{bed_model.pk}/progress/"
        try:
            page = self.browser.get(path)
        except OSError as error:
            return f"(page did not load: {error})"
        return page.says() or re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page.text))).strip()

    def tasks_for(self, task_name: str, object_id: int) -> list[Any]:
        from django_tasks_db.models import DBTaskResult

        found = DBTaskResult.objects.filter(task_path__endswith=task_name).order_by("enqueued_at")
        return [t for t in found if t.args_kwargs.get("args") == [object_id]]

    def upload_page(self, request: Any) -> tuple[str, Fields]:
        path = f"/{SENATE}/evidence/requests/{request.pk}/add/"
        page = self.browser.get(path)
        if page.status != 200:
            raise RuntimeError(f"the upload page gave {page.status}")
        return path, Fields(page.text)

    # 1
    def worker_killed(self) -> None:
        heading("Fault 1: the background worker is killed (SIGKILL) while a bed model runs")
        from senate.beds.models import BedModel
        from senate.core.models import AuditEvent, WorkerHeartbeat

        title = f"Fault benchmark {self.tag}: worker killed"
        bed_model = self.bed_model(title, heavy=True)
        queued_at = time.monotonic()

        def running() -> BedModel | None:
            row = BedModel.objects.get(pk=bed_model.pk)
            return row if row.status == "running" and row.progress >= 0.1 else None

        row = wait_for("the bed model runs past 10%", running, 120, 0.2)
        old_pid = self.senate.processes.pid("worker")
        tasks = self.tasks_for("run_bed_model", bed_model.pk)
        self.senate.processes.kill("worker")
        killed_at = time.monotonic()
        say(
            "done:",
            f"bed model #{bed_model.pk} (example scenario, {self.senate.args.replications} replications x 10 "
            f"years) was {row.progress:.0%} done, {killed_at - queued_at:.1f} s after it was queued, when its worker "
            f"(pid {old_pid}) got SIGKILL; a new `senate worker` was started at once",
        )
        after = BedModel.objects.get(pk=bed_model.pk)
        REPORT.check(
            after.status == "running" and len(tasks) == 1 and tasks[0].status == "RUNNING",
            "the killed worker left the bed model and its task RUNNING",
            f"model {after.status}, task {tasks[0].status if tasks else 'none'}",
        )
        seen = [("right after the kill", self.bed_progress_text(after))]
        new_pid = self.senate.start_worker()
        seen.append(("once the new worker beats", self.bed_progress_text(after)))

        def recovered() -> Any:
            task = self.tasks_for("run_bed_model", bed_model.pk)[0]
            return task if len(task.worker_ids) >= 2 else None

        task = wait_for("the new worker takes the task over", recovered, 120, 0.5)
        recovered_at = time.monotonic()
        seen.append(("after the hand-over", self.bed_progress_text(after)))
        done = wait_for(
            "the bed model finishes",
            lambda: BedModel.objects.filter(pk=bed_model.pk, status__in=["done", "failed"]).first(),
            180,
            0.5,
        )
        finished_at = time.monotonic()
        detail = self.browser.get(f"/{SENATE}/beds/requests/{bed_model.request_id}/models/{bed_model.pk}/")
        for when, text in seen:
            say("sees:", f"{when}: “{text[:160]}”")
        say("sees:", f"the model's page at the end ({detail.status}): “{detail.says()[:160]}”")
        task = self.tasks_for("run_bed_model", bed_model.pk)
        finished = AuditEvent.objects.filter(action="beds.run_finished", object_id=str(bed_model.pk)).count()
        REPORT.check(
            len(set(task[0].worker_ids)) == 2 and old_pid != new_pid,
            "the new worker recovered the task the dead worker left",
            f"{recovered_at - killed_at:.0f} s after the kill; worker ids {len(set(task[0].worker_ids))}",
        )
        REPORT.check(
            done.status == "done" and bool(done.result) and bool(done.charts),
            "the bed model ends DONE with its results and charts",
            f"status {done.status}{': ' + done.error if done.error else ''}",
        )
        REPORT.check(
            len(task) == 1 and task[0].status == "SUCCESSFUL" and finished == 1,
            "it completed exactly once: one task, SUCCESSFUL, one 'run finished' in the audit trail",
            f"{len(task)} task(s), {task[0].status if task else '-'}, {finished} audit event(s)",
        )
        dead = WorkerHeartbeat.objects.filter(pid=old_pid).first()
        REPORT.check(
            dead is not None and dead.stopped_at is None,
            "the dead worker's heartbeat simply stopped (it never said goodbye), as a crash does",
        )
        REPORT.figures.append(
            f"fault 1: recovered {recovered_at - killed_at:.0f} s after the SIGKILL, DONE "
            f"{finished_at - killed_at:.0f} s after it"
        )

    # 1b
    def worker_killed_mid_email(self) -> None:
        heading("Fault 1b: the background worker is killed (SIGKILL) while it sends an email to a slow mail server")
        from django.db import transaction

        from senate.notifications.models import Email
        from senate.notifications.outbox import queue_email, sending_timeout

        delay = 2.0
        slow_log = self.senate.run_dir / "slow-smtp.log"
        self.senate.processes.stop("smtp")
        self.senate.start_slow_smtp(delay, slow_log)
        subject = f"Senate fault benchmark {self.tag}: sent while the worker dies"
        with transaction.atomic():
            queued = queue_email(
                to="requester@demo.senate.example", subject=subject, body="Half-sent, then recovered.", kind="bench"
            )
        assert queued is not None
        wait_for(
            "the worker claims the email",
            lambda: Email.objects.filter(pk=queued.pk, status="sending").exists(),
            60,
            0.1,
        )
        time.sleep(delay * 1.5)
        old_pid = self.senate.processes.pid("worker")
        self.senate.processes.kill("worker")
        killed_at = time.monotonic()
        replies = slow_log.read_text().splitlines()
        row = Email.objects.get(pk=queued.pk)
        say(
            "done:",
            f"the mail server answers each SMTP step {delay:.0f} s late; the worker (pid {old_pid}) got "
            f"SIGKILL while sending email #{row.pk}, after the server's replies {[r.split(' ', 2)[1] for r in replies]}; "
            "a new worker was started at once",
        )
        REPORT.check(
            row.status == "sending" and not any("queued" in r for r in replies),
            "the email was half-sent: SENDING in the outbox, not yet accepted by the mail server",
            f"{row.status}, {len(replies)} server replies",
        )
        self.senate.start_worker()
        try:
            wait_for(
                "the email is sent",
                lambda: Email.objects.filter(pk=queued.pk, status="sent").exists(),
                sending_timeout().total_seconds() + 90,
                1,
            )
        except TimedOut as error:
            REPORT.fail(str(error))
        sent_at = time.monotonic()
        row = Email.objects.get(pk=queued.pk)
        copies = self._delivered(subject)
        tasks = self.tasks_for("deliver_email", row.pk)
        say("sees:", f"the recipient gets the email {sent_at - killed_at:.0f} s after the crash; nobody sees an error")
        REPORT.check(
            row.status == "sent" and row.attempts == 1,
            "the worker's lost attempt was counted and the email re-queued, then sent",
            f"{row.status}, attempts {row.attempts}, {len(tasks)} delivery task(s): "
            + ", ".join(t.status for t in tasks),
        )
        REPORT.check(copies == 1, "the email reached the mail server exactly once", f"{copies} message(s)")
        REPORT.figures.append(
            f"fault 1b: the half-sent email was delivered once, {sent_at - killed_at:.0f} s after the SIGKILL"
        )
        self.senate.processes.stop("smtp")
        self.senate.start_sink()

    def _delivered(self, text: str) -> int:
        """How many messages in the sink's folder have `text` in their subject."""
        count = 0
        for eml in self.senate.mailbox.glob("*.eml"):
            subject = str(email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)["Subject"] or "")
            count += text in subject
        return count

    # 2
    def web_killed_mid_upload(self) -> None:
        heading("Fault 2: the web server is killed (SIGKILL) half way through an evidence upload")
        from senate.evidence.models import EvidenceItem, EvidenceVersion

        request = self.upload_request
        title = f"Fault benchmark {self.tag}: upload cut off"
        size = self.senate.args.upload_mb * MB
        data = png(size, seed=2)
        path, form = self.upload_page(request)
        body, content_type = multipart(upload_fields(form, title), {"file": ("ward-photo.png", data, "image/png")})
        media_before = files_under(self.senate.media)
        tmp_before = files_under(self.senate.upload_tmp)
        items_before, versions_before = EvidenceItem.objects.count(), EvidenceVersion.objects.count()
        web_pid = self.senate.processes.pid("web")

        outcome = self._slow_post(path, body, content_type, seconds=self.senate.args.upload_seconds)
        say(
            "done:",
            f"the manager sent a {size // MB} MB evidence upload to {path} over "
            f"~{self.senate.args.upload_seconds} s; at half way granian (pid {web_pid}) and its workers got SIGKILL",
        )
        say("sees:", f"the browser's own error page: {outcome}")
        try:
            wait_for("granian's port closes", lambda: not port_open(self.senate.web_port), 10, 0.1)
            say("sees:", "reloading while it is down: connection refused")
        except TimedOut:
            REPORT.fail("granian's port still took connections 10 s after its process group got SIGKILL")
        time.sleep(0.5)
        media_after = files_under(self.senate.media)
        tmp_after = files_under(self.senate.upload_tmp)
        REPORT.check(
            not EvidenceItem.objects.filter(title=title).exists()
            and EvidenceItem.objects.count() == items_before
            and EvidenceVersion.objects.count() == versions_before,
            "no EvidenceItem or version row was written for the cut-off upload",
            f"items {items_before} -> {EvidenceItem.objects.count()}",
        )
        REPORT.check(
            media_after == media_before,
            "no file, whole or partial, was left in MEDIA_ROOT",
            f"{len(media_before)} files before, {len(media_after)} after; new: {sorted(set(media_after) - set(media_before))}",
        )
        left = sorted(set(tmp_after) - set(tmp_before))
        say(
            "note:",
            f"granian's temporary folder (TMPDIR) after the kill: {len(left)} leftover file(s)"
            + (
                f" {left[:3]} of {[tmp_after[k] for k in left[:3]]} bytes (Django's upload spool; outside MEDIA_ROOT)"
                if left
                else ""
            ),
        )

        started = time.monotonic()
        self.senate.start_web()
        say(
            "done:",
            f"granian restarted and answered in {time.monotonic() - started:.1f} s; the person signed in "
            "before the crash reloads the form and uploads again",
        )
        path, form = self.upload_page(request)
        page = self.browser.post(path, upload_fields(form, title), {"file": ("ward-photo.png", data, "image/png")})
        landed = self.browser.follow(page)
        say("sees:", f"{page.status} then “{landed.says()[:140]}”")
        items = list(EvidenceItem.objects.filter(title=title))
        versions = list(EvidenceVersion.objects.filter(item__in=items))
        media_final = files_under(self.senate.media)
        new_files = sorted(set(media_final) - set(media_before))
        stored = versions[0].file.path if versions else ""
        REPORT.check(
            page.status == 302 and f"“{title}” has been uploaded" in html.unescape(landed.text),
            "the person's retry succeeds and the page says so",
            f"{page.status} in {page.seconds:.1f} s",
        )
        REPORT.check(
            len(items) == 1
            and len(versions) == 1
            and versions[0].size == size
            and versions[0].sha256 == hashlib.sha256(data).hexdigest(),
            "exactly one item with one version, of the right size and SHA-256",
            f"{len(items)} item(s), {len(versions)} version(s)",
        )
        REPORT.check(
            len(new_files) == 1
            and media_final[new_files[0]] == size
            and Path(stored).exists()
            and Path(stored).read_bytes() == data,
            "exactly one new file in MEDIA_ROOT, the one the version points to, byte for byte",
            f"new files: {new_files}",
        )

    def _slow_post(self, path: str, body: bytes, content_type: str, *, seconds: float) -> str:
        """POST `body` slowly over a raw socket and SIGKILL granian when half of it has gone."""
        head = "\r\n".join(
            [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{self.senate.web_port}"]
            + [f"{k}: {v}" for k, v in self.browser.headers(path, content_type).items()]
            + [f"Content-Length: {len(body)}", "Connection: close", "", ""]
        )
        chunk = 64 * 1024
        pause = seconds / (len(body) / chunk)
        sent, killed = 0, False
        sock = socket.create_connection(("127.0.0.1", self.senate.web_port), timeout=BUDGET.cap(10))
        try:
            sock.sendall(head.encode())
            while sent < len(body):
                sock.sendall(body[sent : sent + chunk])
                sent = min(sent + chunk, len(body))
                if not killed and sent >= len(body) // 2:
                    self.senate.processes.kill("web")
                    killed = True
                time.sleep(pause)
            reply = sock.recv(4096)
            if reply:
                return f"a response after the kill?! {reply[:60]!r}"
            return f"the connection closed with no response after {sent / MB:.1f} of {len(body) / MB:.1f} MB"
        except OSError as error:
            return f"{type(error).__name__} ({error.strerror or error}) after {sent / MB:.1f} of {len(body) / MB:.1f} MB sent"
        finally:
            sock.close()
            if not killed:
                self.senate.processes.kill("web")

    # 3
    def smtp_hangs(self) -> None:
        heading("Fault 3: the mail server hangs (accepts, never answers)")
        from django.db import transaction

        from senate.beds.models import BedModel
        from senate.core.models import WorkerHeartbeat
        from senate.core.worker import fresh_for
        from senate.notifications.models import Email
        from senate.notifications.outbox import queue_email

        token = f"fault3-{self.tag}"
        hang_log = self.senate.run_dir / "hanging-smtp.log"
        self.senate.processes.stop("smtp")
        self.senate.start_hanging_smtp(hang_log)
        worker_pid = self.senate.processes.pid("worker")

        ask = f"/{SENATE}/evidence/requests/{self.ask_request.pk}/ask/"
        form = Fields(self.browser.get(ask).text)
        values = dict(form.values) | {"title": f"Ward staffing rotas ({token})", "detail": "For the fault benchmark."}
        values["kind"] = values.get("kind") or next(c for c in form.choices.get("kind", [""]) if c)
        due = time.localtime(time.time() + 21 * 86400)
        for name in values:
            if name.startswith("due_on") and (part := re.search(r"(day|month|year)\W*$", name)):
                values[name] = str({"day": due.tm_mday, "month": due.tm_mon, "year": due.tm_year}[part[1]])
        page = self.browser.post(ask, values)
        landed = self.browser.follow(page)
        with transaction.atomic():
            for n in (1, 2):
                queue_email(
                    to=f"bench{n}@example.nhs.uk",
                    subject=f"Senate fault benchmark {token} #{n}",
                    body="Queued while the mail server hangs.",
                    kind="bench",
                )
        emails = list(Email.objects.filter(subject__contains=token).order_by("pk"))
        queued_at = time.monotonic()
        bed_model = self.bed_model(f"Fault benchmark {self.tag}: runs while mail hangs", heavy=False)
        say(
            "done:",
            f"the SMTP port {self.senate.smtp_port} now holds every connection silently; the manager "
            f"asked the requester for evidence ({len(emails) - 2} email(s)), 2 more emails were queued, then a "
            "small bed model was queued behind them",
        )
        say("sees:", f"the manager's page answered {page.status} in {page.seconds:.2f} s: “{landed.says()[:120]}”")
        REPORT.check(
            page.status == 302 and token in html.unescape(landed.text) and page.seconds < 3,
            "the page that sends email answers at once while the mail server hangs",
            f"{page.status} in {page.seconds:.2f} s" + ("" if page.status == 302 else f": {landed.says()[:100]}"),
        )

        oldest_beat = 0.0
        from django.utils import timezone

        def sample() -> float:
            beat = WorkerHeartbeat.objects.filter(pid=worker_pid).values_list("beat_at", flat=True).first()
            return (timezone.now() - beat).total_seconds() if beat else 1e9

        def all_tried_once() -> bool:
            nonlocal oldest_beat
            oldest_beat = max(oldest_beat, sample())
            rows = Email.objects.filter(pk__in=[e.pk for e in emails])
            done = BedModel.objects.filter(pk=bed_model.pk, status__in=["done", "failed"]).exists()
            return done and all(r.attempts >= 1 for r in rows)

        wait_for(
            "every email tried once and the bed model finished",
            all_tried_once,
            len(emails) * (EMAIL_TIMEOUT + 5) + 60,
            0.5,
        )
        tried_at = time.monotonic()
        rows = list(Email.objects.filter(pk__in=[e.pk for e in emails]).order_by("pk"))
        bed = BedModel.objects.get(pk=bed_model.pk)
        connections = len(hang_log.read_text().splitlines())
        waits = [(r.next_attempt_at - timezone.now()).total_seconds() for r in rows if r.next_attempt_at]
        say("sees:", f"the requester gets no email yet; the outbox rows say “{rows[0].error[:90]}”")
        REPORT.check(
            all(r.status == "queued" and r.attempts == 1 and "timed out" in r.error.lower() for r in rows),
            "each email's attempt timed out and it went back to the queue (attempts=1, error recorded)",
            ", ".join(f"{r.status}/{r.attempts}" for r in rows),
        )
        REPORT.check(
            len(waits) == len(rows) and all(w > 20 for w in waits),
            "each retry waits for its back-off (1 minute after the first failure), not at once",
            f"next attempts in {min(waits, default=0):.0f}-{max(waits, default=0):.0f} s",
        )
        REPORT.check(
            connections == len(rows),
            "the hung server saw one connection per email: no hot retry loop",
            f"{connections} connection(s) for {len(rows)} email(s)",
        )
        REPORT.check(
            bed.status == "done",
            "the bed model queued behind the hung emails still completed",
            f"{bed.status} {tried_at - queued_at:.0f} s after the emails were queued",
        )
        REPORT.check(
            oldest_beat < fresh_for().total_seconds(),
            "the worker's heartbeat stayed fresh throughout (it was never taken for dead)",
            f"oldest beat seen {oldest_beat:.1f} s, limit {fresh_for().total_seconds():.0f} s",
        )

        self.senate.processes.stop("smtp")
        self.senate.start_sink()
        back_wall = timezone.now()
        say("done:", "the hung server was stopped and the real sink started on the same port")

        def all_sent() -> bool:
            nonlocal oldest_beat
            oldest_beat = max(oldest_beat, sample())
            return not Email.objects.filter(pk__in=[e.pk for e in emails]).exclude(status="sent").exists()

        try:
            wait_for("every email is sent", all_sent, 150, 1)
        except TimedOut as error:
            REPORT.fail(f"{error}")
        rows = list(Email.objects.filter(pk__in=[e.pk for e in emails]).order_by("pk"))
        copies = {r.subject: self._delivered(r.subject) for r in rows}
        late = max(((r.sent_at - back_wall).total_seconds() for r in rows if r.sent_at), default=float("nan"))
        say("sees:", f"the requester's email arrives {late:.0f} s after the mail server came back, once")
        REPORT.check(
            all(r.status == "sent" for r in rows),
            "every email ends SENT",
            ", ".join(f"{r.status}/{r.attempts}" for r in rows),
        )
        REPORT.check(
            all(n == 1 for n in copies.values()),
            "each email reached the mail server exactly once",
            f"{sum(copies.values())} message(s) for {len(rows)} email(s)",
        )
        REPORT.check(
            all(r.sent_at and r.next_attempt_at and r.sent_at >= r.next_attempt_at for r in rows),
            "none was sent again before its back-off was over",
        )
        REPORT.figures.append(
            f"fault 3: {len(rows)} emails timed out after {EMAIL_TIMEOUT} s each, bed model done meanwhile, all "
            f"delivered {late:.0f} s after the sink came back; oldest heartbeat {oldest_beat:.1f} s"
        )

    # 4
    def disk_full(self) -> None:
        heading("Fault 4: the disk for uploads is full")
        from senate.evidence.models import EvidenceItem, EvidenceVersion

        media = self.senate.media
        before_mount = files_under(media)
        mounted = False
        limited = False
        try:
            probe = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(media)],
                capture_output=True,
                text=True,
                timeout=BUDGET.cap(20),
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            probe = subprocess.CompletedProcess([], 1, "", str(error))
        filler = media / ".bench-filler"
        try:
            if probe.returncode == 0:
                mounted = True
                self.senate.mounted = media
                stats = os.statvfs(media)
                free = stats.f_bavail * stats.f_frsize
                filler.write_bytes(b"\0" * max(free - 400 * 1024, 0))
                stats = os.statvfs(media)
                free = stats.f_bavail * stats.f_frsize
                how = f"MEDIA_ROOT mounted as a 2 MB tmpfs and filled to {free // 1024} KB free"
            else:
                print(f"  (mount refused: {probe.stderr.strip()}; falling back to RLIMIT_FSIZE on granian)")
                self.senate.processes.stop("web")
                self.senate.start_web(file_size_limit=400 * 1024)
                limited, free = True, 400 * 1024
                how = "granian restarted with RLIMIT_FSIZE of 400 KB (mount was refused)"
            size = int(1.5 * MB)
            data = png(size, seed=4)
            title = f"Fault benchmark {self.tag}: disk full"
            items_before, versions_before = EvidenceItem.objects.count(), EvidenceVersion.objects.count()
            inside_before = files_under(media, skip={".bench-filler"})
            path, form = self.upload_page(self.upload_request)
            page = self.browser.post(path, upload_fields(form, title), {"file": ("big-scan.png", data, "image/png")})
            say("done:", f"{how}; the manager uploads a {size / MB:.1f} MB image")
            text = page.says()
            say("sees:", f"HTTP {page.status}: “{text[:200]}”")
            traceback_shown = "Traceback" in page.text or "OSError" in page.text or "Errno" in page.text
            REPORT.check(
                page.status < 500 or ("nhsuk-header" in page.text and bool(text) and not traceback_shown),
                "the person sees a page in the service's design, not a blank page or a traceback",
                f"HTTP {page.status}",
            )
            REPORT.check(
                page.status < 500,
                "the person is told what went wrong (the file could not be stored), not a generic server error",
                f"HTTP {page.status}" + (f": {self._web_error()}" if page.status >= 500 else ""),
            )
            inside_after = files_under(media, skip={".bench-filler"})
            REPORT.check(
                not EvidenceItem.objects.filter(title=title).exists()
                and EvidenceItem.objects.count() == items_before
                and EvidenceVersion.objects.count() == versions_before,
                "no EvidenceItem or version row was created",
            )
            orphans = {k: v for k, v in inside_after.items() if k not in inside_before}
            REPORT.check(not orphans, "no partial file was left in MEDIA_ROOT", f"left: {orphans}" if orphans else "")
            if orphans:
                say("note:", self._would_sweep(set(orphans)))

            if mounted:
                filler.unlink()
            else:
                self.senate.processes.stop("web")
                self.senate.start_web()
            small_title = f"Fault benchmark {self.tag}: after space was freed"
            small = png(64 * 1024, seed=5)
            path, form = self.upload_page(self.upload_request)
            page = self.browser.post(
                path, upload_fields(form, small_title), {"file": ("small.png", small, "image/png")}
            )
            landed = self.browser.follow(page)
            say("done:", "space was freed (the filler removed) and the manager uploads a 64 KB image")
            say("sees:", f"HTTP {page.status} then “{landed.says()[:120]}”")
            version = EvidenceVersion.objects.filter(item__title=small_title).first()
            REPORT.check(
                page.status == 302 and version is not None and Path(version.file.path).read_bytes() == small,
                "the database and storage are intact: a later small upload succeeds and is stored whole",
            )
            library = self.browser.get(f"/{SENATE}/evidence/requests/{self.upload_request.pk}/")
            REPORT.check(
                library.status == 200 and small_title in html.unescape(library.text),
                "the evidence library lists it",
            )
        finally:
            if mounted:
                unmount(media)
                self.senate.mounted = None
            if limited and "web" in self.senate.processes.running:
                self.senate.processes.stop("web")
                self.senate.start_web()
        REPORT.check(
            files_under(media) == before_mount, "after unmounting, MEDIA_ROOT holds exactly the files it held before"
        )

    def _would_sweep(self, orphans: set[str]) -> str:
        """Would the worker's orphan sweep (if this tree has one) remove these files, and when?"""
        try:
            from senate.core.uploads.stored import orphan_age, sweep_orphans
            from senate.evidence.library import stored_files
        except ImportError:
            return "this tree has no orphan sweep for evidence files"
        from django.core.files.storage import default_storage
        from django.utils import timezone

        class Pretend:  # the real storage, except that deleting is only noted
            def __init__(self) -> None:
                self.deleted: set[str] = set()

            def __getattr__(self, name: str) -> Any:
                return getattr(default_storage, name)

            def delete(self, name: str) -> None:
                self.deleted.add(name)

        storage = Pretend()
        logging.getLogger("senate.uploads").disabled = True  # a dry run: nothing is deleted
        sweep_orphans("evidence/", stored_files(), now=timezone.now(), storage=storage)  # type: ignore[arg-type]
        now_gone = set(storage.deleted)
        later = timezone.now() + orphan_age() + orphan_age() / 24
        sweep_orphans("evidence/", stored_files(), now=later, storage=storage)  # type: ignore[arg-type]
        logging.getLogger("senate.uploads").disabled = False
        hours = orphan_age().total_seconds() / 3600
        return (
            f"the worker's orphan sweep removes it now: {bool(orphans & now_gone)}; once it is {hours:.0f} h old: "
            f"{orphans <= storage.deleted} (dry run)"
        )

    def _web_error(self) -> str:
        """The last exception in granian's log, with the last frame in Senate's own code."""
        log = _tail(self.senate.run_dir / "web.log", 120).splitlines()
        errors = [i for i, line in enumerate(log) if re.match(r"\s*\w+(\.\w+)*(Error|Exception)\b.*:", line)]
        if not errors:
            return "no exception in granian's log"
        frames = [m for line in log[: errors[-1]] if (m := re.search(r'"(/[^"]*/senate/[^"]+)", line (\d+)', line))]
        where = f" raised under {Path(frames[-1][1]).relative_to(ROOT)}:{frames[-1][2]}" if frames else ""
        return f"{log[errors[-1]].strip()}{where}"


def unmount(folder: Path) -> None:
    for argv in (["umount", str(folder)], ["umount", "-l", str(folder)]):
        if subprocess.run(argv, capture_output=True, timeout=20, check=False).returncode == 0:
            return
    print(f"  could not unmount {folder}", flush=True)


# --- the run ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pg",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a maintenance database URL on the loopback PostgreSQL server",
    )
    parser.add_argument("--database", default="senate_bench_faults")
    parser.add_argument("--budget", type=float, default=570, help="seconds for the whole run before cleanup")
    parser.add_argument("--replications", type=int, default=60, help="of the bed model killed mid-run")
    parser.add_argument("--upload-mb", type=int, default=8)
    parser.add_argument("--upload-seconds", type=float, default=6)
    parser.add_argument("--keep", action="store_true", help="keep the run folder (logs, mailbox)")
    parser.add_argument("--hanging-smtp", nargs=2, metavar=("PORT", "LOG"), help=argparse.SUPPRESS)
    parser.add_argument("--slow-smtp", nargs=4, metavar=("PORT", "FOLDER", "DELAY", "LOG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.slow_smtp:
        port, folder, delay, log = args.slow_smtp
        slow_smtp(int(port), Path(folder), float(delay), Path(log))
        return 0
    if args.hanging_smtp:
        hanging_smtp(int(args.hanging_smtp[0]), Path(args.hanging_smtp[1]))
        return 0
    host = args.pg.split("@")[-1].split("/")[0].split(":")[0]
    if host not in {"127.0.0.1", "localhost"}:
        parser.error("PostgreSQL must be on loopback")

    global BUDGET
    BUDGET = Budget(args.budget)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    run_dir = Path(tempfile.mkdtemp(prefix="senate-faults-"))
    senate = Senate(args, run_dir)
    print(
        f"Senate fault benchmark: web 127.0.0.1:{senate.web_port}, SMTP 127.0.0.1:{senate.smtp_port}, "
        f"database {args.database}, run folder {run_dir}",
        flush=True,
    )
    created = False
    try:
        senate.create_database()
        created = True
        senate.build()
        senate.start_web()
        senate.settle()
        REPORT.figures.append(f"setup done in {BUDGET.elapsed():.0f} s")
        faults = Faults(senate)
        for fault in (
            faults.worker_killed,
            faults.worker_killed_mid_email,
            faults.web_killed_mid_upload,
            faults.smtp_hangs,
            faults.disk_full,
        ):
            try:
                fault()
            except Exception as error:  # noqa: BLE001 - one fault failing must not hide the others
                REPORT.fail(f"{fault.__name__} did not finish: {type(error).__name__}: {error}")
            for name, start in (
                ("worker", senate.start_worker),
                ("web", senate.start_web),
                ("smtp", senate.start_sink),
            ):
                if name not in senate.processes.running and BUDGET.left() > 60:
                    start()
    except Exception as error:  # noqa: BLE001
        REPORT.fail(f"the run stopped: {type(error).__name__}: {error}")
    finally:
        if senate.mounted:
            unmount(senate.mounted)
        senate.stop_all()
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if created:
            try:
                senate.drop_database()
            except Exception as error:  # noqa: BLE001
                print(f"  could not drop {args.database}: {error}", flush=True)
        if args.keep:
            print(f"Run folder kept: {run_dir}")
        else:
            shutil.rmtree(run_dir, ignore_errors=True)
    print(f"\n{REPORT.passed} checks passed, {len(REPORT.failed)} failed; {BUDGET.elapsed():.0f} s in all")
    for line in REPORT.figures:
        print(f"  {line}")
    for line in REPORT.failed:
        print(f"  FAILED: {line}")
    return 1 if REPORT.failed else 0


if __name__ == "__main__":
    sys.exit(main())
