"""The production smoke journey: Chromium against Senate served by granian with DEBUG off, on
PostgreSQL, with the real background worker and a local SMTP sink (see .ci/run and docs/deploy.md).

    python tests/production/smoke.py --base-url http://localhost:8765 --mailbox var/mailbox

It runs in the same environment as the server (DATABASE_URL, SECRET_KEY, DEBUG=0), reads the
database only to find which demo request to open, and finds everything on the pages as a person
does: by role and label. It prints one line per check and closes with how many passed and failed.
"""

import argparse
import os
import sys
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS += ["--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "senate-demo-2026"


def django_setup() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    import django

    django.setup()


class Smoke:
    def __init__(self, page: Page, base_url: str, mailbox: Path) -> None:
        self.page, self.base_url, self.mailbox = page, base_url.rstrip("/"), mailbox
        self.passed: list[str] = []
        self.failed: list[str] = []

    def check(self, name: str, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception:  # noqa: BLE001 - every failure is reported, then the run goes on
            self.failed.append(name)
            print(f"FAILED {name}\n{traceback.format_exc()}", flush=True)
        else:
            self.passed.append(name)
            print(f"ok {name}", flush=True)

    def go(self, path: str, status: int = 200) -> None:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status == status, f"{path}: {response and response.status}"
        expect(self.page.locator("header.nhsuk-header")).to_be_visible()
        self.no_failed_assets()

    def no_failed_assets(self) -> None:
        for sheet in self.page.locator("link[rel=stylesheet]").all():
            href = sheet.get_attribute("href") or ""
            assert self.page.request.get(self.base_url + href).status == 200, f"stylesheet {href} is missing"

    def sign_in(self, who: str) -> None:
        self.page.context.clear_cookies()
        self.go("/account/sign-in/")
        self.page.get_by_label("Email address").fill(f"{who}@demo.senate.example")
        self.page.get_by_label("Password", exact=True).fill(PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_load_state()
        expect(self.page.get_by_role("button", name="Sign out")).to_be_visible()


def public_pages(smoke: Smoke) -> None:
    smoke.go("/")
    assert "/static/nhsuk/nhsuk-frontend.min." in smoke.page.content(), "assets are not the hashed files"
    smoke.go("/south-west/interests/register/")
    expect(smoke.page.get_by_role("heading", level=1)).to_have_text("Register of interests")


def error_pages(smoke: Smoke) -> None:
    """The 404 page in the NHS design; a signed-out person asked to sign in; a signed-in person refused
    a page that is not theirs with a 403 in the NHS design that says why."""
    smoke.go("/atlantis/", status=404)
    expect(smoke.page.get_by_role("heading", name="Page not found")).to_be_visible()
    if not smoke.page.context.cookies():
        smoke.go("/south-west/members/")
        assert "/account/sign-in/" in smoke.page.url, smoke.page.url
        expect(smoke.page.get_by_label("Email address")).to_be_visible()
    else:
        smoke.go("/south-west/requests/new/", status=403)  # only a requester asks for advice
        expect(smoke.page.get_by_role("main")).to_contain_text("permission")


def register_download(smoke: Smoke) -> None:
    response = smoke.page.request.get(smoke.base_url + "/south-west/interests/register.csv")
    assert response.status == 200 and "text/csv" in response.headers["content-type"], response.status
    assert response.text().splitlines()[0], "the CSV has no header row"


def a_page_of_each_app(smoke: Smoke) -> None:
    """The Senate manager follows every link in the header, then every link on a request's page."""
    from senate.reviews.models import Request

    smoke.sign_in("manager")
    links = [a.get_attribute("href") for a in smoke.page.locator("header.nhsuk-header nav a").all()]
    request = Request.objects.filter(senate__slug="south-west").exclude(stage="draft").order_by("pk").first()
    assert request is not None, "the demo has no submitted request"
    smoke.go(f"/south-west/requests/{request.pk}/")
    links += [a.get_attribute("href") for a in smoke.page.locator("main a").all()]
    seen = set()
    for href in links:
        if href and href.startswith("/south-west/") and href not in seen and not href.endswith((".pdf", ".docx")):
            seen.add(href)
            smoke.go(href)
    apps = {href.split("/")[2] for href in seen if href.count("/") > 2}
    for part in ("requests", "members", "interests", "panels", "evidence", "reports", "council"):
        assert part in apps, f"no page of {part} was reached: {sorted(apps)}"


def bed_model_through_the_worker(smoke: Smoke) -> None:
    """A panel member builds a small bed model and runs it: the real worker picks it up."""
    from senate.accounts.models import User
    from senate.beds.permission_names import BedsPermission
    from senate.reviews.models import Request

    member = User.objects.get(email="assembly@demo.senate.example")
    request = next(r for r in Request.objects.order_by("pk") if member.has_perm(BedsPermission.EDIT, r))
    smoke.sign_in("assembly")
    smoke.go(f"/{request.senate.slug}/beds/requests/{request.pk}/")
    page = smoke.page
    page.get_by_role("button", name="Create a bed model").click()  # an NHS button that is a link
    page.get_by_label("Name this bed model").fill(f"Smoke test {uuid.uuid4().hex[:6]}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Bed pool").fill("Medical wards now")
    page.get_by_label("Admissions per year").fill("2000")
    page.get_by_label("Beds available now").fill("30")
    page.get_by_label("Mean length of stay in days").fill("4")
    page.get_by_label("Coefficient of variation of length of stay").fill("1.2")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Proposal", exact=True).fill("Medical wards proposed")
    page.get_by_label("Beds proposed").fill("26")
    page.get_by_label("Simulation replications").fill("4")
    page.get_by_label("Years simulated in each replication").fill("1")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Run the model").click()
    expect(page.get_by_text("Beds at the target occupancy (rule of thumb)").first).to_be_visible(timeout=180_000)


def email_reaches_the_mail_server(smoke: Smoke) -> None:
    """An email queued by the domain is delivered by the worker to the SMTP server."""
    from django.db import transaction

    from senate.notifications.outbox import queue_email

    subject = f"Senate smoke test {uuid.uuid4().hex}"
    with transaction.atomic():
        queue_email(to="smoke@example.nhs.uk", subject=subject, body="Sent by the smoke journey.", kind="smoke")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if any(subject in path.read_text(errors="replace") for path in smoke.mailbox.glob("*.eml")):
            return
        time.sleep(1)
    raise AssertionError(f"no email reached {smoke.mailbox} within 90 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default="http://localhost:8765")
    parser.add_argument("--mailbox", type=Path, default=Path("var/mailbox"))
    arguments = parser.parse_args()
    django_setup()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.set_default_timeout(20_000)
        smoke = Smoke(page, arguments.base_url, arguments.mailbox)
        smoke.check("public pages in the NHS design with hashed assets", lambda: public_pages(smoke))
        smoke.check("404 and 403 pages in the NHS design", lambda: error_pages(smoke))
        smoke.check("the register downloads as CSV", lambda: register_download(smoke))
        smoke.check("the Senate manager reaches a page of each app", lambda: a_page_of_each_app(smoke))
        smoke.check("signed in, a refused page says why", lambda: error_pages(smoke))
        smoke.check("a bed model completes through the real worker", lambda: bed_model_through_the_worker(smoke))
        smoke.check("an email reaches the mail server through the worker", lambda: email_reaches_the_mail_server(smoke))
        browser.close()
    print(f"The smoke journey: {len(smoke.passed)} checks passed and {len(smoke.failed)} failed")
    return 1 if smoke.failed else 0


if __name__ == "__main__":
    sys.exit(main())
