"""Given a formal review at its panel meeting, when the panel records its judgements and a
recommendation, the manager drafts the report and sends it to the requester, the requester comments
in the factual-accuracy round and the panel answers, then the report is revised and downloads as PDF
and DOCX. Every page visited is checked for accessibility."""

import datetime as dt
import io

import docx
import pytest

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
    page.click(f"a:has-text('{test3.title}')")
    page.wait_for_selector("h1:has-text('Test 3')")
    journey.check_accessibility()
    page.click("button:has-text('Save the judgement')")
    page.wait_for_selector(".nhsuk-error-summary")
    journey.check_accessibility()
    assert "Select a judgement" in page.inner_text(".nhsuk-error-summary")
    page.check("input[name='outcome'][value='supported_with_conditions']")
    page.check("input[name='strength'][value='strong']")
    page.fill("#id_narrative", "A single hyper-acute stroke unit is supported by strong national evidence.")
    page.check("input[name='evidence']")
    for agreed in page.locator("input[name^='position_'][value='agreed']").all():  # the whole panel agrees
        agreed.check()
    page.click("button:has-text('Save the judgement')")
    page.wait_for_selector("text=The panel's judgement has been recorded (version 1)")
    journey.check_accessibility()
    assert Judgement.objects.get(request=review).evidence.count() == 1
    journey.screenshot("docs/user/reports-judgement.png")

    # Every criterion in the terms needs the panel's judgement before the draft report is ready.
    journey.go(base)
    page.get_by_role("link", name="Workforce").first.click()
    page.check("input[name='outcome'][value='supported']")
    page.check("input[name='strength'][value='moderate']")
    page.fill("#id_narrative", "The workforce plan is credible.")
    for agreed in page.locator("input[name^='position_'][value='agreed']").all():
        agreed.check()
    page.click("button:has-text('Save the judgement')")
    page.wait_for_selector("text=The panel's judgement has been recorded (version 1)")

    journey.go(base + "recommendations/new/")
    page.fill("#id_theme", "Workforce")
    page.fill("#id_text", "Publish a seven-day consultant rota before consultation.")
    page.select_option("#id_criterion", label="Workforce")
    page.check("input[name='priority'][value='high']")
    page.click("button:has-text('Add the recommendation')")
    page.wait_for_selector("text=Recommendation 1 has been added")
    journey.check_accessibility()

    # The manager drafts the report and sends it to the requester.
    page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(base + "report/write/")
    page.check("input[name='overall_opinion'][value='supported_with_conditions']")
    page.fill("#id_summary", "The panel supports the proposals, with conditions on the workforce.")
    page.fill("#id_background", "Devon has two stroke units.")
    page.click("button:has-text('Save as a new version')")
    page.wait_for_selector("text=Draft version 1 has been saved")
    journey.check_accessibility()
    assert "Publish a seven-day consultant rota before consultation." in page.inner_text("main")
    journey.go(f"/south-west/requests/{review.pk}/")
    page.click("button:has-text('Draft report ready')")
    page.click("button:has-text('Send to requester for factual accuracy')")
    page.wait_for_load_state()
    review.refresh_from_db()
    assert review.stage == "factual_accuracy"

    # The requester comments on a section.
    page.context.clear_cookies()
    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(base + "accuracy/")
    page.select_option("#id_section", label="Background")
    page.fill("#id_text", "Devon has three stroke units: the third opened in 2019.")
    page.click("button:has-text('Send the comment')")
    page.wait_for_selector("text=Your comment has been sent to the panel")
    journey.check_accessibility()

    # The manager answers it; the report is revised and downloads in both formats.
    page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    draft(
        review, by=cast["manager"], summary="The panel supports the proposals, with the stroke units counted again."
    )  # v2 makes the correction
    journey.go(base + "accuracy/")
    page.click("a:has-text('Answer this comment')")
    page.check("input[name='response'][value='accepted']")
    page.get_by_label("v2", exact=False).check()
    page.click("button:has-text('Save the answer')")
    page.wait_for_selector("text=Your answer has been recorded")
    journey.check_accessibility()
    assert AccuracyComment.objects.get().response == "accepted"
    AccuracyRound.objects.filter(request=review).update(closes_on=dt.date.today() - dt.timedelta(days=1))  # 14 days on
    journey.go(f"/south-west/requests/{review.pk}/")
    page.click("button:has-text('Report revised after factual accuracy check')")
    page.wait_for_load_state()
    review.refresh_from_db()
    assert review.stage == "report_revised"

    journey.go(base + "report/")
    with page.expect_download() as pdf:
        page.click("a:has-text('PDF')")
    assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"
    with page.expect_download() as word:
        page.click("a:has-text('Word')")
    document = docx.Document(io.BytesIO(open(word.value.path(), "rb").read()))
    text = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Publish a seven-day consultant rota before consultation." in text
    assert "Devon has three stroke units" in text  # the comment, kept in the document control
