"""Given members with interests and a request for advice, when members declare, the manager screens and
decides, and the public reads the register, then nobody reviews what they have a stake in, and the
record shows it. Every page visited is checked for accessibility."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.interests.models import ConflictDecision, ConflictDismissal, Declaration
from senate.interests.publication import withhold_declaration
from senate.interests.tests.factories import declared, make_request, trust
from senate.members.models import Affiliation, MemberProfile
from senate.members.tests.factories import MembershipFactory

pytestmark = pytest.mark.browser
TODAY = dt.date.today()


def _date(page, legend, day):
    date = page.get_by_role("group", name=legend)
    date.get_by_label("Day").fill(str(day.day))
    date.get_by_label("Month").fill(str(day.month))
    date.get_by_label("Year").fill(str(day.year))


def test_a_member_makes_a_nil_return_and_another_declares_an_interest(journey, cast):
    page = journey.page
    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go("/declarations/")
    expect(page.get_by_role("main")).to_contain_text("Overdue: your declaration for the South West Clinical Senate")
    page.get_by_role("link", name="Make a nil return").click()
    expect(page.get_by_role("heading", name="Make a nil return", level=1)).to_be_visible()
    journey.check_accessibility()
    page.get_by_role("button", name="Make a nil return").click()
    expect(page.get_by_role("alert")).to_contain_text("Confirm that you have no interests to declare")
    journey.check_accessibility()
    page.get_by_role("group", name="Nil return").get_by_label("I have no interests to declare").check()
    page.get_by_role("button", name="Make a nil return").click()
    expect(page.get_by_text("Your nil return has been recorded")).to_be_visible()
    journey.check_accessibility()
    assert Declaration.objects.filter(kind="nil", profile__user=cast["assembly"]).exists()

    page.context.clear_cookies()
    journey.sign_in(cast["council"].email, PASSWORD)
    journey.go("/declarations/new/")
    page.get_by_role("group", name="What type of interest is it?").get_by_label("Financial interest").check()
    page.get_by_role("button", name="Save declaration").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter the nature of the interest")
    expect(summary).to_contain_text("Enter the date the interest started")
    journey.check_accessibility()

    page.get_by_label("Organisation or body").fill("NHS Devon Integrated Care Board (QJK)")
    page.get_by_label("Describe the interest").fill("Paid clinical adviser on the stroke programme")
    page.get_by_role("group", name="Services it concerns, if any").get_by_label("Stroke medicine").check()
    _date(page, "Date the interest started", TODAY - dt.timedelta(days=12))
    page.get_by_role("group", name="May this interest be published on the Senate's register?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("button", name="Save declaration").click()
    expect(page.get_by_text("Your declaration has been saved")).to_be_visible()
    journey.check_accessibility()
    expect(page.get_by_role("main")).to_contain_text("Paid clinical adviser on the stroke programme")


def test_manager_sees_who_is_overdue_screens_a_candidate_excludes_and_dismisses(journey, cast, senate):
    lapsed = MembershipFactory(
        profile__user__full_name="Olive Overdue",
        term_start=TODAY - dt.timedelta(days=900),
        term_end=TODAY + dt.timedelta(days=300),
    ).profile
    declared(lapsed, recorded_at=timezone.now() - dt.timedelta(days=500))
    torbay = trust()
    candidate = MembershipFactory(profile__user__full_name="Cara Candidate", profile__employer=torbay).profile
    declared(
        candidate, category="personal", nature="Member of Torbay Rowing Club", places="Torbay", organisation_name=""
    )
    request = make_request(affected=[torbay], services=["stroke"], places="Torbay Hospital")
    page = journey.page

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go("/south-west/interests/due/")
    due = page.get_by_role("table", name=re.compile("members shown"))
    expect(due).to_contain_text("Olive Overdue")
    expect(due).to_contain_text("Tom Assembly")
    page.get_by_label("Show", exact=True).select_option(label="Overdue")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("main")).to_contain_text("Annual declaration for")
    journey.check_accessibility()
    expect(due).to_contain_text("Olive Overdue")
    expect(due).not_to_contain_text("Tom Assembly")

    journey.go(f"/south-west/interests/requests/{request.pk}/screening/")
    expect(page.get_by_role("table", name="Members screened")).to_contain_text("Cara Candidate")
    page.get_by_role("link", name="Open their screening (Cara Candidate)").click()
    expect(page.get_by_role("heading", name="Cara Candidate", level=1)).to_be_visible()
    journey.check_accessibility()

    row = page.get_by_role("table", name="Found by screening today").get_by_role("row").filter(has_text="Rowing Club")
    row.get_by_text("Dismiss as not a conflict").click()
    row.get_by_label("Why is this not a conflict?").fill("A rowing club is not a stake in stroke services")
    row.get_by_role("button", name="Dismiss this suggestion").click()
    expect(page.get_by_text("The suggestion has been dismissed")).to_be_visible()
    journey.check_accessibility()

    page.get_by_role("group", name="Decision").get_by_label("Exclude from this review").check()
    page.get_by_label("Reason for the decision").fill("Employed by the trust whose services are under review")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Your decision on Cara Candidate has been recorded")).to_be_visible()
    journey.check_accessibility()
    expect(page.get_by_role("heading", name="Cannot be invited to this panel")).to_be_visible()
    assert ConflictDecision.objects.get().outcome == "exclude"
    assert ConflictDismissal.objects.get().key.endswith(":place")


def test_manager_decides_for_several_members_at_once_and_a_refusal_records_nothing(journey, cast):
    torbay = trust()
    for name in ("Abe Adviser", "Dee Director"):
        profile = MembershipFactory(profile__user__full_name=name).profile
        Affiliation.objects.create(profile=profile, organisation=torbay, kind="advisory")
    MembershipFactory(profile__user__full_name="Hana High", profile__employer=torbay)
    request = make_request(affected=[torbay])
    page = journey.page

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/interests/requests/{request.pk}/screening/")
    page.get_by_label("Abe Adviser").check()
    page.get_by_label("Hana High").check()
    page.get_by_label("No action needed").check()
    page.get_by_label("Reason for the decision").fill("An advisory role is not a stake in the decision")
    page.get_by_label("Abe Adviser").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -160)")
    journey.screenshot("docs/user/screening-bulk.png")  # only with SENATE_SCREENSHOTS=1
    page.get_by_role("button", name="Record the decision for each selected member").click()
    expect(page.get_by_text("No action needed is not allowed for Hana High")).to_be_visible()
    journey.check_accessibility()
    assert not ConflictDecision.objects.exists()

    page.get_by_label("Hana High").uncheck()
    page.get_by_label("Dee Director").check()
    page.get_by_role("button", name="Record the decision for each selected member").click()
    expect(page.get_by_text("Your decision has been recorded for 2 members")).to_be_visible()
    journey.check_accessibility()
    assert sorted(str(d.profile) for d in ConflictDecision.objects.all()) == ["Abe Adviser", "Dee Director"]


def test_the_public_register_shows_published_entries_and_hides_withheld_ones(journey, cast):
    council = MemberProfile.objects.get(user=cast["council"])
    assembly = MemberProfile.objects.get(user=cast["assembly"])
    hidden = declared(assembly, nature="Volunteer at a refuge whose address is secret")
    withhold_declaration(hidden, grounds="safety", reason="Risk of harm to residents", by=cast["manager"])
    declared(council, nature="Paid adviser to Acme Medical", recorded_at=timezone.now() - dt.timedelta(days=100))
    page = journey.page

    journey.go("/south-west/interests/register/")
    main = page.inner_text("main")
    assert "Paid adviser to Acme Medical" in main and "Priya Council" in main
    assert "refuge" not in main and "Risk of harm" not in main
    assert "1 entry was withheld" in page.inner_text("#withheld-note")

    # A reader narrows the register to one member, then to a type of entry they have not declared.
    page.get_by_label("Member's name").fill("priya")
    page.get_by_role("button", name="Apply filters").click()
    register = page.get_by_role("table", name=re.compile("Declared interests|Entries matching your filters"))
    expect(register).to_contain_text("Paid adviser to Acme Medical")
    expect(register).to_contain_text("Entries matching your filters (1)")
    page.get_by_label("Type of entry").select_option(label="Gift")
    page.get_by_role("button", name="Apply filters").click()
    assert "No entries match your filters" in page.inner_text("main")
    journey.check_accessibility()
    page.get_by_role("link", name="Clear filters").click()
    expect(register).to_contain_text("Paid adviser to Acme Medical")

    page.get_by_text("See the register as it stood on an earlier date").click()
    _date(page, "Show the register as it stood on", TODAY - dt.timedelta(days=150))
    page.get_by_role("button", name="Show the register").click()
    expect(page.get_by_role("main")).to_contain_text("as the register stood on")
    journey.check_accessibility()
    assert "Paid adviser to Acme Medical" not in page.inner_text("main")
