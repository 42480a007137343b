"""`make run` runs `senate dev`: the development web server and the background worker together, so
queued emails leave and bed models run; one Ctrl+C stops both (issue 12, item 3). Run here as a newcomer
would, in its own processes, on a SQLite database of its own."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs Unix process groups")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SENATE_TESTING", "DATABASE_URL"}}
    return env | {"DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}"}


def _live_workers(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return int(db.execute("SELECT count(*) FROM core_workerheartbeat WHERE stopped_at IS NULL").fetchone()[0])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_senate_dev_serves_pages_with_a_live_worker_and_one_interrupt_stops_both(tmp_path):
    database, port = tmp_path / "senate.sqlite3", _free_port()
    env = _env(database)
    senate = [sys.executable, "-m", "senate"]
    migrated = subprocess.run([*senate, "migrate", "--verbosity", "0"], env=env, capture_output=True, timeout=300)
    assert migrated.returncode == 0, migrated.stderr
    dev = subprocess.Popen(
        [*senate, "dev", f"127.0.0.1:{port}"],
        env=env,
        cwd=tmp_path,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(lambda: _answers(f"http://127.0.0.1:{port}/"), 60), "the web server did not answer"
        assert _wait_for(lambda: _live_workers(database) == 1, 60), "no background worker is beating"
        os.killpg(dev.pid, signal.SIGINT)  # Ctrl+C in the terminal reaches the whole group
        assert dev.wait(timeout=40) is not None
        assert not _answers(f"http://127.0.0.1:{port}/"), "the web server is still running"
        assert _live_workers(database) == 0, "the worker did not stop (its heartbeat is still open)"
    finally:
        if dev.poll() is None:
            os.killpg(dev.pid, signal.SIGKILL)
            dev.wait()


@pytest.mark.parametrize(
    ("addrport", "address"),
    [
        ("127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("8001", "http://127.0.0.1:8001"),
        ("0.0.0.0:9000", "http://0.0.0.0:9000"),
    ],
)
def test_links_in_emails_point_at_the_port_make_run_was_given(addrport, address):
    from senate.core.management.commands.dev import site_url

    assert site_url(addrport) == address
