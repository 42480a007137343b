"""Given a formal review at its panel meeting, when the panel records its judgements and a
recommendation, the manager drafts the report and sends it to the requester, the requester comments
in the factual-accuracy round and the panel answers, then the report is revised and downloads as PDF
and DOCX. Every page visited is checked for accessibility."""

import datetime as dt
import io

import docx
import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.interests.attestation import attest
from senate.reports.models import AccuracyComment, AccuracyRound, Judgement
from senate.reports.tests.factories import criteria, draft, evidence, request_at, seat

pytestmark = pytest.mark.browser


def test_the_panel_judges_the_requester_checks_the_facts_and_the_report_downloads(journey, cast):
    page = journey.page
    review = request_at("panel_meeting", by=cast["requester"], title="Future of acute stroke services")
    chair = seat(cast["council"], review, role="chair")
    attest(chair, review, specific="", by=cast["council"])  # panel members see evidence once attested
    evidence(review, "Stroke activity and bed modelling")
    test3 = criteria(review, "test-3-evidence", "workforce", by=cast["manager"])[0]
    base = f"/south-west/reports/requests/{review.pk}/"

    # The panel chair records the consensus judgement and a recommendation.
    journey.sign_in(cast["council"].email, PASSWORD)
    journey.go(base)
    page.get_by_role("link", name=test3.title).click()
    expect(page.get_by_role("heading", name="Test 3", level=1)).to_be_visible()
    journey.check_accessibility()
    page.get_by_role("button", name="Save the judgement").click()
    expect(page.get_by_role("alert")).to_contain_text("Select a judgement")
    journey.check_accessibility()
    page.get_by_role("group", name="The panel's judgement").get_by_label("Supported with conditions").check()
    page.get_by_role("group", name="Strength of the evidence").get_by_label("Strong").check()
    page.get_by_label("The panel's reasoning").fill(
        "A single hyper-acute stroke unit is supported by strong national evidence."
    )
    page.get_by_role("group", name="Evidence relied on").get_by_label("Stroke activity and bed modelling").check()
    for agreed in page.get_by_role("radio", name="Agreed").all():  # the whole panel agrees
        agreed.check()
    page.get_by_role("button", name="Save the judgement").click()
    expect(page.get_by_text("The panel's judgement has been recorded (version 1)")).to_be_visible()
    journey.check_accessibility()
    assert Judgement.objects.get(request=review).evidence.count() == 1
    journey.screenshot("docs/user/reports-judgement.png")

    # Every criterion in the terms needs the panel's judgement before the draft report is ready.
    journey.go(base)
    page.get_by_role("link", name="Workforce").first.click()
    page.get_by_role("group", name="The panel's judgement").get_by_label("Supported", exact=True).check()
    page.get_by_role("group", name="Strength of the evidence").get_by_label("Moderate").check()
    page.get_by_label("The panel's reasoning").fill("The workforce plan is credible.")
    for agreed in page.get_by_role("radio", name="Agreed").all():
        agreed.check()
    page.get_by_role("button", name="Save the judgement").click()
    expect(page.get_by_text("The panel's judgement has been recorded (version 1)")).to_be_visible()

    journey.go(base + "recommendations/new/")
    page.get_by_label("Theme").fill("Workforce")
    page.get_by_label("Recommendation", exact=True).fill("Publish a seven-day consultant rota before consultation.")
    page.get_by_label("Criterion it arises from").select_option(label="Workforce")
    page.get_by_role("group", name="Priority").get_by_label("High").check()
    page.get_by_role("button", name="Add the recommendation").click()
    expect(page.get_by_text("Recommendation 1 has been added")).to_be_visible()
    journey.check_accessibility()

    # The manager drafts the report and sends it to the requester.
    page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(base + "report/write/")
    page.get_by_role("group", name="The panel's overall opinion").get_by_label("Supported with conditions").check()
    page.get_by_label("Summary in plain English").fill(
        "The panel supports the proposals, with conditions on the workforce."
    )
    page.get_by_label("Background", exact=True).fill("Devon has two stroke units.")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_text("Draft version 1 has been saved")).to_be_visible()
    journey.check_accessibility()
    expect(page.get_by_role("main")).to_contain_text("Publish a seven-day consultant rota before consultation.")
    journey.go(f"/south-west/requests/{review.pk}/")
    page.get_by_role("button", name="Draft report ready").click()
    page.get_by_role("button", name="Send to requester for factual accuracy").click()
    page.wait_for_load_state()
    review.refresh_from_db()
    assert review.stage == "factual_accuracy"

    # The requester comments on a section.
    page.context.clear_cookies()
    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(base + "accuracy/")
    page.get_by_label("Which section is your comment about?").select_option(label="Background")
    page.get_by_label("Your comment", exact=True).fill("Devon has three stroke units: the third opened in 2019.")
    page.get_by_role("button", name="Send the comment").click()
    expect(page.get_by_text("Your comment has been sent to the panel")).to_be_visible()
    journey.check_accessibility()

    # The manager answers it; the report is revised and downloads in both formats.
    page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    draft(
        review, by=cast["manager"], summary="The panel supports the proposals, with the stroke units counted again."
    )  # v2 makes the correction
    journey.go(base + "accuracy/")
    page.get_by_role("link", name="Answer this comment on Background").click()
    page.get_by_role("group", name="The panel's answer").get_by_label("Accepted: the report is corrected").check()
    page.get_by_label("v2", exact=False).check()
    page.get_by_role("button", name="Save the answer").click()
    expect(page.get_by_text("Your answer has been recorded")).to_be_visible()
    journey.check_accessibility()
    assert AccuracyComment.objects.get().response == "accepted"
    AccuracyRound.objects.filter(request=review).update(closes_on=dt.date.today() - dt.timedelta(days=1))  # 14 days on
    journey.go(f"/south-west/requests/{review.pk}/")
    page.get_by_role("button", name="Report revised after factual accuracy check").click()
    page.wait_for_load_state()
    review.refresh_from_db()
    assert review.stage == "report_revised"

    journey.go(base + "report/")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF of version 2").click()
    assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"
    with page.expect_download() as word:
        page.get_by_role("link", name="Word document of version 2").click()
    document = docx.Document(io.BytesIO(open(word.value.path(), "rb").read()))
    text = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Publish a seven-day consultant rota before consultation." in text
    assert "Devon has three stroke units" in text  # the comment, kept in the document control
