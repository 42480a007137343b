"""Recommendations with the requester's responses and the Senate's follow-up; the work queue shows
what is due and overdue; reminders go once a day; every email about a request is listed on it."""

import datetime as dt

from django.utils import timezone

from senate.notifications.models import Email
from senate.reviews import deadlines, follow_up
from senate.reviews.models import Request
from senate.reviews.tests.conftest import walk

BASE = "/south-west/requests"


def _issued_letter(cast):
    from senate.reviews.tests.factories import RequestFactory

    request = RequestFactory(kind="early_advice", created_by=cast["requester"])
    request = walk(request, "accept", cast=cast)
    follow_up.add_recommendation(
        request,
        text="Publish travel-time modelling.",
        theme="Access",
        addressee="Devon ICB",
        priority="high",
        by=cast["manager"],
    )
    return walk(request, "record_advice_drafted", "approve_advice", "issue", cast=cast)


def test_the_requester_responds_to_each_recommendation_then_sends_the_response(client, cast):
    request = _issued_letter(cast)
    client.force_login(cast["requester"])
    response = client.post(f"{BASE}/{request.pk}/act/record_response/")
    assert "1 recommendation(s) still have no response." in response.content.decode()
    data = {
        "decision": "partly",
        "narrative": "Modelling published in March.",
        "planned_date[day]": "1",
        "planned_date[month]": "3",
        "planned_date[year]": "2027",
    }
    assert client.post(f"{BASE}/{request.pk}/recommendations/1/respond/", data).status_code == 302
    client.post(f"{BASE}/{request.pk}/act/record_response/")
    request.refresh_from_db()
    assert request.stage == "response_received"
    page = client.get(f"{BASE}/{request.pk}/recommendations/").content.decode()
    assert "Partly accepted" in page and "Modelling published in March." in page


def test_another_organisations_requester_cannot_respond(client, cast):
    from senate.accounts.tests.factories import UserFactory, give_role
    from senate.organisations.models import Organisation

    request = _issued_letter(cast)
    stranger = give_role(UserFactory(), request.senate, "requester", organisation=Organisation.objects.get(code="QT6"))
    client.force_login(stranger)
    data = {"decision": "accepted", "narrative": "Yes"}
    assert client.post(f"{BASE}/{request.pk}/recommendations/1/respond/", data).status_code in (403, 404)
    assert not request.recommendations.get().responses.exists()


def test_the_senate_follows_up_and_closes(client, cast):
    request = _issued_letter(cast)
    rec = request.recommendations.get()
    follow_up.respond(rec, decision="accepted", narrative="Done", planned_date=None, by=cast["requester"])
    walk(request, "record_response", "start_follow_up", cast=cast)
    client.force_login(cast["manager"])
    client.post(
        f"{BASE}/{request.pk}/recommendations/",
        {"form": "follow_up", "note": "Checked at six months.", "recommendation": rec.pk},
    )
    walk(request, "close", cast=cast, reason="All followed up")
    assert "Checked at six months." in client.get(f"{BASE}/{request.pk}/recommendations/").content.decode()
    request.refresh_from_db()
    assert request.stage == "closed"


def _overdue_factual_accuracy(cast):
    from senate.reviews.tests.factories import RequestFactory

    request = RequestFactory(created_by=cast["requester"], stage="factual_accuracy")
    Request.objects.filter(pk=request.pk).update(stage_entered_at=timezone.now() - dt.timedelta(days=30))
    return request


def test_the_work_queue_shows_what_is_overdue(client, cast, received):
    late = _overdue_factual_accuracy(cast)
    rows = deadlines.work_queue(late.senate, dt.date.today())
    assert rows[0]["request"] == late and rows[0]["overdue"]
    client.force_login(cast["manager"])
    page = client.get(f"{BASE}/work-queue/").content.decode()
    assert late.reference in page and received.reference in page and "Overdue" in page


def test_stages_without_a_service_level_show_the_next_step_and_are_never_overdue(cast):
    from senate.reviews.tests.factories import RequestFactory

    today = dt.date.today()
    ages_ago = timezone.now() - dt.timedelta(days=400)
    for stage, kind, what in [
        ("panel_meeting", "formal_review", "Write the draft report"),
        ("approved", "formal_review", "Issue the advice to the requester"),
        ("accepted", "early_advice", "Write the letter of advice"),
        ("accepted", "formal_review", "Terms of reference agreed"),
    ]:
        request = RequestFactory(created_by=cast["requester"], stage=stage, kind=kind)
        Request.objects.filter(pk=request.pk).update(stage_entered_at=ages_ago)
        request.refresh_from_db()
        due = deadlines.next_due(request)
        assert due is not None and due.what == what, (stage, kind)
        assert (due.on is None) == (what != "Terms of reference agreed") and due.overdue(today) == (due.on is not None)


def test_the_panel_meeting_is_due_on_the_panel_day_in_the_terms(cast):
    from senate.reviews import terms
    from senate.reviews.tests.factories import RequestFactory

    request = RequestFactory(created_by=cast["requester"], stage="accepted")
    assert deadlines.next_due(Request.objects.get(pk=request.pk)).needs_panel_day is False
    request.stage = "desktop_review"
    request.save()
    due = deadlines.next_due(request)
    assert due.on is None and due.needs_panel_day
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    version.panel_date = dt.date.today() - dt.timedelta(days=1)
    version.save()
    due = deadlines.next_due(request)
    assert due.what.startswith("Panel meeting") and due.overdue(dt.date.today())


