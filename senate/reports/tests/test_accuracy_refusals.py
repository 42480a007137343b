"""The factual-accuracy round: when it opens and closes, and what a comment or an answer must say."""

import datetime as dt

import pytest

from senate.notifications.models import Email
from senate.reports import accuracy
from senate.reports.models import AccuracyComment
from senate.reports.tests.factories import draft, request_at

TODAY = dt.date.today()


@pytest.fixture
def sent(cast):
    """A draft report sent to the requester today for factual accuracy."""
    request = request_at("factual_accuracy", by=cast["requester"])
    draft(request, by=cast["manager"])
    accuracy.open_for(request, by=cast["manager"], today=TODAY)
    return request


def test_a_round_cannot_open_before_there_is_a_draft(cast):
    request = request_at("draft_report", by=cast["requester"])
    with pytest.raises(ValueError, match="Write a draft report before sending it for factual accuracy."):
        accuracy.open_for(request, by=cast["manager"])


def test_the_round_closes_after_the_senates_factual_accuracy_window(cast, senate, sent):
    assert accuracy.latest_round(sent).closes_on == TODAY + dt.timedelta(days=senate.factual_accuracy_days)


def test_the_requester_is_emailed_the_date_to_comment_by(cast, senate, sent):
    email = Email.objects.get(kind="report.accuracy_opened")
    closes = TODAY + dt.timedelta(days=senate.factual_accuracy_days)
    assert email.to == cast["requester"].email and f"by {closes:%-d %B %Y}" in email.body


def test_no_comment_is_taken_after_the_window_has_passed(cast, senate, sent):
    later = TODAY + dt.timedelta(days=senate.factual_accuracy_days + 1)
    with pytest.raises(ValueError, match="The factual-accuracy window is closed."):
        accuracy.comment(sent, section="summary", text="Wrong figure", by=cast["requester"], today=later)


def test_a_comment_names_a_section_of_the_draft(cast, sent):
    with pytest.raises(ValueError, match="Select the section your comment is about"):
        accuracy.comment(sent, section="chapter-nine", text="Wrong figure", by=cast["requester"], today=TODAY)


def test_an_empty_comment_is_refused(cast, sent):
    with pytest.raises(ValueError, match="Enter your comment"):
        accuracy.comment(sent, section="summary", text="  ", by=cast["requester"], today=TODAY)


def test_finishing_early_closes_the_window_so_no_more_comments_are_taken(cast, sent):
    accuracy.finish(sent, by=cast["requester"], today=TODAY)
    assert accuracy.open_round(sent, today=TODAY) is None
    with pytest.raises(ValueError, match="The factual-accuracy window is already closed."):
        accuracy.finish(sent, by=cast["requester"], today=TODAY)


def test_an_answer_says_whether_the_comment_is_accepted_or_answered(cast, sent):
    made = accuracy.comment(sent, section="summary", text="Wrong figure", by=cast["requester"], today=TODAY)
    with pytest.raises(ValueError, match="Select whether the comment is accepted or answered"):
        accuracy.answer(made, response="maybe", answer="", by=cast["manager"])


def test_answering_without_a_correction_needs_the_reason_the_report_stands(cast, sent):
    made = accuracy.comment(sent, section="summary", text="Wrong figure", by=cast["requester"], today=TODAY)
    with pytest.raises(ValueError, match="Explain why the report stands"):
        accuracy.answer(made, response=AccuracyComment.Response.ANSWERED, answer=" ", by=cast["manager"])


def test_accepting_a_comment_needs_the_corrected_version_written_first(cast, sent):
    made = accuracy.comment(sent, section="summary", text="Wrong figure", by=cast["requester"], today=TODAY)
    with pytest.raises(ValueError, match="Write the corrected version first: the comment is on v1"):
        accuracy.answer(made, response=AccuracyComment.Response.ACCEPTED, answer="", by=cast["manager"])


def test_accepting_a_comment_names_the_version_that_makes_the_correction(cast, sent):
    made = accuracy.comment(sent, section="summary", text="Wrong figure", by=cast["requester"], today=TODAY)
    corrected = draft(sent, by=cast["manager"], summary="Corrected figure")
    with pytest.raises(ValueError, match="Select the version that makes the correction"):
        accuracy.answer(made, response=AccuracyComment.Response.ACCEPTED, answer="", by=cast["manager"])
    accuracy.answer(made, response="accepted", answer="", by=cast["manager"], corrected_in=corrected)
    made.refresh_from_db()
    assert made.corrected_in == corrected and accuracy.unanswered(sent) == 0


def test_a_comment_is_kept_without_surrounding_space_and_counts_as_unanswered(cast, sent):
    made = accuracy.comment(sent, section="summary", text="  Wrong figure \n", by=cast["requester"], today=TODAY)
    assert made.text == "Wrong figure" and accuracy.unanswered(sent) == 1


def test_a_comment_from_another_request_is_not_found_on_this_one(cast, sent):
    from django.http import Http404

    made = accuracy.comment(sent, section="summary", text="Wrong figure", by=cast["requester"], today=TODAY)
    other = request_at("factual_accuracy", by=cast["requester"])
    with pytest.raises(Http404):
        accuracy.comment_on(other, made.pk)
