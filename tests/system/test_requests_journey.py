"""A request for advice from first contact to closure, in a browser: the requester asks, the Senate
manager triages and drafts terms of reference, the requester comments and agrees, the Chair approves;
an early-advice request then runs to a letter, the requester responds and the Senate closes it."""

import datetime as dt

import pytest

from senate.accounts.tests.factories import PASSWORD
from senate.members.vocabulary import load_vocabulary
from senate.reviews.models import Request

pytestmark = pytest.mark.browser


def _ask(journey, kind_label, title):
    page = journey.page
    journey.go("/south-west/requests/new/")
    page.click("button:has-text('Start now')")
    page.get_by_label(kind_label).check()
    page.click("button:has-text('Save and continue')")
    journey.check_accessibility()
    page.click("button:has-text('Save and continue')")  # nothing entered: refused at the fields
    assert "Enter a title for the request" in page.inner_text(".nhsuk-error-summary")
    journey.check_accessibility()
    page.fill("#id_title", title)
    page.get_by_label("Stroke medicine").check()
    page.click("button:has-text('Save and continue')")
    page.get_by_label("NHS Devon Integrated Care Board", exact=False).first.check()
    page.fill("#id_places", "Exeter, Barnstaple, Torbay")
    page.click("button:has-text('Save and continue')")
    page.get_by_label("Stage 2: assurance checkpoint").check()
    page.locator("input[name=substantial_variation][value=yes]").check()
    page.locator("input[name=significant_bed_reduction][value=no]").check()
    page.locator("input[name=contentious][value=yes]").check()
    page.click("button:has-text('Save and continue')")
    page.fill("#id_questions", "Is there a clear clinical evidence base for two hyperacute stroke units?")
    decision = dt.date.today() + dt.timedelta(days=200)
    page.fill("[name='decision_date[day]']", str(decision.day))
    page.fill("[name='decision_date[month]']", str(decision.month))
    page.fill("[name='decision_date[year]']", str(decision.year))
    page.click("button:has-text('Save and continue')")
    page.wait_for_selector("h1:has-text('Check your answers')")
    journey.check_accessibility()
    assert title in page.inner_text("main")
    page.click("button:has-text('Send request')")
    page.wait_for_selector("text=Your request has been sent")
    journey.check_accessibility()
    return Request.objects.get(title=title)


def _act(journey, label, reason=None):
    page = journey.page
    button = f'button:has-text("{label}")'
    form = page.locator("form", has=page.locator(button)).first
    if reason is not None:
        form.locator("textarea").fill(reason)
    form.locator(button).click()
    page.wait_for_load_state()
    journey.check_accessibility()