def test_reminders_go_once_a_day_and_are_listed_on_the_request(client, cast):
    late = _overdue_factual_accuracy(cast)
    today = dt.date.today()
    assert deadlines.send_reminders(late.senate, today=today) == 1
    assert deadlines.send_reminders(late.senate, today=today) == 0
    assert deadlines.send_reminders(late.senate, today=today + dt.timedelta(days=1)) == 1
    assert Email.objects.filter(kind="request.reminder", to=cast["requester"].email).count() == 2
    client.force_login(cast["manager"])
    assert "overdue – Requester&#39;s factual accuracy comments" in client.get(f"{BASE}/{late.pk}/").content.decode()


def test_each_transition_that_concerns_the_requester_emails_them(cast, received):
    walk(received, "decline", cast=cast, reason="Out of scope")
    sent = Email.objects.filter(to=cast["requester"].email)
    assert sent.exists() and "Out of scope" in sent.last().body


def test_the_chair_changes_service_levels_and_the_change_is_recorded(client, cast):
    from senate.core.models import AuditEvent

    client.force_login(cast["chair"])
    values = {
        "request_notice_days": "120",
        "panel_notice_days": "56",
        "papers_notice_days": "21",
        "factual_accuracy_days": "10",
        "response_days": "60",
        "requires_commissioner_sponsor": "on",
    }
    assert client.post(f"{BASE}/service-levels/", values).status_code == 302
    senate = cast["chair"].roles.get().senate
    senate.refresh_from_db()
    assert senate.request_notice_days == 120 and senate.factual_accuracy_days == 10
    event = AuditEvent.objects.get(action="senate.service_levels_changed")
    assert "request_notice_days 91 → 120" in event.summary and event.actor == cast["chair"]


def test_a_negative_service_level_is_refused_at_its_field(client, cast):
    client.force_login(cast["manager"])
    values = {
        "request_notice_days": "-5",
        "panel_notice_days": "56",
        "papers_notice_days": "21",
        "factual_accuracy_days": "14",
        "response_days": "60",
    }
    page = client.post(f"{BASE}/service-levels/", values).content.decode()
    assert "There is a problem" in page and "must be 0 or more" in page
    senate = cast["manager"].roles.get().senate
    senate.refresh_from_db()
    assert senate.request_notice_days == 91


def _with_recommendation(cast, *, stage, kind="formal_review"):
    from senate.reviews.models import Recommendation
    from senate.reviews.tests.factories import RequestFactory

    request = RequestFactory(kind=kind, created_by=cast["requester"], stage=stage)
    Recommendation.objects.create(
        request=request, number=1, theme="Workforce", text="Staff the unit seven days a week.", priority="high"
    )
    return request


def _sees_it(client, user, request) -> bool:
    client.force_login(user)
    page = client.get(f"{BASE}/{request.pk}/recommendations/")
    assert page.status_code == 200
    return "Staff the unit seven days a week." in page.content.decode()


def test_draft_recommendations_are_hidden_from_the_requester_until_the_draft_report_is_sent(client, cast):
    for stage, shown in [("panel_meeting", False), ("draft_report", False), ("factual_accuracy", True)]:
        request = _with_recommendation(cast, stage=stage)
        assert _sees_it(client, cast["requester"], request) is shown, stage
        assert _sees_it(client, cast["manager"], request), stage
    hidden = _with_recommendation(cast, stage="draft_report")
    client.force_login(cast["requester"])
    assert (
        "They will be shown here when the Senate shares the advice"
        in client.get(f"{BASE}/{hidden.pk}/recommendations/").content.decode()
    )


def test_a_letter_of_advice_shows_its_recommendations_to_the_requester_only_once_issued(client, cast):
    approved = _with_recommendation(cast, stage="approved", kind="early_advice")
    assert not _sees_it(client, cast["requester"], approved)
    assert _sees_it(client, cast["requester"], _with_recommendation(cast, stage="issued", kind="early_advice"))


def test_a_paused_request_keeps_the_rule_of_the_stage_it_was_paused_at(client, cast):
    request = _with_recommendation(cast, stage="paused")
    request.stage_before_pause = "draft_report"
    request.save()
    assert not _sees_it(client, cast["requester"], request)
    request.stage_before_pause = "factual_accuracy"
    request.save()
    assert _sees_it(client, cast["requester"], request)


def test_the_council_sees_them_when_asked_to_approve_and_assurance_once_issued(client, cast):
    drafting, revised, issued = (
        _with_recommendation(cast, stage=s) for s in ("draft_report", "report_revised", "issued")
    )
    assert [_sees_it(client, cast["council"], r) for r in (drafting, revised, issued)] == [False, True, True]
    assert [_sees_it(client, cast["assurance"], r) for r in (drafting, revised, issued)] == [False, False, True]


def test_the_requester_sees_the_emails_sent_to_them_and_the_team_sees_all(client, cast, received):
    walk(received, "accept", cast=cast)  # emails the requester
    from senate.reviews import lifecycle

    lifecycle.perform("withdraw", received, by=cast["requester"], reason="Programme paused by the ICB board")
    to_team = Email.objects.filter(object_id=str(received.pk)).exclude(to=cast["requester"].email)
    assert to_team.exists()
    client.force_login(cast["requester"])
    page = client.get(f"{BASE}/{received.pk}/").content.decode()
    assert "Your request for advice has been accepted" in page
    assert not any(e.to in page for e in to_team)
    client.force_login(cast["manager"])
    page = client.get(f"{BASE}/{received.pk}/").content.decode()
    assert all(e.to in page for e in to_team) and cast["requester"].email in page
