"""Follow-up continues to implementation: the requester or the Senate's manager records where each
recommendation stands (in progress, implemented, will not be), on a day, with the evidence; bad input
is refused at the field it was typed in, and every record is in the audit trail."""

import datetime as dt

from django.utils import timezone

from senate.core.models import AuditEvent
from senate.reviews import follow_up
from senate.reviews.tests.conftest import walk
from senate.reviews.tests.test_follow_up_and_deadlines import _issued_letter

BASE = "/south-west/requests"


def _responded(cast):
    request = _issued_letter(cast)
    rec = request.recommendations.get()
    follow_up.respond(rec, decision="accepted", narrative="We will", planned_date=None, by=cast["requester"])
    return walk(request, "record_response", cast=cast), rec


def _form(on: dt.date, status="implemented", evidence="New pathway live; board paper 12 May."):
    return {
        "status": status,
        "on[day]": str(on.day),
        "on[month]": str(on.month),
        "on[year]": str(on.year),
        "evidence": evidence,
    }


def test_the_requester_records_a_recommendation_implemented_and_everyone_sees_it(client, cast):
    request, rec = _responded(cast)
    today = timezone.localdate()
    client.force_login(cast["requester"])
    page = client.get(f"{BASE}/{request.pk}/recommendations/").content.decode()
    assert "Record implementation of recommendation 1" in page
    response = client.post(f"{BASE}/{request.pk}/recommendations/1/implementation/", _form(today))
    assert response.status_code == 302
    client.force_login(cast["chair"])
    page = client.get(f"{BASE}/{request.pk}/recommendations/").content.decode()
    assert "Implemented" in page and "New pathway live; board paper 12 May." in page
    event = AuditEvent.objects.get(action="recommendation.implementation")
    assert event.actor == cast["requester"] and "Implemented" in event.summary


def test_the_manager_records_implementation_after_the_request_is_closed(client, cast):
    request, rec = _responded(cast)
    walk(request, "start_follow_up", cast=cast)
    walk(request, "close", cast=cast, reason="Followed up")
    client.force_login(cast["manager"])
    response = client.post(
        f"{BASE}/{request.pk}/recommendations/1/implementation/",
        _form(timezone.localdate(), status="in_progress", evidence="Recruitment under way"),
    )
    assert response.status_code == 302
    assert rec.implementations.get().status == "in_progress"


def test_bad_input_is_refused_at_its_field(client, cast):
    request, rec = _responded(cast)
    client.force_login(cast["requester"])
    url = f"{BASE}/{request.pk}/recommendations/1/implementation/"
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = client.post(url, _form(tomorrow)).content.decode()
    assert "The date must be today or in the past" in page
    page = client.post(url, _form(timezone.localdate() - dt.timedelta(days=400))).content.decode()
    assert "The date must be on or after the advice was issued" in page
    page = client.post(url, {"status": "", "evidence": ""}).content.decode()
    for message in ["Select where implementation stands", "Enter the date", "Describe the evidence"]:
        assert message in page
    assert not rec.implementations.exists()
    assert not AuditEvent.objects.filter(action="recommendation.implementation").exists()


def test_implementation_waits_for_the_response_and_is_not_for_others(client, cast):
    request = _issued_letter(cast)
    client.force_login(cast["requester"])
    url = f"{BASE}/{request.pk}/recommendations/1/implementation/"
    page = client.post(url, _form(timezone.localdate())).content.decode()
    assert "once the requester has responded" in page
    assert not request.recommendations.get().implementations.exists()
    client.force_login(cast["council"])
    assert client.post(url, _form(timezone.localdate())).status_code in (403, 404)
    assert not request.recommendations.get().implementations.exists()


def test_everyone_but_the_requester_and_the_manager_is_refused_and_nothing_is_written(client, cast):
    request, _rec = _responded(cast)
    url = f"{BASE}/{request.pk}/recommendations/1/implementation/"
    for who in ["chair", "council", "assembly", "assurance", "admin", "no_role", "other_manager", "national"]:
        client.force_login(cast[who])
        assert client.get(url).status_code in (403, 404), who
        assert client.post(url, _form(timezone.localdate())).status_code in (403, 404), who
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page
    assert client.post(url, _form(timezone.localdate())).status_code == 302
    assert not request.recommendations.filter(implementations__isnull=False).exists()
