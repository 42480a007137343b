"""Given a formal review with its panel recruited, when the manager asks for evidence and the requester
uploads it, then a panel member who has attested their interests opens it, and one who has not is
refused. Every page visited is checked for accessibility."""

import datetime as dt
import os

import pytest

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
    page.click("#ask-link")
    page.wait_for_selector("h1:has-text('Ask the requester for evidence')")
    journey.check_accessibility()
    page.click("button:has-text('Send the request')")
    page.wait_for_selector(".nhsuk-error-summary")
    journey.check_accessibility()
    assert "Enter what you need" in page.inner_text(".nhsuk-error-summary")
    page.fill("#id_title", "Pre-consultation business case")
    page.select_option("#id_kind", "business_case")
    page.fill("#id_due_on-day", str(DUE.day))
    page.fill("#id_due_on-month", str(DUE.month))
    page.fill("#id_due_on-year", str(DUE.year))
    page.click("button:has-text('Send the request')")
    page.wait_for_selector("#asks")
    journey.check_accessibility()
    assert EvidenceRequest.objects.filter(request=request).count() == 1

    # The requester sees what is asked, tries a renamed program, then uploads the real case.
    page.context.clear_cookies()
    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(library)
    assert "Pre-consultation business case" in page.inner_text("#asks")
    page.click("#asks a:has-text('Upload')")
    page.wait_for_selector("h1:has-text('Add evidence')")
    journey.check_accessibility()
    assert page.input_value("#id_title") == "Pre-consultation business case"
    page.check("input[name='tier'][value='official_sensitive']")
    # The NHS file upload component puts a drop zone in front of the real file input.
    page.set_input_files(
        "input[type=file][name=file]",
        {"name": "report.pdf", "mimeType": "application/pdf", "buffer": samples.windows_exe()},
    )
    page.click("button:has-text('Upload')")
    page.wait_for_selector(".nhsuk-error-summary")
    journey.check_accessibility()
    assert "is a program, not a document" in page.inner_text("#id_file-error")
    page.check("input[name='tier'][value='official_sensitive']")
    page.set_input_files(
        "input[type=file][name=file]",
        {"name": "business-case.pdf", "mimeType": "application/pdf", "buffer": samples.pdf()},
    )
    page.click("button:has-text('Upload')")
    page.wait_for_selector("#items")
    journey.check_accessibility()
    item = EvidenceItem.objects.get(request=request)
    assert "Received" in page.inner_text("#asks")

    # A panel member who has attested opens it (and the opening is logged).
    page.context.clear_cookies()
    journey.sign_in(cast["assembly"].email, PASSWORD)
    journey.go(library)
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT, full_page=True)
    page.click("#items a:has-text('Pre-consultation business case')")
    page.wait_for_selector("#versions")
    journey.check_accessibility()
    with page.expect_download() as download:
        page.click("#versions a:has-text('Download')")
    assert download.value.suggested_filename == "business-case.pdf"
    assert item.access_log.filter(user=cast["assembly"]).count() == 1

    # One who has not attested is refused, and told how to put it right.
    page.context.clear_cookies()
    journey.sign_in(waiting.email, PASSWORD)
    journey.go(library)
    assert "Confirm your declarations first" in page.inner_text("main")
    assert page.locator("#items").count() == 0  # the library lists nothing to them
    journey.go(f"{library}items/{item.pk}/")
    assert "confirm your declarations of interest" in page.inner_text("main")
    assert item.access_log.filter(user=waiting).count() == 0
