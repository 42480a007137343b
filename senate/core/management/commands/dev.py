"""`senate dev [ADDRPORT]`: the development web server and the background worker side by side, so
queued emails leave and bed models run. Ctrl+C (or SIGTERM) stops both; if either one ends, the
other is stopped too. `make run` uses this."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from types import FrameType

from django.core.management.base import BaseCommand, CommandParser

GRACE_SECONDS = 15  # for the worker to finish the task in hand before it is killed


class Command(BaseCommand):
    help = "Development: run the web server and the background worker together; Ctrl+C stops both."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: object, addrport: str, **options: object) -> None:
        senate = [sys.executable, "-m", "senate"]
        # Links in emails point at this server, whatever port it was given (unless SITE_URL says otherwise).
        os.environ.setdefault("SITE_URL", site_url(addrport))
        # Each child leads its own process group, so one Ctrl+C here reaches each of them exactly once
        # (the worker takes a second interrupt as "abandon the task in hand").
        children = {
            "worker": subprocess.Popen([*senate, "worker", "--no-startup-delay"], start_new_session=True),
            "web server": subprocess.Popen([*senate, "runserver", addrport], start_new_session=True),
        }
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            while all(child.poll() is None for child in children.values()):
                time.sleep(0.5)
            ended = next(name for name, child in children.items() if child.poll() is not None)
            self.stderr.write(f"The {ended} stopped, so Senate is stopping.")
        except KeyboardInterrupt:
            self.stdout.write("Stopping the web server and the worker…")
        finally:
            _stop(children.values())


def site_url(addrport: str) -> str:
    """The address people open for `runserver ADDRPORT` ("8001", "127.0.0.1:8001" or "[::1]:8001")."""
    host, _, port = addrport.rpartition(":")
    return f"http://{host or '127.0.0.1'}:{port}"


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _stop(children: Iterable[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            try:
                os.killpg(child.pid, signal.SIGINT)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + GRACE_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
