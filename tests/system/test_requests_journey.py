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
    form = page.locator("form", has=page.locator(f"button:has-text('{label}')")).first
    if reason is not None:
        form.locator("textarea").fill(reason)
    form.locator(f"button:has-text('{label}')").click()
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
    _act(journey, "Letter of advice drafted")

    journey.sign_in(cast["chair"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Approve the advice for issue")

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Issue to the requester")

    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Send our response to the recommendations")
    assert "1 recommendation(s) still have no response." in page.inner_text("main")
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
