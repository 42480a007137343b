"""Given a request whose terms are approved and a pool of members, the manager specifies the panel,
runs the optimiser, reads its reasons, pins one member and removes another, borrows a member from
another Senate (whose manager approves), re-runs and deploys; a member declines with a reason and the
manager is offered the replacement from the last run. Every page visited is checked for accessibility."""

import os

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.members.models import Body, Profession
from senate.panels.models import Loan, PanelChoice, PanelMember, PanelSpec
from senate.panels.tests.factories import declare_cast, member, ready_request

pytestmark = pytest.mark.browser
SCREENSHOT = os.environ.get("PANELS_SCREENSHOT", "")


def _submit(journey, text):
    journey.page.get_by_role("button", name=text).click()
    journey.page.wait_for_load_state()
    journey.check_accessibility()


def _problems(page):
    return page.get_by_role("alert").filter(has_text="There is a problem").inner_text()


def test_the_manager_recruits_a_panel_with_a_loan_and_a_replacement(journey, cast):
    page = journey.page
    declare_cast(cast)  # only members who have declared their interests may be invited
    member("Pat Voice", profession=Profession.PPV)
    member("Eve Emergency", expertise=["emergency-medicine"], body=Body.COUNCIL)
    member("Ed Urgent", expertise=["emergency-medicine"])
    member("Edna Acute", expertise=["emergency-medicine", "acute-medicine"])
    member("Gina Practice", expertise=["general-practice"])
    lena = member("Lena London", senate="london", expertise=["emergency-medicine"], willing=True)
    request = ready_request(title="Urgent and emergency care in Torbay", contentious=True)
    base = f"/south-west/panels/requests/{request.pk}/"

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(base)
    page.get_by_role("link", name="Specify the panel").click()
    expect(page.get_by_role("heading", name="Panel specification", level=1)).to_be_visible()
    journey.check_accessibility()
    page.get_by_label("Smallest panel size").fill("4")
    page.get_by_label("Largest panel size").fill("3")
    _submit(journey, "Save the specification")
    assert "The largest panel size must be the same as or more than the smallest" in _problems(page)
    page.get_by_label("Largest panel size").fill("5")
    page.get_by_label("Rule 2: expertise").select_option(label="Specialty: Emergency medicine")
    page.get_by_label("Rule 2: at least this many members").fill("2")
    page.get_by_label("Members from outside the region, at least").fill("1")
    _submit(journey, "Save the specification")
    assert "The panel specification has been saved" in page.inner_text("main")
    assert PanelSpec.objects.get(request=request).expertise_rules.count() == 2

    _submit(journey, "Run the optimiser")
    main = page.inner_text("main")
    assert "Proposed panels" in main and "Counts towards: Emergency medicine" in main
    assert "Unmet rule: Members from outside the region" in main and "Lena London (London" in main

    page.get_by_role("button", name="Pin Gina Practice").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Remove Ed Urgent").click()
    page.wait_for_load_state()
    assert PanelChoice.objects.filter(request=request).count() == 2
    _submit(journey, "Ask to borrow Lena London")
    assert Loan.objects.get().status == "requested"
    _submit(journey, "Run again with your changes")
    proposal = page.inner_text(f"#proposal-{request.pk}")
    assert "Gina Practice" in proposal and "Ed Urgent" not in proposal

    page.context.clear_cookies()
    journey.sign_in(cast["other_manager"].email, PASSWORD)
    journey.go("/london/panels/loans/")
    assert "South West Clinical Senate asks to borrow Lena London" in page.inner_text("main")
    page.get_by_role("group", name="Your decision").get_by_label("Approve the loan").check()
    _submit(journey, "Record the decision")
    assert Loan.objects.get().status == "approved"

    page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(base)
    assert "Lena London from London" in page.inner_text("#loans")
    _submit(journey, "Run the optimiser")
    proposal = page.inner_text(f"#proposal-{request.pk}")
    assert "Lena London" in proposal and "Lent by London" in proposal
    assert "Unmet rule" not in page.inner_text("main")
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT, full_page=True)
        journey.go(base + "candidates/")
        page.screenshot(path=SCREENSHOT.replace(".png", "-candidates.png"), full_page=True)
        page.go_back()
    assert not PanelMember.objects.exists(), "nothing is sent before deploying"
    _submit(journey, "Deploy invitations")
    assert "invitations sent" in page.inner_text("main")
    assert PanelMember.objects.filter(request=request, profile=lena).exists()

    gina = PanelMember.objects.get(request=request, profile__user__full_name="Gina Practice")
    page.context.clear_cookies()
    journey.sign_in(gina.profile.user.email, PASSWORD)
    journey.go("/south-west/panels/mine/")
    page.get_by_role("link", name=request.title).click()
    expect(page.get_by_role("heading", name="Invitation to the expert panel", level=1)).to_be_visible()
    journey.check_accessibility()
    answer = page.get_by_role("group", name="Will you join this panel?")
    answer.get_by_label("No, I decline").check()
    _submit(journey, "Send my answer")
    assert "Enter why you cannot join this panel" in _problems(page)
    answer.get_by_label("No, I decline").check()
    page.get_by_label("Why can you not join?").fill("I am on leave that week")
    _submit(journey, "Send my answer")
    gina.refresh_from_db()
    assert gina.status == "declined"

    page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(base)
    offer = page.inner_text(".replacement")
    assert "Gina Practice declined" in offer and "best replacement from the last optimiser run" in offer
    before = PanelMember.objects.filter(request=request).count()
    replacement = offer.split("last optimiser run is ")[1].split(" (fit")[0]
    page.get_by_role("button", name=f"Invite {replacement}").click()
    page.wait_for_load_state()
    journey.check_accessibility()
    assert "has been invited" in page.inner_text("main")
    assert PanelMember.objects.filter(request=request).count() == before + 1
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT.replace(".png", "-panel.png"), full_page=True)
    assert "Gina Practice" in page.inner_text("#invitations") and "I am on leave that week" in page.inner_text(
        "#invitations"
    )
