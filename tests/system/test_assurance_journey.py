"""Given a formal review the Senate has advised on, when the manager records the proposal's path
from NHS England's stage 1 sense check to the commissioner's decision, then the timeline shows the
Senate's review feeding the stage 2 checkpoint, before consultation, and the proposal notified to
the Secretary of State; a decision dated before the checkpoint is refused on its date. Every page
is checked for accessibility."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.reviews.models import RequestEvent
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.browser
TODAY = dt.date.today()


def _day(days):
    return TODAY + dt.timedelta(days=days)


def _senate_did(request, stage, days):
    event = RequestEvent.objects.create(request=request, action=stage, to_stage=stage)
    at = dt.datetime.combine(_day(days), dt.time(12), tzinfo=dt.UTC)
    RequestEvent.objects.filter(pk=event.pk).update(at=at)


def _record(journey, step, days, *, outcome="", expect_saved=True):
    page = journey.page
    page.get_by_role("link", name="Record an assurance step").click()
    journey.check_accessibility()
    page.get_by_label("Step").select_option(label=step)
    when = page.get_by_role("group", name="Date")
    on = _day(days)
    when.get_by_label("Day").fill(str(on.day))
    when.get_by_label("Month").fill(str(on.month))
    when.get_by_label("Year").fill(str(on.year))
    if outcome:
        page.get_by_label("Outcome (optional)").fill(outcome)
    page.get_by_role("button", name="Save").click()
    if expect_saved:
        expect(page.get_by_role("heading", name="Where the advice sits")).to_be_visible()


def test_a_formal_review_from_stage_1_to_the_decision_feeds_stage_2_and_is_notified(journey, cast):
    request = RequestFactory(title="Acute stroke services in Devon", stage="issued")
    _senate_did(request, "received", -200)
    _senate_did(request, "issued", -110)
    page = journey.page
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    page.get_by_role("link", name="Where the advice sits (assurance)").click()
    journey.check_accessibility()

    page.get_by_role("link", name="Change where the proposal stands").click()
    journey.check_accessibility()
    page.get_by_role("group", name="Which checkpoint does the Senate's advice inform?").get_by_label(
        "NHS England stage 2: assurance checkpoint"
    ).check()
    page.get_by_role("group", name="Is capital involved?").get_by_label("Yes").check()
    page.get_by_role("group", name="Has the health overview and scrutiny committee found").get_by_label("Yes").check()
    page.get_by_role("group", name="Is the change notifiable to the Secretary of State?").get_by_label("Yes").check()
    page.get_by_role("button", name="Save").click()

    _record(journey, "NHS England stage 1: strategic sense check", -300, outcome="Senate review needed")
    _record(journey, "NHS England stage 2: assurance checkpoint", -100, outcome="Proceed to consultation")
    _record(journey, "Commissioner's decision", -101, expect_saved=False)
    expect(page.get_by_role("alert")).to_contain_text("The decision cannot be before the stage 2 checkpoint")
    journey.check_accessibility()
    page.get_by_role("link", name="Assurance", exact=True).click()
    _record(journey, "Notified to the Secretary of State", -95)
    _record(journey, "Public consultation starts", -90)
    _record(journey, "Public consultation ends", -30)
    _record(journey, "Decision-making business case", -20)
    _record(journey, "Commissioner's decision", -5, outcome="Option B approved by the ICB board")

    deadline = _day(-101).strftime("%-d %B %Y")
    page.get_by_role("button", name=f"Set the Senate's deadline to {deadline}").click()
    expect(
        page.get_by_text(
            f"Advice needed before NHS England stage 2: assurance checkpoint: advice needed by {deadline}."
        )
    ).to_be_visible()
    journey.check_accessibility()

    main = page.get_by_role("main")
    expect(main).to_contain_text("Before public consultation.")
    timeline = page.get_by_role("table", name="Assurance steps beside the Senate's review")
    for text in (
        "NHS England stage 1: strategic sense check — Senate review needed",
        "Senate's advice issued",
        "NHS England stage 2: assurance checkpoint — Proceed to consultation",
        "Notified to the Secretary of State",
        "Commissioner's decision — Option B approved by the ICB board",
    ):
        expect(timeline).to_contain_text(text)
    expect(main).to_contain_text("Notifiable to the Secretary of State")

    # The request's own page reads the same timeline, short, with the Senate's review placed.
    page.get_by_role("link", name=request.reference, exact=True).click()
    journey.check_accessibility()
    expect(page.get_by_role("heading", name="Where the advice sits")).to_be_visible()
    expect(main).to_contain_text("The Senate's review: Before public consultation.")
    short = page.get_by_role("table", name="NHS England's assurance beside the Senate's review")
    for text in (
        "NHS England stage 2: assurance checkpoint",
        "Senate's advice needed by",
        "Senate's advice issued",
        "Commissioner's decision",
    ):
        expect(short).to_contain_text(text)
    page.get_by_role("link", name=f"The full assurance context of {request.reference}").click()
    expect(page.get_by_role("table", name="Assurance steps beside the Senate's review")).to_be_visible()
