"""Given a piece of advice issued this year, when the Chair opens the dashboard, then they read a chart's
table, download it as XLSX (which opens with the same rows) and produce the annual report as a PDF."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.reviews import lifecycle
from senate.reviews.tests.conftest import walk
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.browser


def test_the_chair_reads_the_dashboard_downloads_a_table_and_produces_the_annual_report(journey, cast):
    r = RequestFactory(created_by=cast["requester"], kind="early_advice", title="Community hospital beds")
    with lifecycle.reviews_rules_only():
        walk(r, "accept", "record_advice_drafted", "approve_advice", "issue", cast=cast)
    journey.sign_in(cast["chair"].email, PASSWORD)
    journey.go("/south-west/")
    page = journey.page
    page.get_by_role("link", name="Dashboard", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dashboard")
    journey.check_accessibility()

    expect(page.get_by_role("img", name="Requests by stage today")).to_be_visible()
    stages = page.get_by_role("table", name="Table: Requests by stage today")
    expect(stages.get_by_role("row")).to_have_count(2)
    expect(stages).to_contain_text("Issued to requester")
    page.get_by_role("heading", name="Requests by stage today").scroll_into_view_if_needed()
    journey.screenshot("docs/user/statistics-dashboard.png")  # only with SENATE_SCREENSHOTS=1

    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX of Requests by stage today").click()
    sheet = load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active
    assert list(sheet.iter_rows(values_only=True))[1:3] == [("Stage", "Requests"), ("Issued to requester", 1)]

    page.get_by_role("link", name="Produce the annual report").click()
    expect(page.get_by_role("heading", name="Annual report", level=1)).to_be_visible()
    journey.check_accessibility()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF of the annual report").first.click()
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
