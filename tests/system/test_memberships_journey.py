"""Given a Council member, when the Senate manager gives them a role and records that they leave the
Council, then the member's page shows it, with who did it and why."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.members.models import MemberProfile

pytestmark = pytest.mark.browser


def test_manager_gives_a_role_and_ends_a_council_membership(journey, cast):
    today = dt.date.today()
    profile = MemberProfile.objects.get(user=cast["council"])
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/members/{profile.pk}/")
    page = journey.page
    expect(page.get_by_role("heading", name="Memberships and roles", exact=True)).to_be_visible()

    page.get_by_role("link", name="Give a role").click()
    journey.check_accessibility()
    page.get_by_label("Vice-chair").check()
    page.get_by_label("Reason (optional)").fill("Elected by the Council")
    page.get_by_role("button", name="Give the role").click()
    expect(page.get_by_text("Priya Council is now Vice-chair in this Senate.")).to_be_visible()
    journey.check_accessibility()
    page.get_by_role("heading", name="Memberships and roles", exact=True).scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 200)")
    journey.screenshot("docs/user/member-memberships.png")  # only with SENATE_SCREENSHOTS=1

    page.get_by_role("link", name="End membership of the Council").click()
    page.get_by_role("button", name="End the membership").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter why they are leaving")
    journey.check_accessibility()
    leaving = page.get_by_role("group", name="Date they leave")
    leaving.get_by_label("Day").fill(str(today.day))
    leaving.get_by_label("Month").fill(str(today.month))
    leaving.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Why are they leaving?").fill("Moved to another region")
    page.get_by_label("I confirm this member leaves on this date").check()
    page.get_by_role("button", name="End the membership").click()
    expect(page.get_by_text(f"Priya Council leaves the Council on {today.day} {today:%B %Y}.")).to_be_visible()
    journey.check_accessibility()

    history = page.get_by_role("table", name="History of memberships and roles")
    expect(history).to_contain_text("Moved to another region")
    expect(history).to_contain_text("Elected by the Council")
    expect(history).to_contain_text("Sarah Manager")
