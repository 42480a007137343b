"""Given a request that closes beds and a panel member on its panel, when the member enters the
baseline and a proposal with fewer beds and an admission-avoidance claim and runs the model, then
they see the comparison with its charts and mark the model as the one relied on for the bed test.
Every page visited is checked for accessibility. The scenario is small so the run takes seconds."""

import os

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.beds.models import BedModel, BedTestLink
from senate.beds.tests.factories import put_on_panel
from senate.reviews.tests.factories import RequestFactory
from tests.system.beds_boxes import A_VIRTUAL_WARD_PROPOSAL

pytestmark = pytest.mark.browser


def test_a_panel_member_tests_a_bed_reduction_and_relies_on_the_model(journey, cast):
    request = RequestFactory(title="Acute medicine reconfiguration", significant_bed_reduction=True)
    put_on_panel(cast["assembly"], request)
    page = journey.page

    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go(f"/south-west/beds/requests/{request.pk}/")
    page.get_by_role("button", name="Create a bed model").click()
    expect(page.get_by_role("heading", name="Create a bed model", level=1)).to_be_visible()
    journey.check_accessibility()
    page.get_by_label("Name this bed model").fill("Medical wards: 30 to 26 beds with a virtual ward")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="The bed pool now (baseline)", level=1)).to_be_visible()
    journey.check_accessibility()
    journey.fill({"Bed pool": "Medical wards now", "Admissions per year": "2000", "Beds available now": "-30"})
    page.get_by_role("group", name="How do you want to give the length of stay?").get_by_label(
        "Mean and coefficient of variation (a lognormal distribution)"
    ).check()
    journey.fill(
        {
            "Mean length of stay in days": "4",
            "Coefficient of variation of length of stay": "1.2",
            "Split of admissions by weekday, Monday to Sunday": "0.16, 0.15, 0.15, 0.15, 0.15, 0.12, 0.12",
        },
    )
    page.get_by_role("button", name="Save and continue").click()
    problems = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(problems).to_be_visible()
    journey.check_accessibility()
    assert "Beds available now: must be a whole number" in problems.inner_text()
    page.get_by_label("Beds available now", exact=True).fill("30")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", name="The proposal", level=1)).to_be_visible()
    journey.check_accessibility()
    journey.fill(A_VIRTUAL_WARD_PROPOSAL)
    page.get_by_role("button", name="Save and continue").click()

    run = page.get_by_role("button", name="Run the model", exact=True)
    expect(run).to_be_visible()
    journey.check_accessibility()
    run.click()
    expect(page.get_by_role("heading", name="Baseline beside proposal", level=2)).to_be_visible()
    journey.check_accessibility()
    main = page.inner_text("main")
    assert "Medical wards now" in main and "Medical wards proposed" in main
    assert "Beds at the target occupancy (rule of thumb)" in main
    assert "4 WTE band 6 nurses" in page.inner_text("#assumptions")
    assert page.locator("figure.beds-chart svg[role='img']").count() == 3
    if os.environ.get("SENATE_SCREENSHOTS"):
        page.locator("#headline").scroll_into_view_if_needed()
        page.mouse.wheel(0, 250)
        journey.screenshot("docs/user/beds-results.png")

    page.get_by_role("button", name="Rely on this model for the bed test").click()
    expect(page.get_by_text("The panel relies on this model for the bed test of this request")).to_be_visible()
    journey.check_accessibility()
    bed_model = BedModel.objects.get(request=request)
    assert bed_model.status == BedModel.Status.DONE
    assert BedTestLink.objects.get(request=request).bed_model == bed_model
