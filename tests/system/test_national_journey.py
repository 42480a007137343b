"""Given advice published by two Senates, when a member of the public filters the national advice log
and opens a report, they read it; when NHS England's national team signs in, they see every Senate side
by side and are refused a draft report."""

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.council.tests.factories import published_request
from senate.organisations.models import Senate
from senate.reports.tests.factories import draft
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.browser


def test_the_public_filters_the_national_log_and_the_national_team_sees_every_senate(journey, cast):
    published_request(cast, title="Stroke services in Devon")
    london = published_request(cast, title="Maternity services in London")
    london.senate = Senate.objects.get(slug="london")
    london.save()
    drafting = RequestFactory(created_by=cast["requester"], stage="draft_report", title="Draft review")
    version = draft(drafting, by=cast["manager"])
    page = journey.page

    journey.go("/national/advice/")
    expect(page.get_by_role("link", name="Maternity services in London")).to_be_visible()
    page.get_by_label("Senate", exact=True).select_option(label="South West Clinical Senate")
    page.get_by_role("button", name="Apply filters").click()
    journey.check_accessibility()
    expect(page.get_by_role("link", name="Maternity services in London")).to_have_count(0)
    page.get_by_role("link", name="Stroke services in Devon").click()
    expect(page.get_by_role("heading", name="Stroke services in Devon", level=1)).to_be_visible()
    journey.check_accessibility()

    journey.sign_in(cast["national"].email, PASSWORD)
    journey.go("/?all=1")
    page.get_by_role("link", name="National view").click()
    journey.check_accessibility()
    figures = page.get_by_role("table", name="Every Senate's requests and advice")
    expect(figures.get_by_role("rowheader", name="London Clinical Senate")).to_be_visible()
    expect(figures.get_by_role("rowheader", name="South West Clinical Senate")).to_be_visible()

    journey.go(f"/south-west/reports/requests/{drafting.pk}/report/v{version.version}/")
    expect(page.get_by_role("heading", name="You cannot open this page")).to_be_visible()
