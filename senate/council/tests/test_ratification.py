"""Issue 14, item 3: ratification is of one version. 'Approved with changes' went straight to
'Approved for issue', and an earlier version was issued and published as Final without the change
the Council asked for. Now approval with changes needs a new version and the named member's
confirmation before issue, and only the signed-off version is issued and published."""

import io

import pytest
from pypdf import PdfReader

from senate.council import declarations, publication, ratification
from senate.council.decisions import decide_item
from senate.council.meetings import MeetingRefused, add_item
from senate.council.models import MeetingDeclaration
from senate.council.tests.factories import TODAY, latest, ready_item, report_request, schedule
from senate.reports import accuracy
from senate.reports import publication as reports
from senate.reports.models import AccuracyComment, AccuracyRound
from senate.reports.tests.factories import draft

CHANGES = "Add the travel-time analysis for Torbay"


def _decided(senate, cast, request, outcome="approved_with_changes", **more):
    meeting, item = ready_item(senate, cast, request)
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="leaves", by=cast["chair"])
    values = {"changes": CHANGES if outcome != "approved" else "", "confirmer": cast["council"]} | more
    decide_item(item, by=cast["manager"], outcome=outcome, method="consensus", version=latest(request), **values)
    request.refresh_from_db()
    return item.decision


def test_approval_with_changes_waits_for_a_new_version_and_the_named_members_confirmation(senate, cast, council):
    request = report_request(cast)
    decision = _decided(senate, cast, request)
    assert request.stage == "report_revised"  # not 'Approved for issue'
    assert decision.report_version.version == 1 and decision.confirmer == cast["council"]
    with pytest.raises(MeetingRefused, match=f"{cast['council']} must confirm that a new version makes them"):
        publication.issue_advice(request, covering_letter="Our advice.", by=cast["manager"])
    with pytest.raises(MeetingRefused, match="Write a new version with the changes first"):
        ratification.confirm_changes(decision, version=None, by=cast["council"])
    changed = draft(request, by=cast["manager"], summary="With the travel-time analysis.")
    with pytest.raises(MeetingRefused, match=f"Only {cast['council']}, named by the Council"):
        ratification.confirm_changes(decision, version=changed, by=cast["chair"])
    ratification.confirm_changes(decision, version=changed, by=cast["council"])
    request.refresh_from_db()
    assert request.stage == "approved"
    assert reports.final_version(request) == changed
    publication.issue_advice(request, covering_letter="Our advice.", by=cast["manager"])


def test_only_the_signed_off_version_is_issued_and_its_pdf_says_who_ratified_it(senate, cast, council):
    request = report_request(cast)
    decision = _decided(senate, cast, request)
    changed = draft(request, by=cast["manager"], summary="With the travel-time analysis.")
    ratification.confirm_changes(decision, version=changed, by=cast["council"])
    publication.issue_advice(request, covering_letter="Our advice.", by=cast["manager"])
    request.refresh_from_db()
    publication.give_permission(
        request, given_on=TODAY, publish_from=None, redactions="", given_by="Jo Requester", by=cast["requester"]
    )
    pdf = publication.report_document(request, fmt="pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    meeting = decision.item.meeting
    assert "Version 2" in text and "With the travel-time analysis." in text
    assert f"Ratified at the {meeting}, item 1" in text
    assert f"signed off by {decision.chaired_by}, who chaired the item" in text
    assert f"confirmed by {cast['council']}" in text


def test_the_council_decides_on_a_version_that_carries_the_accepted_corrections(senate, cast, council):
    request = report_request(cast)
    first = latest(request)
    found = AccuracyRound.objects.create(request=request, draft=first, opened_by=cast["manager"], closes_on=TODAY)
    comment = AccuracyComment.objects.create(round=found, section="background", text="2019", by=cast["requester"])
    corrected = draft(request, by=cast["manager"], background="Opened in 2019.")
    accuracy.answer(comment, response="accepted", answer="", corrected_in=corrected, by=cast["manager"])
    meeting, item = ready_item(senate, cast, request)
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="leaves", by=cast["chair"])
    with pytest.raises(MeetingRefused, match="v1 does not carry the factual-accuracy corrections made in v2"):
        decide_item(item, by=cast["manager"], outcome="approved", changes="", method="consensus", version=first)
    with pytest.raises(MeetingRefused, match="Choose the version of the report"):
        decide_item(item, by=cast["manager"], outcome="approved", changes="", method="consensus")


def test_a_request_waiting_for_confirmation_is_not_put_to_the_council_again(senate, cast, council):
    request = report_request(cast)
    _decided(senate, cast, request)
    with pytest.raises(MeetingRefused, match="must confirm that a new version makes them"):
        add_item(meeting=schedule(senate, cast), kind="ratify_report", title="", request=request, by=cast["manager"])


def test_the_issue_page_says_why_advice_approved_with_changes_cannot_be_issued(client, senate, cast, council):
    request = report_request(cast)
    _decided(senate, cast, request)
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/council/requests/{request.pk}/issue/").content.decode()
    assert "This advice cannot be issued yet" in page
    assert f"The Council approved v1 with changes: {cast['council']} must confirm" in page
    posted = client.post(f"/south-west/council/requests/{request.pk}/issue/", {"covering_letter": "Our advice."})
    assert "must confirm that a new version makes them" in posted.content.decode()
    request.refresh_from_db()
    assert request.stage == "report_revised"


def test_the_named_member_confirms_on_the_items_page(client, senate, cast, council):
    request = report_request(cast)
    decision = _decided(senate, cast, request)
    item = decision.item
    url = f"/south-west/council/{item.meeting.pk}/items/{item.number}/confirm-changes/"
    client.force_login(cast["council"])
    assert "There is no new version yet" in client.get(url).content.decode()
    draft(request, by=cast["manager"], summary="Changed.")
    client.post(url, {"version": "2"})
    request.refresh_from_db()
    assert request.stage == "approved" and reports.final_version(request).version == 2


def test_where_the_chair_approves_advice_outside_the_council_the_approval_signs_off_the_latest_version(senate, cast):
    """A Senate whose rules let the Chair approve (no Council approval) still issues a final version."""
    from senate.council.models import QuorumRule
    from senate.reviews import lifecycle

    QuorumRule.objects.update_or_create(senate=senate, defaults={"council_approves": False})
    request = report_request(cast)
    lifecycle.perform("approve_advice", request, by=cast["chair"], reason="Approved by the Chair")
    signed = reports.final_version(request)
    assert signed == latest(request)
    assert signed.sign_off.chaired_by == cast["chair"]
    assert "by the Chair outside a Council meeting" in signed.sign_off.ratified_at
