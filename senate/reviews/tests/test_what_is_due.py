"""What is due next on a request at each stage, and the Senate's own deadline for its advice."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.core.models import AuditEvent
from senate.reviews import deadlines, terms
from senate.reviews.models import Request
from senate.reviews.tests.factories import RequestFactory


def _at(cast, stage, *, days_ago=0, **fields):
    request = RequestFactory(created_by=cast["requester"], stage=stage, **fields)
    Request.objects.filter(pk=request.pk).update(stage_entered_at=timezone.now() - dt.timedelta(days=days_ago))
    return Request.objects.get(pk=request.pk)


def _with_panel_day(cast, request, panel_date):
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    version.panel_date = panel_date
    version.save()
    return Request.objects.get(pk=request.pk)


def test_a_received_request_is_due_for_triage_within_ten_days(cast):
    due = deadlines.next_due(_at(cast, "received"))
    assert due.what == "Triage the request" and due.on == dt.date.today() + dt.timedelta(days=10)
    assert due.who == "senate"


def test_a_request_waiting_for_more_information_is_the_requesters_to_send_within_28_days(cast):
    due = deadlines.next_due(_at(cast, "more_information"))
    assert due.who == "requester" and due.on == dt.date.today() + dt.timedelta(days=28)


def test_drafted_terms_of_reference_wait_on_the_requester_to_agree(cast):
    due = deadlines.next_due(_at(cast, "tor_drafted"))
    assert due.what == "Terms of reference agreed" and due.who == "requester"


def test_agreed_terms_are_due_for_approval_within_14_days(cast):
    due = deadlines.next_due(_at(cast, "tor_agreed", days_ago=15))
    assert due.what == "Terms of reference approved" and due.overdue(dt.date.today())


def test_the_panel_is_due_recruited_the_senates_panel_notice_before_the_panel_day(cast, senate):
    panel_day = dt.date.today() + dt.timedelta(days=100)
    request = _with_panel_day(cast, _at(cast, "tor_approved"), panel_day)
    due = deadlines.next_due(request)
    assert due.on == panel_day - dt.timedelta(days=senate.panel_notice_days) and not due.needs_panel_day


def test_without_a_panel_day_the_panel_recruitment_has_no_date_and_says_it_needs_one(cast):
    due = deadlines.next_due(_at(cast, "tor_approved"))
    assert due.on is None and due.needs_panel_day and not due.overdue(dt.date.today())


def test_papers_are_due_the_senates_papers_notice_before_the_panel_day(cast, senate):
    panel_day = dt.date.today() + dt.timedelta(days=40)
    request = _with_panel_day(cast, _at(cast, "panel_recruited"), panel_day)
    due = deadlines.next_due(request)
    assert due.what == "Papers to the panel" and due.on == panel_day - dt.timedelta(days=senate.papers_notice_days)


def test_a_superseded_version_of_the_terms_does_not_set_the_panel_day(cast):
    request = _at(cast, "panel_recruited")
    _with_panel_day(cast, request, dt.date.today() + dt.timedelta(days=40))
    request = _with_panel_day(cast, request, None)
    assert deadlines.next_due(request).on is None


def test_the_requesters_factual_accuracy_window_is_the_senates_setting(cast, senate):
    senate.factual_accuracy_days = 7
    senate.save()
    due = deadlines.next_due(_at(cast, "factual_accuracy", days_ago=8))
    assert due.who == "requester" and due.overdue(dt.date.today())


def test_once_issued_the_requesters_response_is_due_within_the_senates_response_window(cast, senate):
    due = deadlines.next_due(_at(cast, "issued"))
    assert due.what == "Requester's response to the recommendations"
    assert due.on == dt.date.today() + dt.timedelta(days=senate.response_days)


@pytest.mark.parametrize("stage", ["closed", "withdrawn", "declined", "redirected"])
def test_a_finished_request_has_nothing_due(cast, stage):
    assert deadlines.next_due(_at(cast, stage)) is None


def test_the_senates_advice_deadline_says_why_in_lower_case_after_the_task(cast):
    request = _at(cast, "panel_meeting", advice_due_on=dt.date.today(), advice_due_for="Board meeting on 3 March")
    due = deadlines.advice_due(request)
    assert due.what == "Issue the Senate's advice (board meeting on 3 March)" and due.who == "senate"


def test_the_advice_deadline_is_not_shown_once_the_advice_is_issued(cast):
    request = _at(cast, "issued", advice_due_on=dt.date.today() - dt.timedelta(days=5))
    assert deadlines.advice_due(request) is None


def test_setting_the_advice_deadline_is_recorded_with_the_date_before_and_after(cast):
    request = _at(cast, "panel_meeting")
    deadlines.set_advice_deadline(request=request, on=dt.date(2027, 3, 3), why="Board", by=cast["manager"])
    event = AuditEvent.objects.get(action="request.advice_deadline_set")
    assert event.summary == f"{request.reference}: Senate's advice needed by 3 March 2027 (Board)"
    assert event.data["changed"] == {"Senate's advice needed by": [None, "3 March 2027"]}


def test_clearing_the_advice_deadline_forgets_the_reason_too(cast):
    request = _at(cast, "panel_meeting", advice_due_on=dt.date.today(), advice_due_for="Board")
    deadlines.set_advice_deadline(request=request, on=None, why="Board", by=cast["manager"])
    request.refresh_from_db()
    assert request.advice_due_on is None and request.advice_due_for == ""
    assert AuditEvent.objects.get(action="request.advice_deadline_set").summary.endswith("no date (Board)")


def test_the_work_queue_leaves_out_drafts_and_finished_requests(cast, senate):
    open_one = _at(cast, "received")
    for stage in ("draft", "closed", "withdrawn", "declined", "redirected"):
        _at(cast, stage)
    assert [row["request"] for row in deadlines.work_queue(senate, dt.date.today())] == [open_one]


def test_a_passed_advice_deadline_makes_a_request_overdue_on_the_work_queue(cast, senate):
    late = _at(cast, "panel_meeting", advice_due_on=dt.date.today() - dt.timedelta(days=1))
    row = deadlines.work_queue(senate, dt.date.today())[0]
    assert row["request"] == late and row["overdue"] and row["late"] == [row["advice"]]


def test_a_passed_advice_deadline_is_reminded_once_a_day_to_the_senate(cast, senate):
    from senate.notifications.models import Email

    _at(cast, "panel_meeting", advice_due_on=dt.date.today() - dt.timedelta(days=1))
    first = deadlines.send_reminders(senate, today=dt.date.today())
    again = deadlines.send_reminders(senate, today=dt.date.today())
    assert first >= 1 and again == 0
    assert Email.objects.filter(kind="request.reminder", subject__contains="Issue the Senate's advice").exists()
