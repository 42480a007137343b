"""What the benchmarks that drive Senate through its web server share (bench/load, bench/pages):
Senate in production mode on loopback (the settings of tools/production_run.sh: granian with two
workers, the background worker and the SMTP sink), a person's browser (one keep-alive connection and
a cookie jar), signing in through the real form, and the machine's CPU. Import it from a benchmark
with `sys.path.insert(0, str(Path(__file__).resolve().parents[1]))` then `import _server`."""

from __future__ import annotations

import collections
import html
import http.client
import math
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
PASSWORD = "senate-demo-2026"
TRIVIAL = "/accessibility/"  # the trivial page: the layout and a signed-in person, as issue 19 measures
TIMEOUT = 10.0
DEMO = [
    ("migrate", ["migrate", "--verbosity", "0"]),
    ("demo", ["demo", "--scale", "demo"]),
    ("collectstatic", ["collectstatic", "--noinput", "--verbosity", "0"]),
]


# --- the servers ---------------------------------------------------------------------------------


class Stack:
    """Senate in production mode on loopback: the settings of tools/production_run.sh, granian with
    two workers, one background worker and the SMTP sink. Each runs in its own process group."""

    def __init__(self, run_dir: Path, database_url: str) -> None:
        self.run_dir = run_dir
        run_dir.mkdir(parents=True)
        self.port, smtp_port = free_port(), free_port()
        self.env = dict(os.environ)
        self.env.update(
            DATABASE_URL=database_url,
            DEBUG="0",
            SENATE_TESTING="0",
            SECRET_KEY="bench-" + secrets.token_urlsafe(64),
            ALLOWED_HOSTS="localhost,127.0.0.1",
            SITE_URL=f"http://localhost:{self.port}",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST=HOST,
            EMAIL_PORT=str(smtp_port),
            STATIC_ROOT=str(run_dir / "static"),
            MEDIA_ROOT=str(run_dir / "media"),
            SECURE_SSL_REDIRECT="0",
            SESSION_COOKIE_SECURE="0",
        )
        self.smtp_port = smtp_port
        self.processes: list[subprocess.Popen[bytes]] = []
        self.web: subprocess.Popen[bytes] | None = None

    def prepare(self, commands: list[tuple[str, list[str]]] = DEMO) -> None:
        """Run each `senate` command in turn (by default: migrate, build the demo world, collect static)."""
        for name, command in commands:
            started = time.perf_counter()
            log = self.run_dir / f"{name}.log"
            with log.open("wb") as out:
                done = subprocess.run([str(BIN / "senate"), *command], cwd=ROOT, env=self.env, stdout=out, stderr=out)
            if done.returncode:
                raise RuntimeError(f"senate {' '.join(command)} failed:\n{tail(log)}")
            print(f"  senate {' '.join(command)}: {time.perf_counter() - started:.1f} s", flush=True)

    def start(self) -> None:
        mailbox = self.run_dir / "mailbox"
        self._spawn("smtp", [str(BIN / "python"), "tools/smtp_sink.py", "--port", str(self.smtp_port)], mailbox)
        self._spawn("worker", [str(BIN / "senate"), "worker", "--verbosity", "0"])
        self.web = self._spawn(
            "web",
            [str(BIN / "granian"), "--interface", "wsgi", "--host", HOST, "--port", str(self.port)]
            + ["--workers", "2", "--log-level", "warning", "senate.config.wsgi:application"],
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.web.poll() is not None:
                break
            probe = Browser(self.port)
            try:
                if probe.request("GET", TRIVIAL).status == 200:
                    print(f"  granian (2 workers) answers on http://{HOST}:{self.port}/", flush=True)
                    return
            except OSError:
                pass
            finally:
                probe.close()
            time.sleep(0.5)
        raise RuntimeError(f"granian did not start:\n{tail(self.run_dir / 'web.log')}")

    def _spawn(self, name: str, argv: list[str], mailbox: Path | None = None) -> subprocess.Popen[bytes]:
        if mailbox is not None:
            argv += ["--folder", str(mailbox)]
        with (self.run_dir / f"{name}.log").open("wb") as out:
            process = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            signal_group(process, signal.SIGKILL)  # any child left behind in the group
            process.wait()
        self.processes = []

    def web_cpu(self) -> float:
        """CPU seconds used so far by granian and its worker processes (its process group)."""
        return group_cpu(self.web.pid) if self.web else 0.0

    def log_errors(self) -> collections.Counter[str]:
        text = (self.run_dir / "web.log").read_text(errors="replace")
        return collections.Counter(
            {"tracebacks": text.count("Traceback (most recent call last)"), "locked": text.count("database is locked")}
        )


def signal_group(process: subprocess.Popen[bytes], sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else "(no log)"


def group_cpu(pgid: int) -> float:
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ..., utime (11), stime (12)
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(values[:8]) - idle) / tick, sum(values[:8]) / tick


def loadavg() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


# --- a person's browser ------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    location: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """One person's browser: one keep-alive connection to 127.0.0.1 and a cookie jar."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}
        self.reconnects = 0
        self.timeout = TIMEOUT

    def request(self, method: str, path: str, form: dict[str, str | list[str]] | None = None) -> Reply:
        headers = {"User-Agent": "senate-bench-load", "Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(form, doseq=True) if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        reused = self.connection is not None
        try:
            return self._send(method, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            if not reused:
                raise
            # The server closed an idle keep-alive connection: a browser opens a new one and retries.
            self.reconnects += 1
            return self._send(method, path, body, headers)

    def _send(self, method: str, path: str, body: str | None, headers: dict[str, str]) -> Reply:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except Exception:
            self.connection.close()
            self.connection = None
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie: SimpleCookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        if response.will_close:
            self.connection.close()
            self.connection = None
        return Reply(
            response.status,
            response.getheader("Location", ""),
            data,
            {k.lower(): v for k, v in response.headers.items()},
        )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def sign_in(browser: Browser, account: str) -> None:
    """Through the real form, with the right password (wrong ones are slowed: senate/accounts/throttle.py)."""
    form = browser.request("GET", "/account/sign-in/")
    token = csrf_token(form.text)
    if form.status != 200 or not token:
        raise RuntimeError(f"the sign-in form did not load for {account}: HTTP {form.status}")
    email = f"{account}@demo.senate.example"
    fields: dict[str, str | list[str]] = {"csrfmiddlewaretoken": token, "email": email, "password": PASSWORD}
    reply = browser.request("POST", "/account/sign-in/", fields)
    if reply.status != 302 or "sessionid" not in browser.cookies:
        raise RuntimeError(f"{email} could not sign in: HTTP {reply.status}")


def csrf_token(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return found.group(1) if found else ""


def links(page: str, element: str) -> list[str]:
    parts = re.findall(rf"<{element}\b.*?</{element}>", page, re.S)
    return [html.unescape(h) for part in parts for h in re.findall(r'href="([^"]+)"', part)]


def vacuum(database_url: str) -> None:
    """VACUUM ANALYZE the freshly built database. In service autovacuum would have done it long ago; left
    to itself here it runs during the timed load and is counted against whichever phase it falls in."""
    import psycopg

    started = time.perf_counter()
    plain = urllib.parse.urlunsplit(urllib.parse.urlsplit(database_url)._replace(query=""))
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    print(f"  VACUUM (ANALYZE) of the new database: {time.perf_counter() - started:.1f} s", flush=True)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)] if ordered else float("nan")
