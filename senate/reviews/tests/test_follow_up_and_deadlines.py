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
    assert "There is a problem" in page and "greater than or equal to 0" in page
    senate = cast["manager"].roles.get().senate
    senate.refresh_from_db()
    assert senate.request_notice_days == 91
