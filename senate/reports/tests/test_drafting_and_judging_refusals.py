"""What drafting a report, choosing criteria and recording a judgement refuse, and say why."""

import datetime as dt

import pytest

from senate.reports import agreement, assessment, drafting, framework, signoff
from senate.reports.tests.factories import criteria, draft, judged, request_at, seat

TODAY = dt.date.today()


def _save(request, cast, **fields):
    values = {"overall_opinion": "supported", "sections": {"summary": "Supported."}, "change_note": ""} | fields
    return drafting.save_draft(request, by=cast["manager"], **values)


def test_a_report_cannot_be_drafted_once_the_advice_is_approved(cast):
    request = request_at("approved", by=cast["requester"])
    with pytest.raises(ValueError, match="from the panel meeting until the advice is approved"):
        _save(request, cast)


def test_a_draft_needs_the_panels_overall_opinion(cast, review):
    with pytest.raises(ValueError, match="Select the panel's overall opinion"):
        _save(review, cast, overall_opinion="")


def test_a_draft_needs_a_plain_english_summary(cast, review):
    with pytest.raises(ValueError, match="Write the summary in plain English"):
        _save(review, cast, sections={"summary": "   "})


def test_the_first_draft_is_noted_as_the_first_draft(cast, review):
    assert _save(review, cast).change_note == "First draft"
    assert _save(review, cast, change_note="Tightened wording").change_note == "Tightened wording"


def test_a_new_draft_starts_from_the_last_versions_words(cast, review):
    _save(review, cast, overall_opinion="not_supported", sections={"summary": "Not yet."})
    values = drafting.starting_values(review)
    assert values["overall_opinion"] == "not_supported" and values["summary"] == "Not yet."


def test_the_very_first_draft_starts_with_the_glossary_and_the_requests_background(cast):
    request = request_at("panel_meeting", by=cast["requester"], background="Two sites, one unit.")
    values = drafting.starting_values(request)
    assert values["background"] == "Two sites, one unit." and "ICB: integrated care board" in values["glossary"]


def test_criteria_come_from_the_senates_own_framework(cast, review, other_senate):
    theirs = framework.add_senate_criterion(other_senate, title="London only", description="", by=cast["other_manager"])
    with pytest.raises(ValueError, match="Choose criteria from this Senate's framework"):
        assessment.pick_criteria(review, criteria=[theirs], by=cast["manager"])


def test_at_least_one_criterion_is_chosen(cast, review):
    with pytest.raises(ValueError, match="Select at least one criterion"):
        assessment.pick_criteria(review, criteria=[], by=cast["manager"])


def test_a_judgement_is_on_one_of_the_reviews_criteria(cast, review):
    chosen = criteria(review, "workforce", by=cast["manager"])
    other = framework.available(review.senate).exclude(pk=chosen[0].pk).first()
    with pytest.raises(ValueError, match="That criterion is not one of this review's"):
        judged(review, other, by=cast["manager"])


def test_a_judgement_needs_one_of_the_scales_outcomes(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    with pytest.raises(ValueError, match="Select a judgement"):
        judged(review, crit, by=cast["manager"], outcome="brilliant")


def test_a_judgement_needs_the_panels_reasoning(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    with pytest.raises(ValueError, match="Enter the panel's reasoning"):
        judged(review, crit, by=cast["manager"], narrative="  ")


def test_a_judgement_needs_the_strength_of_the_evidence(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    seat(cast["assembly"], review)
    everyone = agreement.seating(review, crit).may_take_part
    with pytest.raises(ValueError, match="Select the strength of the evidence"):
        assessment.record_judgement(
            review, criterion=crit, outcome="supported", strength="", narrative="Clear.", evidence=[],
            agreed=everyone, by=cast["manager"],
        )  # fmt: skip


def test_a_panel_members_view_needs_words(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    seat(cast["assembly"], review)
    with pytest.raises(ValueError, match="Enter your view"):
        assessment.record_view(review, criterion=crit, outcome="supported", text=" ", by=cast["assembly"])


def test_only_one_version_of_a_report_is_ever_signed_off(cast, review):
    first, second = draft(review, by=cast["manager"]), draft(review, by=cast["manager"])
    signoff.sign_off(first, ratified_at="Council", ratified_on=TODAY, chaired_by=cast["chair"], by=cast["manager"])
    with pytest.raises(ValueError, match="A version of this report has already been signed off."):
        signoff.sign_off(second, ratified_at="Council", ratified_on=TODAY, chaired_by=cast["chair"], by=cast["manager"])


def test_a_sign_off_with_changes_names_who_confirmed_them(cast, review):
    version = draft(review, by=cast["manager"])
    with pytest.raises(ValueError, match="Name who confirmed that the Council's changes are made."):
        signoff.sign_off(
            version,
            ratified_at="Council",
            ratified_on=TODAY,
            chaired_by=cast["chair"],
            changes="Fix",
            by=cast["manager"],
        )
