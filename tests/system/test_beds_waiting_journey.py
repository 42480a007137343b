"""Given a request that closes beds and a panel member on its panel, when the member builds a bed model
whose demand swings by month and weekday, where patients who find every bed full wait for one (as in an
emergency department), escalation beds open above 90% occupied and some discharges are delayed and
fewer happen at weekends, asks for the beds the proposal needs and how sure we
can be that it meets a target, and runs it, then they read the required beds and the chance of meeting
the target on the results page, as the model worked them out (issue 18). Every page is checked for
accessibility; boxes are found by their labels. The scenario is small so the run takes seconds."""

import re

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.beds.models import BedModel
from senate.beds.tests.factories import put_on_panel
from senate.reviews.tests.factories import RequestFactory
from tests.system.beds_boxes import A_VIRTUAL_WARD_PROPOSAL

pytestmark = pytest.mark.browser

WINTER_PEAK = "0.095, 0.085, 0.09, 0.08, 0.08, 0.075, 0.075, 0.075, 0.08, 0.085, 0.085, 0.095"
WEEKDAYS = "0.17, 0.16, 0.15, 0.15, 0.15, 0.11, 0.11"


def test_a_panel_member_models_waiting_patients_and_escalation_beds_under_seasonal_demand(journey, cast):
    request = RequestFactory(title="Acute medicine reconfiguration", significant_bed_reduction=True)
    put_on_panel(cast["assembly"], request)
    page = journey.page

    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go(f"/south-west/beds/requests/{request.pk}/")
    page.get_by_role("button", name="Create a bed model").click()
    expect(page.get_by_role("heading", level=1, name="Create a bed model")).to_be_visible()
    journey.check_accessibility()
    page.get_by_label("Name this bed model").fill("Medical wards with a winter peak")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1, name="The bed pool now (baseline)")).to_be_visible()
    journey.check_accessibility()
    journey.fill({"Bed pool": "Medical wards now", "Admissions per year": "2000", "Beds available now": "30"})
    page.get_by_label("Mean and coefficient of variation (a lognormal distribution)").check()
    journey.fill(
        {
            "Mean length of stay in days": "4",
            "Coefficient of variation of length of stay": "1.2",
            "Split of admissions by month, January to December": WINTER_PEAK,
            "Split of admissions by weekday, Monday to Sunday": WEEKDAYS,
            "Share of patients whose discharge is delayed once they are ready to leave": "0.2",
            "Mean delay in days of those delayed": "3",
            "Split of discharges by weekday, Monday to Sunday": "0.18, 0.18, 0.18, 0.18, 0.18, 0.05, 0.05",
        },
    )
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1, name="The proposal")).to_be_visible()
    journey.check_accessibility()
    journey.fill(
        {
            **A_VIRTUAL_WARD_PROPOSAL,
            "Escalation beds": "2",
            "Open the escalation beds when more than this share of the beds is occupied": "0.9",
            "Find the beds the proposal needs for this chance of finding no bed": "0.01",
            "How sure are we: the chance of finding no bed the proposal must not exceed": "0.05",
            "Admissions avoided each year: lowest": "100",
            "Admissions avoided each year: highest": "300",
            "Sets of assumptions to draw": "10",
            "Share of the delayed-discharge days the proposal avoids": "0.5",
        },
    )
    page.get_by_label("The patient waits for a bed, for example in the emergency department").check()
    page.get_by_role("button", name="Save and continue").click()

    run = page.get_by_role("button", name="Run the model")
    expect(run).to_be_visible()
    journey.check_accessibility()
    run.click()
    # The run, the search for the beds needed and the draws take a while the first time (compiling).
    expect(page.get_by_role("heading", name="Baseline beside proposal")).to_be_visible(timeout=180_000)
    journey.check_accessibility()

    result = BedModel.objects.get(request=request).result
    needed = result["proposal"]["required_beds"]
    how_sure = result["uncertainty"]
    assert needed["beds"] is not None and how_sure["draws"] == 10

    # The beds the proposal needs under its swings, beside the steady-demand answer, as the search found them.
    required = page.get_by_role("row", name=re.compile("Beds needed for 1.00% or fewer finding no bed"))
    expect(required).to_contain_text(f"{needed['beds']:,} ({needed['erlang_beds']:,} at steady demand)")
    # How likely the proposal is to meet the target, from the ten sets of assumptions drawn.
    meets = page.get_by_role("row", name=re.compile(r"Chance the proposal meets the target \(5.00%"))
    expect(meets).to_contain_text(f"{how_sure['probability_meets_target']:.0%} ({how_sure['met']} of 10 draws")
    # Patients waited rather than vanished, and the escalation beds' nights are counted.
    expect(page.get_by_role("row", name=re.compile("Share of admissions who wait"))).to_contain_text("%")
    expect(page.get_by_role("row", name=re.compile("Nights a year with escalation beds in use"))).to_contain_text(
        "(2 escalation beds)"
    )
    # Delayed discharges and fewer weekend discharges keep patients in beds longer than their clinical stay,
    # and the proposal halves the delays.
    days_in_bed = page.get_by_role("row", name=re.compile("Days in a bed, with delayed discharges"))
    stays = [result[side]["mean_stay_days"] for side in ("baseline", "proposal")]
    assert stays[0] > stays[1] > 4
    expect(days_in_bed).to_contain_text(f"{stays[0]:,.2f}")
    expect(days_in_bed).to_contain_text(f"{stays[1]:,.2f}")
    # Opened above 90% occupied, they are open (and staffed) on the nights above 90%, not only when in use.
    nights_open = result["proposal"]["simulation"]["midnight_occupancy"]["escalation"]["nights_open"]["mean"]
    expect(page.get_by_role("row", name=re.compile("Nights a year the escalation beds are open"))).to_contain_text(
        f"{nights_open:,.1f} (95% CI"
    )
