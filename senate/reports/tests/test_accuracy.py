import datetime as dt

import pytest
from django.utils import timezone

from senate.notifications.models import Email
from senate.reports import accuracy, publication
from senate.reports.models import AccuracyRound
from senate.reports.tests.factories import criteria, draft, judged, request_at
from senate.reviews import lifecycle
from senate.reviews.lifecycle import TransitionRefused


@pytest.fixture
def sent(cast):
    request = request_at("panel_meeting", by=cast["requester"])
    draft(request, by=cast["manager"])
    lifecycle.perform("record_draft_report", request, by=cast["manager"])
    lifecycle.perform("send_for_factual_accuracy", request, by=cast["manager"])
    request.refresh_from_db()
    return request


def test_a_draft_report_is_required_before_the_draft_report_stage(cast):
    request = request_at("panel_meeting", by=cast["requester"])
    with pytest.raises(TransitionRefused, match="Write a draft of the report first"):
        lifecycle.perform("record_draft_report", request, by=cast["manager"])


def test_every_criterion_in_the_terms_needs_the_panels_judgement_before_the_draft_report_stage(cast):
    """Issue 13: an approved scope listed interdependencies, which were never assessed."""
    request = request_at("panel_meeting", by=cast["requester"])
    picked = criteria(request, "test-3-evidence", "workforce", by=cast["manager"])
    draft(request, by=cast["manager"])
    judged(request, picked[0], by=cast["manager"])
    with pytest.raises(TransitionRefused) as refused:
        lifecycle.perform("record_draft_report", request, by=cast["manager"])
    assert str(refused.value) == f"The panel has not yet recorded its judgement on: {picked[1].title}."
    judged(request, picked[1], by=cast["manager"])
    assert lifecycle.perform("record_draft_report", request, by=cast["manager"]).stage == "draft_report"


def test_early_advice_needs_its_letter_written_before_the_letter_stage(cast):
    request = request_at("accepted", by=cast["requester"], kind="early_advice")
    with pytest.raises(TransitionRefused, match="Write the letter of advice first"):
        lifecycle.perform("record_advice_drafted", request, by=cast["manager"])
    draft(request, by=cast["manager"])
    assert lifecycle.perform("record_advice_drafted", request, by=cast["manager"]).stage == "advice_drafted"


def test_sending_opens_the_round_for_the_senates_window_and_tells_the_requester(cast, sent):
    found = accuracy.open_round(sent)
    assert found.closes_on == timezone.localdate() + dt.timedelta(days=sent.senate.factual_accuracy_days)
    assert Email.objects.filter(kind="report.accuracy_opened", recipient=cast["requester"]).exists()


def test_the_requester_comments_per_section_and_not_after_the_window(cast, sent):
    accuracy.comment(sent, section="background", text="The unit opened in 2019, not 2017.", by=cast["requester"])
    with pytest.raises(ValueError, match="Select the section"):
        accuracy.comment(sent, section="nonsense", text="x", by=cast["requester"])
    later = timezone.localdate() + dt.timedelta(days=sent.senate.factual_accuracy_days + 1)
    with pytest.raises(ValueError, match="closed"):
        accuracy.comment(sent, section="summary", text="Too late.", by=cast["requester"], today=later)


def test_the_report_cannot_be_revised_until_every_comment_is_answered(cast, sent):
    first = accuracy.comment(sent, section="background", text="Opened in 2019.", by=cast["requester"])
    second = accuracy.comment(sent, section="summary", text="We disagree.", by=cast["requester"])
    corrected = draft(sent, by=cast["manager"], background="The unit opened in 2019.")
    accuracy.answer(first, response="accepted", answer="", corrected_in=corrected, by=cast["manager"])
    _window_closes(sent)
    with pytest.raises(TransitionRefused, match="1 factual-accuracy comment"):
        lifecycle.perform("record_report_revised", sent, by=cast["manager"])
    with pytest.raises(ValueError, match="why the report stands"):
        accuracy.answer(second, response="answered", answer="", by=cast["manager"])
    accuracy.answer(second, response="answered", answer="The panel's view is unchanged.", by=cast["manager"])
    lifecycle.perform("record_report_revised", sent, by=cast["manager"])
    assert accuracy.open_round(sent) is None
    revised = draft(sent, by=cast["manager"], summary="Revised.")
    html = publication.report_html(revised)
    assert "Opened in 2019." in html and "The panel&#39;s view is unchanged." in html
    assert "Accepted: the report is corrected (in v2)" in html


