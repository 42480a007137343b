"""Who is asked for feedback on the advice, and recording the board's decision."""

import datetime as dt

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.core.models import AuditEvent
from senate.notifications.models import Email
from senate.programme import feedback, planning, queries
from senate.programme.tests.factories import issued_request, thematic_topic

TODAY = dt.date.today()


def test_work_the_senate_opened_itself_asks_nobody_for_feedback(senate, cast, icb):
    topic = thematic_topic(senate, cast, icb)
    assert feedback.send_feedback_asks(topic.request) == 0
    assert not Email.objects.filter(kind="programme.feedback_asked").exists()


def test_a_requester_whose_account_is_closed_is_not_asked(senate, cast, icb):
    gone = give_role(UserFactory(is_active=False), senate, Role.REQUESTER, organisation=icb)
    request = issued_request(cast)
    assert feedback.contacts(request) == [cast["requester"]]
    assert gone not in feedback.contacts(request)


def test_every_active_contact_of_the_requesting_organisation_is_asked(senate, cast, icb):
    colleague = give_role(UserFactory(), senate, Role.REQUESTER, organisation=icb)
    request = issued_request(cast)
    assert feedback.send_feedback_asks(request) == 2
    assert set(Email.objects.values_list("to", flat=True)) == {cast["requester"].email, colleague.email}


def test_the_feedback_email_names_the_advice(senate, cast):
    request = issued_request(cast)
    feedback.send_feedback_asks(request)
    email = Email.objects.get(kind="programme.feedback_asked")
    assert email.subject == f"{request.reference}: how useful was our advice?"
    assert request.title in email.body


def test_feedback_is_recorded_with_its_scores(senate, cast):
    request = issued_request(cast)
    feedback.give_feedback(
        request, usefulness=4, timeliness=2, clarity=5, would_ask_again=False, comments="", by=cast["requester"]
    )
    event = AuditEvent.objects.get(action="request.feedback_given")
    assert event.data == {"usefulness": 4, "timeliness": 2, "clarity": 5, "again": False}


def test_no_feedback_yet_gives_no_averages(senate):
    summary = queries.feedback_summary(senate, TODAY, TODAY)
    assert summary["answers"] == 0


def test_a_board_decision_must_say_what_was_decided(senate, cast):
    request = issued_request(cast)
    with pytest.raises(feedback.FeedbackRefused, match="Say what the board decided") as refused:
        feedback.record_board_decision(
            request, decided_on=None, decision=" ", influence="shaped", how="", by=cast["requester"]
        )
    assert refused.value.field == "decision"


def test_a_board_decision_may_be_recorded_without_its_date(senate, cast):
    request = issued_request(cast)
    found = feedback.record_board_decision(
        request, decided_on=None, decision="Consult on two options", influence="shaped", how="", by=cast["requester"]
    )
    assert found.decided_on is None


def test_correcting_a_board_decision_keeps_one_and_records_the_change(senate, cast):
    request = issued_request(cast)
    feedback.record_board_decision(
        request, decided_on=TODAY, decision="Consult", influence="shaped", how="", by=cast["requester"]
    )
    feedback.record_board_decision(
        request, decided_on=TODAY, decision="Consult", influence="confirmed", how="", by=cast["requester"]
    )
    latest = AuditEvent.objects.filter(action="request.board_decision_recorded").latest("id")
    assert latest.data["changed"] == {"influence": ["shaped", "confirmed"]}
    assert queries.board_decision_on(request).influence == "confirmed"


def test_a_topic_in_this_years_plan_is_not_offered_again_but_is_for_next_year(senate, cast):
    topic = thematic_topic(senate, cast, None, kind="horizon")
    year = planning.plan_year_of(TODAY)
    planning.add_to_plan(senate=senate, year=year, topic=topic, by=cast["manager"])
    assert topic not in queries.plannable(senate, year)[1]
    assert topic in queries.plannable(senate, year + 1)[1]


def test_finished_horizon_scanning_is_not_offered_for_the_plan(senate, cast):
    from senate.programme import topics

    topic = thematic_topic(senate, cast, None, kind="horizon")
    topics.finish_horizon_scan(topic, outcome="Nothing new", by=cast["manager"])
    assert topic not in queries.plannable(senate, planning.plan_year_of(TODAY))[1]
