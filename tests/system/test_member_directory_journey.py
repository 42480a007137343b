"""Given a Senate with members, when the Senate manager looks for people, then they find them."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.members.models import Body, MembershipRole, Profession
from senate.members.tests.factories import MembershipFactory

pytestmark = pytest.mark.browser


def test_manager_filters_the_directory_opens_a_member_and_sees_coverage(journey, cast):
    MembershipFactory(profile__user__full_name="Amara Stroke", profile__expertise=["stroke", "secondary"])
    MembershipFactory(
        profile__user__full_name="Ben Nurse",
        profile__profession=Profession.NURSE,
        term_end=dt.date.today() + dt.timedelta(days=20),
    )
    MembershipFactory(
        profile__user__full_name="Pat Voice",
        profile__profession=Profession.PPV,
        body=Body.COUNCIL,
        role=MembershipRole.PPV,
    )

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go("/south-west/members/")
    page = journey.page
    assert page.locator("#result-count").inner_text().startswith("5")

    page.select_option("#id_profession", "nurse")  # htmx updates the results in place
    # Waits without evaluating a string of script, which the Content-Security-Policy forbids.
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^\s*1\b"))
    assert "Ben Nurse" in page.inner_text("#directory-results")
    assert "Term ending soon" in page.inner_text("#directory-results")
    assert "profession=nurse" in page.url  # the filtered list can be bookmarked
    journey.check_accessibility()

    page.click("text=Ben Nurse")
    page.wait_for_selector("h1:has-text('Ben Nurse')")
    journey.check_accessibility()
    assert "Assembly: Recruited member" in page.inner_text("main")

    page.click("header >> text=Members")  # coverage is a page of Members, linked from the directory
    page.get_by_role("link", name="Council and Assembly coverage").click()
    page.wait_for_selector("h1:has-text('Council and Assembly coverage')")
    journey.check_accessibility()
    council = page.locator("table[data-coverage='council']").first.inner_text()
    assert "Patients and the public\tCovered" in council
    assert "Integrated care boards\tNot covered" in council


def test_assembly_member_edits_their_own_profile(journey, cast):
    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go("/profile/")
    page = journey.page
    page.click("text=Change your profile")
    page.wait_for_selector("h1:has-text('Change your profile')")
    journey.check_accessibility()

    page.fill("#id_full_name", "")
    page.fill("#id_phone", "call me")
    page.click("button:has-text('Save your profile')")
    page.wait_for_selector(".nhsuk-error-summary")
    journey.check_accessibility()
    summary = page.inner_text(".nhsuk-error-summary")
    assert "Enter your full name" in summary and "Enter a UK phone number" in summary

    page.fill("#id_full_name", "Tom Assembly-Hughes")
    page.fill("#id_phone", "01632 960 001")
    page.check("input[value='stroke']")
    page.check("input[name='willing_to_serve_other_senates'][value='True']")
    page.click("button:has-text('Save your profile')")
    page.wait_for_selector("text=Your profile has been saved")
    journey.check_accessibility()
    main = page.inner_text("main")
    assert "Tom Assembly-Hughes" in main and "Stroke medicine" in main and "01632 960 001" in main


def test_public_pages_are_accessible_without_signing_in(journey):
    journey.go("/?all=1")
    journey.go("/south-west/")
    journey.go("/south-west/organisations/")
    journey.go("/wessex/")
    journey.go("/no-such-senate/")
    assert "Page not found" in journey.page.inner_text("main")
