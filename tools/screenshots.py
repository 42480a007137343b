"""Take the screenshots in docs/ from the demo Senate, so they show what a person really sees.

    .venv/bin/python tools/screenshots.py

Builds the demo in a temporary SQLite database, serves it, signs in as each role and saves PNGs
into docs/user/. Needs Debian's chromium."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "user"
PASSWORD = "senate-demo-2026"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# (who signs in, path or a function of the database, file name, viewport width)
SHOTS = [
    ("manager", "/south-west/requests/work-queue/", "work-queue.png", 1280),
    ("manager", "request:formal_review:factual_accuracy", "request-page.png", 1280),
    ("requester", "/south-west/requests/", "requester-requests.png", 1280),
    # The Chair has the most header items: all fit at 1280 px; at 375 px the NHS header moves the
    # ones that do not fit into "More", shown open.
    ("chair", "/south-west/", "header-1280.png", 1280),
    ("chair", "/south-west/", "header-375.png", 375),
]


def _request_path(spec: str) -> str:
    import django

    django.setup()
    from senate.reviews.models import Request

    _, kind, stage = spec.split(":")
    request = Request.objects.filter(senate__slug="south-west", kind=kind, stage=stage).first()
    return f"/south-west/requests/{request.pk}/"


def main() -> int:
    from playwright.sync_api import sync_playwright

    tmp = tempfile.mkdtemp()
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp}/shots.sqlite3",
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "senate.config.settings",
    }
    os.environ.update(env)
    senate = str(ROOT / ".venv" / "bin" / "senate")
    subprocess.run([senate, "migrate", "-v0"], check=True, env=env)
    subprocess.run([senate, "demo"], check=True, env=env, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [senate, "runserver", "127.0.0.1:8765", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen("http://127.0.0.1:8765/")
                break
            except OSError:
                time.sleep(0.2)
        targets = [_request_path(path) if path.startswith("request:") else path for _, path, _, _ in SHOTS]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for (who, _path, name, width), target in zip(SHOTS, targets, strict=True):
                height = 1000 if width > 600 else 700
                page = browser.new_context(viewport={"width": width, "height": height}).new_page()
                page.goto("http://127.0.0.1:8765/account/sign-in/")
                page.fill("#id_email", f"{who}@demo.senate.example")
                page.fill("#id_password", PASSWORD)
                page.click("button:has-text('Sign in')")
                page.wait_for_load_state()
                page.goto("http://127.0.0.1:8765" + target)
                more = page.get_by_role("button", name="More")
                if name.startswith("header-") and more.is_visible():
                    more.click()
                page.screenshot(path=str(OUT / name))
                print(f"{name}: {target} as {who}")
            browser.close()
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
