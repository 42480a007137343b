"""Given an honest-broker request between Devon ICB and a trust, when each party submits its
position, the Senate shares one, records a session and the points, and writes a consensus
statement, then each party sees only what is shared with every party, and once both confirm the
statement it is confirmed by every party. Every page is checked for accessibility."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from senate.accounts.models import Role
from senate.accounts.tests.factories import PASSWORD, UserFactory, give_role
from senate.organisations.models import Organisation
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.browser


def _as(journey, person):
    journey.page.context.clear_cookies()
    journey.sign_in(person.email, PASSWORD)


def _form(journey, link, fields, *, radios=()):
    page = journey.page
    page.get_by_role("link", name=link).click()
    journey.check_accessibility()
    for label, value in fields.items():
        if label == "Organisation":
            page.get_by_label(label).select_option(label=value)
        else:
            page.get_by_label(label, exact=True).fill(value)
    for label in radios:
        page.get_by_label(label).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Honest-broker work")).to_be_visible()


def test_parties_reach_a_confirmed_consensus_statement_seeing_only_what_is_shared(journey, cast, senate):
    devon = Organisation.objects.get(code="QJK")
    trust = Organisation.objects.create(name="Torbay Hospital NHS FT", type="trust", code="RA9X", icb=devon)
    trust_lead = give_role(UserFactory(full_name="Tess Trust"), senate, Role.REQUESTER, organisation=trust)
    request = RequestFactory(title="Stroke rehabilitation in Torbay", kind="honest_broker", stage="accepted")
    page = journey.page
    here = f"/south-west/assurance/requests/{request.pk}/honest-broker/"

    _as(journey, cast["manager"])
    journey.go(f"/south-west/requests/{request.pk}/")
    page.get_by_role("link", name="Honest-broker work").click()
    journey.check_accessibility()
    _form(journey, "Add a party", {"Organisation": devon.name, "Name of the party": "ICB clinical leads"})
    _form(journey, "Add a party", {"Organisation": trust.name, "Name of the party": "Trust stroke consultants"})

    _as(journey, trust_lead)
    journey.go(here)
    _form(
        journey,
        "Submit your party's position",
        {"Title": "Keep rehabilitation beds", "Your position": "Beds near home."},
    )
    expect(page.get_by_role("main")).to_contain_text("Not shared")

    _as(journey, cast["requester"])
    journey.go(here)
    _form(
        journey,
        "Submit your party's position",
        {"Title": "Rehabilitation at home first", "Your position": "Rehab at home."},
    )
    expect(page.get_by_role("main")).not_to_contain_text("Keep rehabilitation beds")

    _as(journey, cast["manager"])
    journey.go(here)
    page.get_by_role("button", name="Share ‘Keep rehabilitation beds’ with every party").click()
    expect(page.get_by_role("main")).to_contain_text("Shared with every party")
    journey.check_accessibility()
    session = page.get_by_role("link", name="Record a facilitated session")
    session.click()
    journey.check_accessibility()
    when = page.get_by_role("group", name="Date of the session")
    today = dt.date.today()
    when.get_by_label("Day").fill(str(today.day))
    when.get_by_label("Month").fill(str(today.month))
    when.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Who attended").fill("ICB stroke lead\nTrust stroke consultant\nSenate Chair")
    page.get_by_role("button", name="Save").click()
    _form(journey, "Record a point", {"Point": "Six weeks of community rehabilitation"}, radios=["Agreed"])
    _form(journey, "Record a point", {"Point": "How many beds remain"}, radios=["Still in dispute"])
    _form(
        journey,
        "Write the consensus statement",
        {"Consensus statement": "Both parties support early supported discharge."},
    )

    _as(journey, cast["requester"])
    journey.go(here)
    main = page.get_by_role("main")
    expect(main).to_contain_text("Keep rehabilitation beds")
    page.get_by_role("button", name="Confirm the statement for ICB clinical leads").click()
    expect(main).to_contain_text("ICB clinical leads: confirmed by")
    journey.check_accessibility()

    _as(journey, trust_lead)
    journey.go(here)
    expect(page.get_by_role("main")).not_to_contain_text("Rehabilitation at home first")
    page.get_by_role("button", name="Confirm the statement for Trust stroke consultants").click()
    expect(page.get_by_role("main")).to_contain_text("Confirmed by every party")
    journey.check_accessibility()
