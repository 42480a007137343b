"""The requester's front-page tasks: feedback on issued advice, then the board's decision."""

import datetime as dt

from django.utils import timezone

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.organisations.models import Organisation
from senate.programme import feedback, home
from senate.programme.tests.factories import issued_request
from senate.reviews.models import RequestEvent

TODAY = dt.date.today()


def _texts(user, senate):
    return [t.text for t in home.tasks(user, senate, TODAY)]


def _issued_days_ago(request, days):
    event = RequestEvent.objects.create(request=request, action="issue", to_stage="issued")
    RequestEvent.objects.filter(pk=event.pk).update(at=timezone.now() - dt.timedelta(days=days))


def test_a_requester_is_asked_for_feedback_on_issued_advice(cast, senate):
    request = issued_request(cast)
    assert _texts(cast["requester"], senate) == [f"Give feedback on the advice: {request.reference} {request.title}"]


def test_after_feedback_the_board_decision_is_asked_only_three_months_after_issue(cast, senate):
    request = issued_request(cast)
    feedback.give_feedback(
        request, usefulness=4, timeliness=4, clarity=4, would_ask_again=True, comments="", by=cast["requester"]
    )
    _issued_days_ago(request, 30)
    assert _texts(cast["requester"], senate) == []
    RequestEvent.objects.filter(request=request).update(at=timezone.now() - dt.timedelta(days=92))
    assert _texts(cast["requester"], senate) == [f"Record your board's decision: {request.reference} {request.title}"]


def test_once_the_board_decision_is_recorded_nothing_is_asked(cast, senate):
    request = issued_request(cast)
    _issued_days_ago(request, 100)
    feedback.give_feedback(
        request, usefulness=4, timeliness=4, clarity=4, would_ask_again=True, comments="", by=cast["requester"]
    )
    feedback.record_board_decision(
        request, decided_on=None, decision="Consult", influence="shaped", how="", by=cast["requester"]
    )
    assert _texts(cast["requester"], senate) == []


def test_a_requester_from_another_organisation_is_not_asked(cast, senate, icb):
    issued_request(cast)
    other = Organisation.objects.filter(type="icb").exclude(pk=icb.pk).first()
    elsewhere = give_role(UserFactory(), senate, Role.REQUESTER, organisation=other)
    assert _texts(elsewhere, senate) == []


def test_the_senate_team_has_no_requester_tasks(cast, senate):
    issued_request(cast)
    assert _texts(cast["manager"], senate) == []
