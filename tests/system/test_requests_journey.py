"""A request for advice from first contact to closure, in a browser: the requester asks, the Senate
manager triages and drafts terms of reference, the requester comments and agrees, the Chair approves;
an early-advice request then runs to a letter, the requester responds and the Senate closes it."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.members.vocabulary import load_vocabulary
from senate.reviews.models import Request

pytestmark = pytest.mark.browser


def press(page, name):
    page.get_by_role("button", name=name, exact=True).click()


def answer(page, question, choice):
    """A radio answer, found as a person finds it: under its question."""
    page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()


def _ask(journey, kind_label, title):
    page = journey.page
    journey.go("/south-west/requests/new/")
    press(page, "Start now")
    page.get_by_label(kind_label).check()
    press(page, "Save and continue")
    journey.check_accessibility()
    press(page, "Save and continue")  # nothing entered: refused at the fields
    expect(page.get_by_role("alert")).to_contain_text("Enter a title for the request")
    journey.check_accessibility()
    page.get_by_label("Give the request a short title").fill(title)
    page.get_by_label("Stroke medicine").check()
    press(page, "Save and continue")
    page.get_by_label("NHS Devon Integrated Care Board", exact=False).first.check()
    page.get_by_label("Which places or sites are affected?").fill("Exeter, Barnstaple, Torbay")
    press(page, "Save and continue")
    page.get_by_label("Stage 2: assurance checkpoint").check()
    answer(page, "Is a substantial variation proposed (needing scrutiny committee consultation)?", "Yes")
    answer(page, "Is a significant reduction in beds proposed?", "No")
    answer(page, "Is the proposal contentious, or at risk of judicial review?", "Yes")
    press(page, "Save and continue")
    page.get_by_label("What questions do you want the Senate to answer?").fill(
        "Is there a clear clinical evidence base for two hyperacute stroke units?"
    )
    decision = dt.date.today() + dt.timedelta(days=200)
    when = page.get_by_role("group", name="Decision date you are working to")
    when.get_by_label("Day", exact=True).fill(str(decision.day))
    when.get_by_label("Month", exact=True).fill(str(decision.month))
    when.get_by_label("Year", exact=True).fill(str(decision.year))
    press(page, "Save and continue")
    expect(page.get_by_role("heading", name="Check your answers", level=1)).to_be_visible()
    journey.check_accessibility()
    assert title in page.inner_text("main")
    press(page, "Send request")
    expect(page.get_by_text("Your request has been sent")).to_be_visible()
    journey.check_accessibility()
    return Request.objects.get(title=title)


def _act(journey, label, reason=None):
    page = journey.page
    if reason is not None:
        page.get_by_label(f"Reason for ‘{label.lower()}’").fill(reason)
    press(page, label)
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
    page.get_by_role("link", name="Triage this request").click()
    page.get_by_label("Accept").check()
    page.get_by_label("Or start a new programme called").fill("Stroke services in Devon")
    page.get_by_label("Reason the requester will see").fill("A formal review fits the assurance timetable.")
    press(page, "Record decision")
    page.wait_for_load_state()
    journey.check_accessibility()
    assert "A formal review fits the assurance timetable." in page.inner_text("main")
    journey.go(f"/south-west/requests/{request.pk}/terms/")
    press(page, "Draft the terms of reference")  # a link that looks like a button, and says so
    expect(page.get_by_role("heading", name="Edit the terms of reference", level=1)).to_be_visible()
    journey.check_accessibility()
    assert (
        "Is there a clear clinical evidence base" in page.get_by_label("Questions the review will answer").input_value()
    )
    page.get_by_label("Exclusions", exact=True).fill("Thrombectomy services, which are commissioned nationally.")
    press(page, "Save new version")
    expect(page.get_by_text("Version 1 of the terms of reference saved")).to_be_visible()
    _act(journey, "Share version 1 with the requester")
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Mark terms of reference drafted")

    journey.sign_in(cast["requester"].email, PASSWORD)
    journey.go("/south-west/")  # the Senate's front page says what waits for the requester
    journey.check_accessibility()
    page.get_by_role("link", name=f"Agree the terms of reference: {request.reference}").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/south-west/requests/{request.pk}/")
    journey.go(f"/south-west/requests/{request.pk}/terms/")
    page.get_by_label("Add a comment").fill("Please include the ambulance service among the interviews.")
    press(page, "Add comment")
    expect(page.get_by_text("Your comment has been added")).to_be_visible()
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
    press(page, "Record decision")
    page.wait_for_load_state()
    journey.go(f"/south-west/requests/{request.pk}/recommendations/")
    page.get_by_label("Theme", exact=True).fill("Workforce")
    page.get_by_label("Recommendation", exact=True).fill(
        "Set out how community stroke teams will be staffed seven days a week."
    )
    page.get_by_label("Addressed to").fill("NHS Devon ICB")
    press(page, "Add recommendation")
    expect(page.get_by_text("Recommendation added")).to_be_visible()
    journey.check_accessibility()
    journey.go(f"/south-west/requests/{request.pk}/")
    assert "Not yet: Write the letter of advice first." in page.inner_text("main")  # no button that fails
    assert page.get_by_role("button", name="Letter of advice drafted").count() == 0
    journey.go(f"/south-west/reports/requests/{request.pk}/report/write/")
    answer(page, "The panel's overall opinion", "Supported")
    page.get_by_label("Our advice in brief").fill(
        "The Senate supports moving stroke rehabilitation into the community."
    )
    press(page, "Save as a new version")
    expect(page.get_by_text("Draft version 1 has been saved")).to_be_visible()
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
    page.get_by_label("What you will do").fill("The ICB board agreed a seven-day rota from April.")
    press(page, "Save response")
    page.wait_for_load_state()
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Send our response to the recommendations")

    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go(f"/south-west/requests/{request.pk}/")
    _act(journey, "Start follow-up")
    journey.go(f"/south-west/requests/{request.pk}/recommendations/")
    page.get_by_label("Follow-up note on recommendation 1").fill("Seven-day rota confirmed at six months.")
    press(page, "Record follow-up")
    expect(page.get_by_text("Follow-up recorded")).to_be_visible()
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
    page.get_by_label("What you will do").fill("Modelling will be published with the consultation.")
    press(page, "Save response")
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
