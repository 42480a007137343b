"""A request's place in service change: dated steps with dates that make sense, the Senate's review
placed beside consultation, and its deadline set from the checkpoint it informs."""

import datetime as dt

import pytest

from senate.assurance import recording, timeline
from senate.assurance.recording import Refused
from senate.core.models import AuditEvent
from senate.reviews.models import RequestEvent

D = dt.date
BASE = "/south-west/assurance/requests"


def test_a_consultation_cannot_end_before_it_starts_and_says_so_on_the_date(formal, cast):
    recording.record_step(request=formal, step="consultation_start", on=D(2027, 3, 1), by=cast["manager"])
    with pytest.raises(Refused) as refused:
        recording.record_step(request=formal, step="consultation_end", on=D(2027, 2, 1), by=cast["manager"])
    assert refused.value.problems == {"on": "The consultation must end after it starts (1 March 2027)"}
    assert formal.assurance.events.count() == 1


def test_the_decision_cannot_come_before_the_stage_2_checkpoint(formal, cast):
    recording.record_step(request=formal, step="checkpoint", on=D(2027, 5, 1), by=cast["manager"])
    with pytest.raises(Refused, match="cannot be before the stage 2 checkpoint"):
        recording.record_step(request=formal, step="decision", on=D(2027, 4, 1), by=cast["manager"])


def test_recording_a_step_again_corrects_it_and_is_audited(formal, cast):
    recording.record_step(request=formal, step="checkpoint", on=D(2027, 5, 1), by=cast["manager"])
    recording.record_step(request=formal, step="checkpoint", on=D(2027, 5, 8), by=cast["manager"])
    assert [e.on for e in formal.assurance.events.all()] == [D(2027, 5, 8)]
    assert AuditEvent.objects.filter(action="assurance.step_recorded", object_id=str(formal.pk)).count() == 2


def test_notifying_the_secretary_of_state_marks_the_proposal_notifiable(formal, cast):
    recording.record_step(request=formal, step="sos_notified", on=D(2027, 6, 1), by=cast["manager"])
    formal.assurance.refresh_from_db()
    assert formal.assurance.notifiable is True


def test_an_urgent_temporary_change_is_never_notifiable_and_needs_a_review_date(cast):
    from senate.reviews.tests.factories import RequestFactory

    urgent = RequestFactory(kind="urgent_temporary")
    with pytest.raises(Refused) as refused:
        recording.set_context(request=urgent, by=cast["manager"], notifiable=True, temporary_review_date=None)
    assert set(refused.value.problems) == {"notifiable", "temporary_review_date"}
    with pytest.raises(Refused, match="not notifiable"):
        recording.record_step(request=urgent, step="sos_notified", on=D(2027, 1, 1), by=cast["manager"])


def test_the_deadline_is_proposed_before_the_checkpoint_the_advice_informs_and_audited(formal, cast):
    recording.set_context(request=formal, by=cast["manager"], informs="checkpoint")
    recording.record_step(request=formal, step="checkpoint", on=D(2027, 5, 12), by=cast["manager"])
    ctx = recording.set_deadline(request=formal, by=cast["manager"])
    assert ctx.advice_needed_by == D(2027, 5, 11)
    assert "stage 2: assurance checkpoint" in ctx.advice_needed_for
    assert AuditEvent.objects.filter(action="assurance.deadline_set").exists()


def test_no_deadline_is_proposed_without_the_checkpoint_date(formal, cast):
    recording.set_context(request=formal, by=cast["manager"], informs="checkpoint")
    with pytest.raises(Refused, match="Record the date"):
        recording.set_deadline(request=formal, by=cast["manager"])


def _issued(request, on):
    event = RequestEvent.objects.create(request=request, action="issue", to_stage="issued")
    RequestEvent.objects.filter(pk=event.pk).update(at=dt.datetime.combine(on, dt.time(12), tzinfo=dt.UTC))


@pytest.mark.parametrize(
    ("start", "end", "issued", "where"),
    [
        (D(2027, 3, 1), D(2027, 5, 1), D(2027, 2, 1), "Before public consultation."),
        (D(2027, 3, 1), D(2027, 5, 1), D(2027, 4, 1), "In parallel with public consultation."),
    ],
)
def test_the_senates_review_is_placed_against_consultation(formal, cast, start, end, issued, where):
    recording.record_step(request=formal, step="consultation_start", on=start, by=cast["manager"])
    recording.record_step(request=formal, step="consultation_end", on=end, by=cast["manager"])
    formal.submitted_at = dt.datetime(2027, 1, 5, tzinfo=dt.UTC)
    _issued(formal, issued)
    assert timeline.placement(formal, recording.context_of(formal)) == where


def test_a_review_after_consultation_is_placed_before_the_decision(formal, cast):
    recording.record_step(request=formal, step="consultation_start", on=D(2026, 1, 1), by=cast["manager"])
    recording.record_step(request=formal, step="consultation_end", on=D(2026, 3, 1), by=cast["manager"])
    formal.submitted_at = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    RequestEvent.objects.filter(request=formal).delete()
    assert timeline.placement(formal, recording.context_of(formal), today=D(2026, 5, 1)) == (
        "After public consultation and before the decision."
    )


def test_a_refused_date_comes_back_on_the_date_field_of_the_page(client, formal, cast):
    recording.record_step(request=formal, step="consultation_start", on=D(2027, 3, 1), by=cast["manager"])
    client.force_login(cast["requester"])
    data = {"step": "consultation_end", "on[day]": "1", "on[month]": "2", "on[year]": "2027"}
    page = client.post(f"{BASE}/{formal.pk}/step/", data).content.decode()
    assert "The consultation must end after it starts (1 March 2027)" in page


def test_the_timeline_shows_assurance_steps_beside_the_senates_own(client, formal, cast):
    recording.record_step(
        request=formal, step="sense_check", on=D(2026, 9, 1), by=cast["manager"], outcome="Senate review needed"
    )
    RequestEvent.objects.create(request=formal, action="submit", to_stage="received")
    client.force_login(cast["assurance"])
    page = client.get(f"{BASE}/{formal.pk}/").content.decode()
    assert "NHS England stage 1: strategic sense check — Senate review needed" in page
    assert "Request received by the Senate" in page


def test_a_step_can_be_renamed_by_the_senate(settings, formal, cast):
    settings.ASSURANCE_STEP_LABELS = {"dmbc": "Stage 3: decision-making business case"}
    assert recording.step_label("dmbc") == "Stage 3: decision-making business case"


def test_the_request_page_says_where_the_senates_review_sits(client, formal, cast):
    client.force_login(cast["requester"])
    assert "Where the advice sits (assurance)</a>" in client.get(f"/south-west/requests/{formal.pk}/").content.decode()
    recording.record_step(request=formal, step="consultation_start", on=D(2020, 1, 1), by=cast["manager"])
    recording.record_step(request=formal, step="consultation_end", on=D(2020, 3, 1), by=cast["manager"])
    page = client.get(f"/south-west/requests/{formal.pk}/").content.decode()
    assert "Where the advice sits (assurance): after public consultation and before the decision" in page
