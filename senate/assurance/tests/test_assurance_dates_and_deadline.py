"""The dates of service change that must come in order, the steps that may repeat, and the deadline
proposed for the Senate's advice from the checkpoint it informs."""

import datetime as dt

import pytest

from senate.assurance import recording, timeline
from senate.assurance.recording import Refused

D = dt.date


def test_the_checkpoint_cannot_come_before_the_sense_check(formal, cast):
    recording.record_step(request=formal, step="sense_check", on=D(2027, 3, 1), by=cast["manager"])
    with pytest.raises(Refused) as refused:
        recording.record_step(request=formal, step="checkpoint", on=D(2027, 2, 1), by=cast["manager"])
    assert refused.value.problems == {
        "on": "The stage 2 checkpoint cannot be before the stage 1 sense check (1 March 2027)"
    }


def test_the_decision_cannot_come_before_the_consultation_ends(formal, cast):
    recording.record_step(request=formal, step="consultation_end", on=D(2027, 6, 1), by=cast["manager"])
    with pytest.raises(Refused, match="cannot be before the consultation ends"):
        recording.record_step(request=formal, step="decision", on=D(2027, 5, 1), by=cast["manager"])


def test_the_decision_making_business_case_follows_the_consultation(formal, cast):
    recording.record_step(request=formal, step="consultation_end", on=D(2027, 6, 1), by=cast["manager"])
    with pytest.raises(Refused, match="decision-making business case follows the consultation"):
        recording.record_step(request=formal, step="dmbc", on=D(2027, 5, 31), by=cast["manager"])


def test_a_consultation_cannot_end_on_the_day_it_starts(formal, cast):
    recording.record_step(request=formal, step="consultation_start", on=D(2027, 3, 1), by=cast["manager"])
    with pytest.raises(Refused, match="must end after it starts"):
        recording.record_step(request=formal, step="consultation_end", on=D(2027, 3, 1), by=cast["manager"])


def test_moving_an_earlier_step_after_a_later_one_is_refused_too(formal, cast):
    recording.record_step(request=formal, step="checkpoint", on=D(2027, 5, 1), by=cast["manager"])
    with pytest.raises(Refused, match="cannot be before the stage 1 sense check"):
        recording.record_step(request=formal, step="sense_check", on=D(2027, 6, 1), by=cast["manager"])


def test_a_call_in_may_be_requested_more_than_once(formal, cast):
    for on in (D(2027, 7, 1), D(2027, 8, 1)):
        recording.record_step(request=formal, step="call_in_request", on=on, by=cast["manager"])
    assert [e.on for e in formal.assurance.events.filter(step="call_in_request").order_by("on")] == [
        D(2027, 7, 1),
        D(2027, 8, 1),
    ]


def test_advice_informing_the_sense_check_is_needed_the_day_before_it(formal, cast):
    recording.set_context(request=formal, by=cast["manager"], informs="sense_check")
    recording.record_step(request=formal, step="sense_check", on=D(2027, 2, 10), by=cast["manager"])
    assert recording.proposed_deadline(recording.context_of(formal)) == (
        D(2027, 2, 9),
        "Advice needed before NHS England stage 1: strategic sense check",
    )


def test_advice_informing_the_checkpoint_without_its_date_is_needed_before_consultation(formal, cast):
    recording.set_context(request=formal, by=cast["manager"], informs="checkpoint")
    recording.record_step(request=formal, step="consultation_start", on=D(2027, 4, 1), by=cast["manager"])
    assert recording.proposed_deadline(recording.context_of(formal)) == (
        D(2027, 3, 31),
        "Advice needed before public consultation starts",
    )


def test_advice_informing_the_decision_is_needed_before_the_decision_making_business_case(formal, cast):
    recording.set_context(request=formal, by=cast["manager"], informs="decision")
    recording.record_step(request=formal, step="dmbc", on=D(2027, 9, 1), by=cast["manager"])
    assert recording.proposed_deadline(recording.context_of(formal))[0] == D(2027, 8, 31)


def test_nothing_recorded_proposes_no_deadline(formal):
    assert recording.deadline_to_accept(recording.context_of(formal)) is None


def test_setting_the_context_to_what_it_already_says_records_nothing(formal, cast):
    from senate.core.models import AuditEvent

    recording.set_context(request=formal, by=cast["manager"], informs="decision")
    recording.set_context(request=formal, by=cast["manager"], informs="decision")
    assert AuditEvent.objects.filter(action="assurance.context_changed", object_id=str(formal.pk)).count() == 1


def test_a_renamed_step_keeps_its_new_name_and_the_others_their_own(settings):
    settings.ASSURANCE_STEP_LABELS = {"pcbc": "Case for change"}
    assert recording.step_label("pcbc") == "Case for change"
    assert recording.step_label("decision") == "Commissioner's decision"


def test_a_request_not_yet_sent_is_not_placed(cast):
    from senate.reviews.tests.factories import RequestFactory

    draft = RequestFactory(submitted_at=None)
    draft.events.all().delete()
    assert timeline.placement(draft, recording.context_of(draft)) == "The request has not been sent to the Senate yet."


def test_a_review_running_on_after_the_decision_is_placed_after_it(formal, cast):
    recording.record_step(request=formal, step="decision", on=D(2026, 3, 1), by=cast["manager"])
    formal.submitted_at = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    formal.events.all().delete()
    assert timeline.placement(formal, recording.context_of(formal), today=D(2026, 4, 1)) == (
        "After the commissioner's decision."
    )


def test_without_consultation_dates_the_review_cannot_be_placed(formal, cast):
    formal.submitted_at = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    formal.events.all().delete()
    assert timeline.placement(formal, recording.context_of(formal), today=D(2026, 4, 1)).startswith("Not yet placed")


def test_the_temporary_review_date_is_on_the_timeline_of_an_urgent_change(cast):
    from senate.reviews.tests.factories import RequestFactory

    urgent = RequestFactory(kind="urgent_temporary")
    recording.set_context(request=urgent, by=cast["manager"], temporary_review_date=D(2027, 1, 15))
    rows = timeline.rows(urgent, recording.context_of(urgent))
    assert timeline.Row(D(2027, 1, 15), "assurance", "Temporary change to be looked at again") in rows
