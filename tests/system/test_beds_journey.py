"""Given a request that closes beds and a panel member on its panel, when the member enters the
baseline and a proposal with fewer beds and an admission-avoidance claim and runs the model, then
they see the comparison with its charts and mark the model as the one relied on for the bed test.
Every page visited is checked for accessibility. The scenario is small so the run takes seconds."""

import os

import pytest

from senate.accounts.tests.factories import PASSWORD
from senate.beds.models import BedModel, BedTestLink
from senate.beds.tests.factories import put_on_panel
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.browser


def _fill(page, values):
    for name, value in values.items():
        page.fill(f"#id_{name}", value)


def test_a_panel_member_tests_a_bed_reduction_and_relies_on_the_model(journey, cast):
    request = RequestFactory(title="Acute medicine reconfiguration", significant_bed_reduction=True)
    put_on_panel(cast["assembly"], request)
    page = journey.page

    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go(f"/south-west/beds/requests/{request.pk}/")
    page.click("a:has-text('Create a bed model')")
    page.wait_for_selector("h1:has-text('Create a bed model')")
    journey.check_accessibility()
    page.fill("#id_title", "Medical wards: 30 to 26 beds with a virtual ward")
    page.click("button:has-text('Continue')")

    page.wait_for_selector("h1:has-text('The bed pool now (baseline)')")
    journey.check_accessibility()
    _fill(page, {"name": "Medical wards now", "admissions_per_year": "2000", "beds": "-30"})
    page.check("input[name='los_kind'][value='lognormal']")
    _fill(page, {"los_mean_days": "4", "los_cv": "1.2", "weekday_shares": "0.16, 0.15, 0.15, 0.15, 0.15, 0.12, 0.12"})
    page.click("button:has-text('Save and continue')")
    page.wait_for_selector(".nhsuk-error-summary")
    journey.check_accessibility()
    assert "Beds available now: must be a whole number" in page.inner_text(".nhsuk-error-summary")
    page.fill("#id_beds", "30")
    page.click("button:has-text('Save and continue')")

    page.wait_for_selector("h1:has-text('The proposal')")
    journey.check_accessibility()
    _fill(
        page,
        {
            "name": "Medical wards proposed",
            "proposed_beds": "26",
            "alt_description": "Virtual ward",
            "alt_avoided": "200",
            "alt_workforce": "4 WTE band 6 nurses and 1 WTE consultant geriatrician",
            "replications": "4",
            "years": "1",
        },
    )
    page.click("button:has-text('Save and continue')")

    page.wait_for_selector("button:has-text('Run the model')")
    journey.check_accessibility()
    page.click("button:has-text('Run the model')")
    page.wait_for_selector("#headline")
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

    page.click("button:has-text('Rely on this model for the bed test')")
    page.wait_for_selector("#relied-on")
    journey.check_accessibility()
    bed_model = BedModel.objects.get(request=request)
    assert bed_model.status == BedModel.Status.DONE
    assert BedTestLink.objects.get(request=request).bed_model == bed_model
