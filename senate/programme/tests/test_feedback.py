"""Requester feedback and the board's decision: asked once, answered only by the requesting
organisation, read by the Senate team and the Chair."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.notifications.models import Email
from senate.organisations.models import Organisation
from senate.programme import feedback, queries
from senate.programme.permission_names import ProgrammePermission as P
from senate.programme.tests.factories import issued_request
from senate.reviews.models import RequestEvent

TODAY = dt.date.today()


def test_issuing_advice_asks_the_requesting_organisation_once(senate, cast):
    request = issued_request(cast)
    assert feedback.send_feedback_asks(request) == 1
    assert feedback.send_feedback_asks(request) == 0
    email = Email.objects.get(kind="programme.feedback_asked")
    assert email.to == cast["requester"].email and f"/programme/requests/{request.pk}/feedback/" in email.body


def test_only_the_requesting_organisations_contacts_may_answer_once_issued(senate, cast):
    request = issued_request(cast)
    other_org = Organisation.objects.filter(type="icb").exclude(pk=request.requesting_organisation_id).first()
    elsewhere = give_role(UserFactory(), senate, Role.REQUESTER, organisation=other_org)
    assert cast["requester"].has_perm(P.GIVE_FEEDBACK, request)
    assert not elsewhere.has_perm(P.GIVE_FEEDBACK, request)
    assert not cast["manager"].has_perm(P.GIVE_FEEDBACK, request)
    assert not cast["requester"].has_perm(P.GIVE_FEEDBACK, issued_request(cast, stage="approved"))


def test_the_senate_team_reads_the_answers_and_others_do_not(senate, cast):
    request = issued_request(cast)
    assert cast["manager"].has_perm(P.VIEW_IMPACT, request) and cast["chair"].has_perm(P.VIEW_IMPACT, request)
    assert not cast["council"].has_perm(P.VIEW_IMPACT, request)
    assert not cast["requester"].has_perm(P.VIEW_IMPACT, request)


def test_feedback_is_given_once_and_counted(senate, cast):
    request = issued_request(cast)
    values = {"usefulness": 5, "timeliness": 3, "clarity": 4, "would_ask_again": True, "comments": ""}
    feedback.give_feedback(request, by=cast["requester"], **values)
    with pytest.raises(feedback.FeedbackRefused):
        feedback.give_feedback(request, by=cast["requester"], **values)
    summary = queries.feedback_summary(senate, TODAY, TODAY)
    assert summary == {"answers": 1, "usefulness": 5, "timeliness": 3, "clarity": 4, "would_ask_again": 100}


def test_three_months_after_issue_the_board_decision_is_asked_once(senate, cast):
    request = issued_request(cast)
    event = RequestEvent.objects.create(request=request, action="issue", to_stage="issued")
    RequestEvent.objects.filter(pk=event.pk).update(at=timezone.now() - dt.timedelta(days=80))
    assert feedback.ask_for_board_decisions(senate, today=TODAY) == 0
    RequestEvent.objects.filter(pk=event.pk).update(at=timezone.now() - dt.timedelta(days=92))
    assert feedback.ask_for_board_decisions(senate, today=TODAY) == 1
    assert feedback.ask_for_board_decisions(senate, today=TODAY) == 0
    feedback.record_board_decision(request, decided_on=TODAY, decision="Consult on two sites", influence="shaped",
                                   how="We adopted recommendation 2", by=cast["requester"])  # fmt: skip
    assert queries.board_decisions_summary(senate, TODAY, TODAY)["The advice shaped the decision substantially"] == 1


def test_a_board_decision_in_the_future_is_refused(senate, cast):
    with pytest.raises(feedback.FeedbackRefused) as refused:
        feedback.record_board_decision(issued_request(cast), decided_on=TODAY + dt.timedelta(days=1),
                                       decision="x", influence="shaped", how="", by=cast["requester"])  # fmt: skip
    assert refused.value.field == "decided_on"


def test_the_requesters_front_page_asks_for_feedback_until_it_is_given(client, senate, cast):
    request = issued_request(cast)
    client.force_login(cast["requester"])
    assert "Give feedback on the advice: SW-" in client.get("/south-west/").content.decode()
    feedback.give_feedback(request, usefulness=4, timeliness=4, clarity=4, would_ask_again=True, comments="",
                           by=cast["requester"])  # fmt: skip
    assert "Give feedback on the advice: SW-" not in client.get("/south-west/").content.decode()
