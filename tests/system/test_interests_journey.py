"""Given members with interests and a request for advice, when members declare, the manager screens and
decides, and the public reads the register, then nobody reviews what they have a stake in, and the
record shows it. Every page visited is checked for accessibility."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.accounts.tests.factories import PASSWORD
from senate.interests.models import ConflictDecision, ConflictDismissal, Declaration
from senate.interests.publication import withhold_declaration
from senate.interests.tests.factories import declared, make_request, trust
from senate.members.models import Affiliation, MemberProfile
from senate.members.tests.factories import MembershipFactory

pytestmark = pytest.mark.browser
TODAY = dt.date.today()


def _date(page, name, day):
    page.fill(f"#id_{name}-day", str(day.day))
    page.fill(f"#id_{name}-month", str(day.month))
    page.fill(f"#id_{name}-year", str(day.year))


def test_a_member_makes_a_nil_return_and_another_declares_an_interest(journey, cast):
    page = journey.page
    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go("/declarations/")
    assert "Overdue: your declaration for the South West Clinical Senate" in page.inner_text("main")
    page.click("a:has-text('Make a nil return')")
    page.wait_for_selector("h1:has-text('Make a nil return')")
    journey.check_accessibility()
    page.click("button:has-text('Make a nil return')")
    page.wait_for_selector(".nhsuk-error-summary")
    journey.check_accessibility()
    assert "Confirm that you have no interests to declare" in page.inner_text(".nhsuk-error-summary")
    page.check("input[name='confirm'][value='yes']")
    page.click("button:has-text('Make a nil return')")
    page.wait_for_selector("text=Your nil return has been recorded")
    journey.check_accessibility()
    assert Declaration.objects.filter(kind="nil", profile__user=cast["assembly"]).exists()

    page.context.clear_cookies()
    journey.sign_in(cast["council"].email, PASSWORD)
    journey.go("/declarations/new/")
    page.check("input[name='category'][value='financial']")
    page.click("button:has-text('Save declaration')")
    page.wait_for_selector(".nhsuk-error-summary")
    journey.check_accessibility()
    summary = page.inner_text(".nhsuk-error-summary")
    assert "Enter the nature of the interest" in summary and "Enter the date the interest started" in summary

    page.fill("#id_organisation", "NHS Devon Integrated Care Board (QJK)")
    page.fill("#id_nature", "Paid clinical adviser on the stroke programme")
    page.check("input[name='services'][value='stroke']")
    _date(page, "started_on", TODAY - dt.timedelta(days=12))
    page.check("input[name='may_publish'][value='True']")
    page.click("button:has-text('Save declaration')")
    page.wait_for_selector("text=Your declaration has been saved")
    journey.check_accessibility()
    assert "Paid clinical adviser on the stroke programme" in page.inner_text("main")


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
    assert "Olive Overdue" in page.inner_text("#due-table") and "Tom Assembly" in page.inner_text("#due-table")
    page.select_option("#id_status", "overdue")
    page.click("button:has-text('Apply filters')")
    page.wait_for_selector("text=Annual declaration for")
    journey.check_accessibility()
    table = page.inner_text("#due-table")
    assert "Olive Overdue" in table and "Tom Assembly" not in table

    journey.go(f"/south-west/interests/requests/{request.pk}/screening/")
    assert "Cara Candidate" in page.inner_text("#screening")
    page.get_by_role("link", name="Open their screening (Cara Candidate)").click()
    page.wait_for_selector("h1:has-text('Cara Candidate')")
    journey.check_accessibility()

    row = page.locator("#conflicts tr", has_text="Rowing Club")
    row.locator("summary").click()
    row.locator("textarea").fill("A rowing club is not a stake in stroke services")
    row.locator("button:has-text('Dismiss this suggestion')").click()
    page.wait_for_selector("text=The suggestion has been dismissed")
    journey.check_accessibility()

    page.check("input[name='outcome'][value='exclude']")
    page.fill("#id_rationale", "Employed by the trust whose services are under review")
    page.click("button:has-text('Record the decision')")
    page.wait_for_selector("text=Your decision on Cara Candidate has been recorded")
    journey.check_accessibility()
    assert "Cannot be invited to this panel" in page.inner_text("#invitation")
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
    page.wait_for_selector("text=No action needed is not allowed for Hana High")
    journey.check_accessibility()
    assert not ConflictDecision.objects.exists()

    page.get_by_label("Hana High").uncheck()
    page.get_by_label("Dee Director").check()
    page.get_by_role("button", name="Record the decision for each selected member").click()
    page.wait_for_selector("text=Your decision has been recorded for 2 members")
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
    table = page.inner_text("#register")
    assert "Paid adviser to Acme Medical" in table and "Entries matching your filters (1)" in table
    page.get_by_label("Type of entry").select_option(label="Gift")
    page.get_by_role("button", name="Apply filters").click()
    assert "No entries match your filters" in page.inner_text("main")
    journey.check_accessibility()
    page.get_by_role("link", name="Clear filters").click()
    assert "Paid adviser to Acme Medical" in page.inner_text("#register")

    page.click("text=See the register as it stood on an earlier date")
    _date(page, "on", TODAY - dt.timedelta(days=150))
    page.click("button:has-text('Show the register')")
    page.wait_for_selector("#register-date")
    journey.check_accessibility()
    assert "Paid adviser to Acme Medical" not in page.inner_text("main")
