"""'From this stage on' for a request, paused or not, and the words for a judgement's outcome
(unsaved requests, no database)."""

from senate.reports.framework import outcome_label
from senate.reports.stages import at_or_past
from senate.reviews.models import Request


def test_a_request_at_a_stage_is_at_or_past_it_and_every_earlier_one():
    request = Request(stage="draft_report")
    assert at_or_past(request, "draft_report") and at_or_past(request, "panel_meeting")
    assert not at_or_past(request, "factual_accuracy")


def test_a_paused_request_counts_as_the_stage_it_was_paused_at():
    paused = Request(stage="paused", stage_before_pause="panel_meeting")
    assert at_or_past(paused, "panel_meeting") and not at_or_past(paused, "draft_report")


def test_a_withdrawn_request_is_past_no_stage():
    assert not at_or_past(Request(stage="withdrawn"), "received")


def test_an_outcome_on_the_scale_reads_as_the_scale_says():
    assert outcome_label("supported_with_conditions") == "Supported with conditions"


def test_an_outcome_no_longer_on_the_scale_still_reads_as_words(settings):
    settings.REPORTS_JUDGEMENT_SCALE = [("agreed", "Agreed")]
    assert outcome_label("supported_with_conditions") == "Supported with conditions"
    assert outcome_label("agreed") == "Agreed"