def _window_closes(request):
    """The requester's window ends (as if the days had passed)."""
    AccuracyRound.objects.filter(request=request).update(closes_on=timezone.localdate() - dt.timedelta(days=1))


def test_an_accepted_comment_needs_a_corrected_version_that_exists(cast, sent):
    """Issue 14, item 3: a comment was marked "Accepted: the report is corrected" with no corrected version."""
    made = accuracy.comment(sent, section="background", text="Opened in 2019.", by=cast["requester"])
    with pytest.raises(ValueError, match="Write the corrected version first: the comment is on v1"):
        accuracy.answer(made, response="accepted", answer="", by=cast["manager"])
    later = draft(sent, by=cast["manager"], background="The unit opened in 2019.")
    with pytest.raises(ValueError, match="Select the version that makes the correction"):
        accuracy.answer(made, response="accepted", answer="", corrected_in=made.round.draft, by=cast["manager"])
    accuracy.answer(made, response="accepted", answer="", corrected_in=later, by=cast["manager"])
    made.refresh_from_db()
    assert made.response == "accepted" and made.corrected_in == later


def test_the_report_is_not_revised_while_the_comment_window_is_open(cast, sent):
    """Issue 14, item 3: 'Report revised' was allowed 14 days before the comment window closed."""
    closes = accuracy.open_round(sent).closes_on
    with pytest.raises(TransitionRefused) as refused:
        lifecycle.perform("record_report_revised", sent, by=cast["manager"])
    assert str(refused.value) == (
        f"The requester can comment on draft v1 until {closes:%-d %B %Y}: "
        "mark the report revised once the factual-accuracy window has closed."
    )
    _window_closes(sent)
    assert lifecycle.perform("record_report_revised", sent, by=cast["manager"]).stage == "report_revised"


def test_the_panel_sees_why_it_cannot_accept_a_comment_without_a_corrected_version(client, cast, sent):
    made = accuracy.comment(sent, section="background", text="Opened in 2019.", by=cast["requester"])
    client.force_login(cast["manager"])
    url = f"/south-west/reports/requests/{sent.pk}/accuracy/{made.pk}/answer/"
    page = client.post(url, {"response": "accepted", "answer": ""}).content.decode()
    assert "Write the corrected version first: the comment is on v1 and there is no later version." in page
    made.refresh_from_db()
    assert made.response == ""


def test_the_request_page_shows_why_the_report_cannot_be_marked_revised_yet(client, cast, sent):
    client.force_login(cast["manager"])
    response = client.post(f"/south-west/requests/{sent.pk}/act/record_report_revised/")
    assert response.status_code == 400
    assert "mark the report revised once the factual-accuracy window has closed" in response.content.decode()
    sent.refresh_from_db()
    assert sent.stage == "factual_accuracy"


def test_the_requester_comments_through_the_page(client, cast, sent):
    client.force_login(cast["requester"])
    url = f"/south-west/reports/requests/{sent.pk}/accuracy/"
    response = client.post(url, {"form": "comment", "section": "", "text": ""})
    page = response.content.decode()
    assert "Select a section" in page and "Enter your comment" in page
    client.post(url, {"form": "comment", "section": "background", "text": "Wrong year."})
    page = client.get(url).content.decode()
    assert "Wrong year." in page and "Awaiting the panel" in page
    assert "Answer this comment" not in page


def test_the_requester_can_finish_the_check_early_so_the_report_can_be_revised(client, cast, sent):
    """Without this the panel waits out the whole window even when the requester has said all they will."""
    with pytest.raises(TransitionRefused, match="mark the report revised once the factual-accuracy window"):
        lifecycle.perform("record_report_revised", sent, by=cast["manager"])
    client.force_login(cast["manager"])
    page = f"/south-west/reports/requests/{sent.pk}/accuracy/"
    assert "We have no more comments" not in client.get(page).content.decode()  # only the requester may finish
    client.post(page, {"form": "finish"})
    assert accuracy.open_round(sent) is not None

    client.force_login(cast["requester"])
    assert "We have no more comments" in client.get(page).content.decode()
    answer = client.post(page, {"form": "finish"}, follow=True).content.decode()
    assert "You have finished the factual-accuracy check" in answer and "The window for comments has closed" in answer
    assert "We have no more comments" not in answer
    with pytest.raises(ValueError, match="window is closed"):
        accuracy.comment(sent, section="summary", text="One more thing.", by=cast["requester"])
    with pytest.raises(ValueError, match="already closed"):
        accuracy.finish(sent, by=cast["requester"])
    assert lifecycle.perform("record_report_revised", sent, by=cast["manager"]).stage == "report_revised"