def test_a_formal_review_is_asked_for_triaged_and_its_terms_agreed_and_approved(journey, cast):
    load_vocabulary()
    page = journey.page
    journey.sign_in(cast["requester"].email, PASSWORD)
    request = _ask(journey, "Formal independent clinical review", "Hyperacute stroke units in Devon")
    assert request.stage == "received" and request.reference

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go("/south-west/requests/work-queue/")
    assert request.reference in page.inner_text("main")
    journey.go(f"/south-west/requests/{request.pk}/")
    page.click("text=Triage this request")
    page.get_by_label("Accept").check()
    page.fill("#id_new_programme", "Stroke services in Devon")
    page.fill("#id_reason", "A formal review fits the assurance timetable.")
    page.click("button:has-text('Record decision')")
    page.wait_for_load_state()
    journey.check_accessibility()
    assert "A formal review fits the assurance timetable." in page.inner_text("main")
    journey.go(f"/south-west/requests/{request.pk}/terms/")
    page.click("a:has-text('Draft the terms of reference')")
    page.wait_for_selector("h1:has-text('Edit the terms of reference')")
    journey.check_accessibility()
    assert "Is there a clear clinical evidence base" in page.input_value("#id_questions")
    page.fill("#id_exclusions", "Thrombectomy services, which are commissioned nationally.")
    page.click("button:has-text('Save new version')")
    page.wait_for_selector("text=Version 1 of the terms of reference saved")
    _act(journey, "Share version 1 with the requester")
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Mark terms of reference drafted")

    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go("/south-west/")  # the Senate's front page says what waits for the requester
    journey.check_accessibility()
    page.click(f"#your-tasks a:has-text('Agree the terms of reference: {request.reference}')")
    page.wait_for_load_state()
    assert page.url.endswith(f"/south-west/requests/{request.pk}/")
    journey.go(f"/south-west/requests/{request.pk}/terms/")
    page.fill("#id_text", "Please include the ambulance service among the interviews.")
    page.click("button:has-text('Add comment')")
    page.wait_for_selector("text=Your comment has been added")
    _act(journey, "Agree the terms of reference")

    journey.sign_in(cast["chair"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Approve the terms of reference")
    request.refresh_from_db()
    assert request.stage == "tor_approved"
    assert "Terms of reference agreed with requester → Terms of reference approved" in page.inner_text("#timeline")


def test_early_advice_runs_to_a_letter_a_response_and_closure(journey, cast):
    load_vocabulary()
    page = journey.page
    journey.sign_in(cast["requester"].email, PASSWORD)
    request = _ask(journey, "Early 'critical friend' advice", "Early advice on stroke rehabilitation")

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/triage/")
    page.get_by_label("Accept").check()
    page.click("button:has-text('Record decision')")
    page.wait_for_load_state()
    journey.go(f"/south-west/requests/{request.pk}/recommendations/")
    page.fill("#id_theme", "Workforce")
    page.fill("#id_text", "Set out how community stroke teams will be staffed seven days a week.")
    page.fill("#id_addressee", "NHS Devon ICB")
    page.click("button:has-text('Add recommendation')")
    page.wait_for_selector("text=Recommendation added")
    journey.check_accessibility()
    journey.go(f"/south-west/requests/{request.pk}/")
    assert "Not yet: Write the letter of advice first." in page.inner_text("main")  # no button that fails
    assert page.get_by_role("button", name="Letter of advice drafted").count() == 0
    journey.go(f"/south-west/reports/requests/{request.pk}/report/write/")
    page.check("input[name='overall_opinion'][value='supported']")
    page.fill("#id_summary", "The Senate supports moving stroke rehabilitation into the community.")
    page.click("button:has-text('Save as a new version')")
    page.wait_for_selector("text=Draft version 1 has been saved")
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Letter of advice drafted")
    request.refresh_from_db()
    assert request.stage == "advice_drafted"

    journey.sign_in(cast["chair"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Approve the advice for issue")

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Issue to the requester")

    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    assert "Not yet: 1 recommendation(s) still have no response." in page.inner_text("main")
    assert page.get_by_role("button", name="Send our response to the recommendations").count() == 0
    journey.go(f"/south-west/requests/{request.pk}/recommendations/1/respond/")
    page.get_by_label("Accepted", exact=True).check()
    page.fill("#id_narrative", "The ICB board agreed a seven-day rota from April.")
    page.click("button:has-text('Save response')")
    page.wait_for_load_state()
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Send our response to the recommendations")

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Start follow-up")
    journey.go(f"/south-west/requests/{request.pk}/recommendations/")
    page.fill("#follow-1", "Seven-day rota confirmed at six months.")
    page.click("button:has-text('Record follow-up')")
    page.wait_for_selector("text=Follow-up recorded")
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Close", reason="Advice followed up; nothing further asked of the Senate.")
    request.refresh_from_db()
    assert request.stage == "closed"
    assert "Follow-up → Closed" in page.inner_text("#timeline")
    assert "Emails sent about this request" in page.inner_text("main")


def test_a_formal_review_runs_from_approved_terms_through_every_stage_to_closure(journey, cast):
    """The request page drives every stage; each later part refuses its step until its record exists.
    The records are made here by the apps' own functions (their journeys drive those pages)."""
    from senate.evidence.tests.factories import item
    from senate.members.models import Profession
    from senate.panels.tests.factories import member, seat, spec
    from senate.reports.accuracy import answer, comment
    from senate.reports.models import AccuracyRound
    from senate.reports.tests.factories import draft
    from senate.reviews import follow_up
    from senate.reviews.tests.factories import RequestFactory

    request = RequestFactory(title="Hyperacute stroke units", stage="tor_approved", created_by=cast["requester"])
    page = journey.page
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    # An act that cannot be taken yet says what it waits for, and is no button that leads to an error.
    assert "Not yet: Set the panel specification" in page.inner_text("main")
    assert page.get_by_role("button", name="Panel recruited").count() == 0

    spec(request, by=cast["manager"], rules=(), min_size=2)
    for name in ("Amara Stroke", "Pat Voice"):
        seat(request, member(name, profession=Profession.PPV if name == "Pat Voice" else Profession.DOCTOR))
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Panel recruited")
    item(request, by=cast["requester"])
    journey.go(f"/south-west/requests/{request.pk}/")
    for label in (
        "Evidence pack received",
        "Start desktop review",
        "Start site visits and interviews",
        "Panel meeting held",
    ):
        _act(journey, label)
    request.refresh_from_db()
    draft(request, by=cast["manager"])
    follow_up.add_recommendation(
        request,
        text="Publish the travel-time modelling.",
        theme="Access",
        addressee="NHS Devon ICB",
        priority="high",
        by=cast["manager"],
    )
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Draft report ready")
    _act(journey, "Send to requester for factual accuracy check")
    request.refresh_from_db()
    remark = comment(request, section="summary", text="The bed numbers are for 2025, not 2026.", by=cast["requester"])
    journey.go(f"/south-west/requests/{request.pk}/")
    assert "1 factual-accuracy comment(s) still need an answer." in page.inner_text("main")
    draft(request, by=cast["manager"], summary="The bed numbers are for 2026.")  # v2 makes the correction
    answer(
        remark,
        response="accepted",
        answer="Corrected to 2026.",
        by=cast["manager"],
        corrected_in=request.report_drafts.order_by("-version").first(),
    )
    AccuracyRound.objects.filter(request=request).update(closes_on=dt.date.today() - dt.timedelta(days=1))  # 14 days on
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Report revised after factual accuracy check")

    journey.sign_in(cast["chair"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Approve the advice for issue")
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Issue to the requester")
    _act(journey, "Record publication (with the requester's permission)", reason="Permission given by email.")

    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/recommendations/1/respond/")
    page.get_by_label("Partly accepted").check()
    page.fill("#id_narrative", "Modelling will be published with the consultation.")
    page.click("button:has-text('Save response')")
    page.wait_for_load_state()
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Send our response to the recommendations")

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Start follow-up")
    _act(journey, "Close", reason="Recommendations followed up at six months.")
    request.refresh_from_db()
    assert request.stage == "closed"
    timeline = page.inner_text("#timeline")
    for step in (
        "Panel recruited → Evidence pack received",
        "Factual accuracy check by requester → Report revised",
        "Issued to requester → Published",
        "Follow-up → Closed",
    ):
        assert step in timeline
