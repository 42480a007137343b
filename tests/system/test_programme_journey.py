"""Given a Senate with requests, when the manager plans the year (opens a Senate-initiated thematic
review, scores its priority with reasons, sets its dates and sees the timeline), and a requester
whose advice has been issued gives feedback and records their board's decision, then the plan and
the Senate team's impact page show it (issue 17)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.programme import planning
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.browser


def test_the_manager_plans_a_year_with_a_senate_initiated_topic(journey, cast, icb):
    year = planning.plan_year_of(dt.date.today())
    maternity = RequestFactory(
        created_by=cast["requester"], title="Maternity services in North Devon", stage="accepted"
    )
    journey.sign_in(cast["manager"].email, PASSWORD)
    page = journey.page
    page.get_by_role("link", name="Forward plan").first.click()
    journey.check_accessibility()
    page.get_by_role("button", name="Add a request to the plan").click()
    page.get_by_label("Request or topic").select_option(label=f"{maternity.reference}: {maternity.title}")
    page.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_text(f"Added to the {planning.year_label(year)} plan.")).to_be_visible()

    page.get_by_role("button", name="Open Senate-initiated work").click()
    journey.check_accessibility()
    page.get_by_label("Thematic review").check()
    page.get_by_label("Title").fill("Frailty services across the South West")
    page.get_by_label("What the work will look at, and why now").fill("How frailty pathways compare across the region")
    page.get_by_label("Organisation whose services the work looks at").select_option(label=icb.label)
    page.get_by_role("button", name="Open the work").click()
    expect(page.get_by_role("alert")).to_contain_text("Name a sponsor")
    journey.check_accessibility()
    page.get_by_label("Sponsor: a Council member").select_option(label="Priya Council")
    page.get_by_role("button", name="Open the work").click()
    expect(page.get_by_text("Thematic review opened and added to the plan")).to_be_visible()

    page.get_by_role("link", name="Frailty services across the South West").first.click()
    journey.check_accessibility()
    page.get_by_role("button", name="Score the priority").click()
    journey.check_accessibility()
    for name, score in [
        ("Scale of impact", "5"),
        ("Urgency", "3"),
        ("Inequalities", "5"),
        ("Fit with the Senate's remit", "5"),
    ]:
        page.get_by_role("group", name=f"{name}: score").get_by_label(score, exact=True).check()
        page.get_by_label(f"{name}: why this score").fill(f"{name}: region-wide and unequal")
    page.get_by_role("button", name="Save scores").click()
    expect(page.get_by_role("heading", name="Priority: 90.00 out of 100")).to_be_visible()

    page.get_by_role("link", name="Change the expected dates").click()
    for group, day in [("Expected start", dt.date(year, 5, 1)), ("Expected panel day", dt.date(year, 9, 15)),
                       ("Advice due", dt.date(year, 12, 1))]:  # fmt: skip
        dates = page.get_by_role("group", name=group)
        dates.get_by_label("Day").fill(str(day.day))
        dates.get_by_label("Month").fill(str(day.month))
        dates.get_by_label("Year").fill(str(day.year))
    page.get_by_role("button", name="Save dates").click()
    expect(page.get_by_text("Plan dates saved.")).to_be_visible()

    page.get_by_role("link", name="Forward plan").first.click()
    journey.check_accessibility()
    ranked = page.get_by_role("table", name="The plan, ranked")
    expect(ranked.get_by_role("row").nth(1)).to_contain_text("Frailty services across the South West")
    expect(page.get_by_role("img", name=f"Forward plan {planning.year_label(year)} timeline")).to_be_visible()
    page.get_by_role("heading", name="Timeline").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 250)")
    journey.screenshot("docs/user/programme-forward-plan.png")  # only with SENATE_SCREENSHOTS=1


def test_a_requester_gives_feedback_and_records_their_boards_decision(journey, cast):
    request = RequestFactory(created_by=cast["requester"], stage="issued")
    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    page = journey.page
    page.get_by_role("link", name="Give feedback on the advice").click()
    journey.check_accessibility()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("alert")).to_contain_text("Select how useful the advice was")
    journey.check_accessibility()
    page.get_by_role("group", name="How useful was the advice?").get_by_label("Very good").check()
    page.get_by_role("group", name="How timely was the advice?").get_by_label("Good", exact=True).check()
    page.get_by_role("group", name="How clear was the advice?").get_by_label("Very good").check()
    page.get_by_role("group", name="Would you ask the Senate for advice again?").get_by_label("Yes").check()
    page.get_by_label("Anything else you would like to tell us (optional)").fill("The site visits made the difference")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Thank you: your feedback has been sent to the Senate.")).to_be_visible()

    page.get_by_role("link", name="Record your board's decision").click()
    journey.check_accessibility()
    page.get_by_label("What did the board decide?").fill("To consult on the two-site option")
    page.get_by_label("The advice shaped the decision substantially").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Your board's decision has been recorded. Thank you.")).to_be_visible()
    journey.check_accessibility()

    page.context.clear_cookies()
    journey.sign_in(cast["chair"].email, PASSWORD)
    journey.go(f"/south-west/programme/requests/{request.pk}/impact/")
    expect(page.get_by_text("The site visits made the difference")).to_be_visible()
    expect(page.get_by_text("To consult on the two-site option")).to_be_visible()
