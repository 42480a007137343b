"""Browser journeys: Playwright driving Debian's Chromium against the live test server, with an
axe-core accessibility check on every page visited. Skipped, plainly, when Chromium is missing."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in the test thread; the test's own database calls are
# synchronous and safe, so let Django allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(reason="SKIPPED browser journey: Chromium is not installed (apt-get install chromium)")
    for item in items:
        if "tests/system" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Journey:
    """A person in a browser. Every page they reach is checked for accessibility."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []

    def go(self, path):
        self.page.goto(self.base_url + path)
        self.check_accessibility()

    def sign_in(self, email, password):
        self.go("/account/sign-in/")
        self.page.get_by_label("Email address").fill(email)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_load_state()
        self.check_accessibility()

    def fill(self, boxes):
        """Type into each box, found by its exact label, as a person would."""
        for label, value in boxes.items():
            self.page.get_by_label(label, exact=True).fill(value)

    def check_accessibility(self):
        from axe_playwright_python.sync_playwright import Axe
        from playwright.sync_api import Error as PlaywrightError

        # A click that opens a page returns before the new page has replaced the old one; axe run
        # in between meets a document that is going away. Wait for the page, and check again if
        # the document was replaced while axe was reading it.
        for attempt in range(3):
            self.page.wait_for_load_state()
            try:
                results = Axe().run(self.page)
                break
            except PlaywrightError as error:
                replaced = ("documentElement", "Execution context was destroyed", "navigat")
                if attempt == 2 or not any(word in str(error) for word in replaced):
                    raise
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"Accessibility problems on {self.page.url}: {serious}"
        self.checked.append(self.page.url)

    def screenshot(self, path):
        """The pictures in docs/ are refreshed only when asked (SENATE_SCREENSHOTS=1), so a test run
        never changes the checkout; otherwise the picture goes to a temporary folder."""
        if not os.environ.get("SENATE_SCREENSHOTS"):
            path = Path(tempfile.gettempdir()) / "senate-screenshots" / Path(path).name
        self.page.screenshot(path=str(path), full_page=False)


@pytest.fixture
def journey(chromium, live_server, reference_data):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Journey(page, live_server.url)
    context.close()
