"""Given a Senate with members, when the Senate manager looks for people, then they find them."""

import datetime as dt

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
    expect(page.get_by_text("5 members", exact=True)).to_be_visible()

    page.get_by_label("Profession").select_option("nurse")  # htmx updates the results in place
    # Waits without evaluating a string of script, which the Content-Security-Policy forbids.
    expect(page.get_by_text("1 member", exact=True)).to_be_visible()
    results = page.get_by_role("table", name="Members matching the filters")
    expect(results).to_contain_text("Ben Nurse")
    expect(results).to_contain_text("Term ending soon")
    assert "profession=nurse" in page.url  # the filtered list can be bookmarked
    journey.check_accessibility()

    results.get_by_role("link", name="Ben Nurse").click()
    expect(page.get_by_role("heading", name="Ben Nurse", level=1)).to_be_visible()
    journey.check_accessibility()
    assert "Assembly: Recruited member" in page.inner_text("main")

    # coverage is a page of Members, linked from the directory
    page.get_by_role("banner").get_by_role("link", name="Members", exact=True).click()
    page.get_by_role("link", name="Council and Assembly coverage").click()
    expect(page.get_by_role("heading", name="Council and Assembly coverage", level=1)).to_be_visible()
    journey.check_accessibility()
    # The Council's tables come before the Assembly's; its first is its constituencies.
    council = page.get_by_role("table", name="Constituencies").first.inner_text()
    assert "Patients and the public\tCovered" in council
    assert "Integrated care boards\tNot covered" in council


def test_assembly_member_edits_their_own_profile(journey, cast):
    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go("/profile/")
    page = journey.page
    page.get_by_role("button", name="Change your profile").click()
    expect(page.get_by_role("heading", name="Change your profile", level=1)).to_be_visible()
    journey.check_accessibility()

    page.get_by_label("Full name").fill("")
    page.get_by_label("Phone number").fill("call me")
    page.get_by_role("button", name="Save your profile").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter your full name")
    expect(summary).to_contain_text("Enter a UK phone number")
    journey.check_accessibility()

    page.get_by_label("Full name").fill("Tom Assembly-Hughes")
    page.get_by_label("Phone number").fill("01632 960 001")
    page.get_by_role("group", name="Specialties").get_by_label("Stroke medicine", exact=True).check()
    willing = page.get_by_role("group", name="Are you willing to serve on panels for other Clinical Senates?")
    willing.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Save your profile").click()
    expect(page.get_by_text("Your profile has been saved")).to_be_visible()
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
