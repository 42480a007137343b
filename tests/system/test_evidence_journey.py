"""Given a formal review with its panel recruited, when the manager asks for evidence and the requester
uploads it, then a panel member who has attested their interests opens it, and one who has not is
refused. Every page visited is checked for accessibility."""

import datetime as dt
import os
import re

import pytest
from playwright.sync_api import expect

from senate.accounts.models import Role
from senate.accounts.tests.factories import PASSWORD, UserFactory, give_role
from senate.evidence.models import EvidenceItem, EvidenceRequest
from senate.evidence.tests import samples
from senate.evidence.tests.factories import attested, make_request, seat
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory

pytestmark = pytest.mark.browser
DUE = dt.date.today() + dt.timedelta(days=14)
SCREENSHOT = os.environ.get("EVIDENCE_SCREENSHOT", "")


def _choose_file(page, upload):
    """The NHS file upload component puts a drop zone in front of the real file input: a person presses
    it (the control labelled File) and picks the file in the chooser that opens."""
    with page.expect_file_chooser() as chooser:
        page.get_by_label("File", exact=True).click()
    chooser.value.set_files(upload)


def test_evidence_is_asked_for_uploaded_and_opened_only_by_an_attested_panel_member(
    journey, cast, senate, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = journey.page
    request = make_request(stage="panel_recruited", title="Future of acute stroke services in Devon")
    library = f"/south-west/evidence/requests/{request.pk}/"
    seat(cast["assembly"], request)
    attested(cast["assembly"], request)
    waiting = give_role(UserFactory(full_name="Nia Notyet"), senate, Role.ASSEMBLY_MEMBER)
    MembershipFactory(profile__user=waiting, senate=senate, body=Body.ASSEMBLY)
    seat(waiting, request)

    # The manager asks the requester for the business case.
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(library)
    page.get_by_role("link", name="Ask the requester for evidence").click()
    expect(page.get_by_role("heading", name="Ask the requester for evidence", level=1)).to_be_visible()
    journey.check_accessibility()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter what you need")
    journey.check_accessibility()
    page.get_by_label("What do you need?").fill("Pre-consultation business case")
    page.get_by_label("Kind of evidence").select_option(label="Pre-consultation business case")
    due = page.get_by_role("group", name="Due by")
    due.get_by_label("Day").fill(str(DUE.day))
    due.get_by_label("Month").fill(str(DUE.month))
    due.get_by_label("Year").fill(str(DUE.year))
    page.get_by_role("button", name="Send the request").click()
    asks = page.get_by_role("table", name="Evidence asked of the requester")
    expect(asks).to_be_visible()
    journey.check_accessibility()
    assert EvidenceRequest.objects.filter(request=request).count() == 1

    # The requester sees what is asked, tries a renamed program, then uploads the real case.
    page.context.clear_cookies()
    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(library)
    expect(asks).to_contain_text("Pre-consultation business case")
    asks.get_by_role("link", name="Upload Pre-consultation business case").click()
    expect(page.get_by_role("heading", name="Add evidence", level=1)).to_be_visible()
    journey.check_accessibility()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Pre-consultation business case")
    page.get_by_role("group", name="Confidentiality").get_by_label("Official-sensitive").check()
    _choose_file(page, {"name": "report.pdf", "mimeType": "application/pdf", "buffer": samples.windows_exe()})
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_role("alert")).to_be_visible()
    journey.check_accessibility()
    expect(page.get_by_label("File", exact=True)).to_have_accessible_description(
        re.compile("is a program, not a document")
    )
    page.get_by_role("group", name="Confidentiality").get_by_label("Official-sensitive").check()
    _choose_file(page, {"name": "business-case.pdf", "mimeType": "application/pdf", "buffer": samples.pdf()})
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_role("table", name="Evidence you can open")).to_be_visible()
    journey.check_accessibility()
    item = EvidenceItem.objects.get(request=request)
    expect(asks).to_contain_text("Received")

    # A panel member who has attested opens it (and the opening is logged).
    page.context.clear_cookies()
    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go(library)
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT, full_page=True)
    items = page.get_by_role("table", name="Evidence you can open")
    items.get_by_role("link", name="Pre-consultation business case").click()
    versions = page.get_by_role("table", name="Versions of this evidence, newest first")
    expect(versions).to_be_visible()
    journey.check_accessibility()
    with page.expect_download() as download:
        versions.get_by_role("link", name="Download version 1").click()
    assert download.value.suggested_filename == "business-case.pdf"
    assert item.access_log.filter(user=cast["assembly"]).count() == 1

    # One who has not attested is refused, and told how to put it right.
    page.context.clear_cookies()
    journey.sign_in(waiting.email, PASSWORD)
    journey.go(library)
    expect(page.get_by_role("main")).to_contain_text("Confirm your declarations first")
    expect(page.get_by_role("table", name="Evidence you can open")).to_have_count(0)  # the library lists nothing
    journey.go(f"{library}items/{item.pk}/")
    expect(page.get_by_role("main")).to_contain_text("confirm your declarations of interest")
    assert item.access_log.filter(user=waiting).count() == 0
