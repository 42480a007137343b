"""A panel can be recruited when not every member uses Senate: the Senate team records an answer given
by email or phone for the member, marked as such with who recorded it (issue 14, item 8)."""

from senate.core.models import AuditEvent
from senate.members.models import MemberProfile
from senate.panels.models import PanelMember
from senate.panels.tests.factories import member, ready_request, seat


def _url(request, invited):
    return f"/south-west/panels/requests/{request.pk}/answer/{invited.pk}/"


def test_the_manager_records_an_acceptance_given_by_email(client, cast):
    request = ready_request()
    invited = seat(request, member("Dr Email Only"), status="invited")
    client.force_login(cast["manager"])
    panel = client.get(f"/south-west/panels/requests/{request.pk}/").content.decode()
    assert _url(request, invited) in panel and "Record their answer" in panel
    assert client.post(_url(request, invited), {"answer": "accept", "how": "email"}).status_code == 302
    invited.refresh_from_db()
    assert invited.status == PanelMember.Status.ACCEPTED
    assert (invited.answered_how, invited.answer_recorded_by) == ("email", cast["manager"])
    panel = client.get(f"/south-west/panels/requests/{request.pk}/").content.decode()
    assert f"answered by email, recorded by {cast['manager']}" in panel
    event = AuditEvent.objects.filter(action="panels.accepted").latest("id")
    assert event.actor == cast["manager"] and "by email, recorded by" in event.summary


def test_a_decline_by_phone_needs_the_reason_and_how_it_was_given(client, cast):
    request = ready_request()
    invited = seat(request, member("Dr Phone"), status="invited")
    client.force_login(cast["manager"])
    page = client.post(_url(request, invited), {"answer": "decline"}).content.decode()
    assert "Select how they gave their answer" in page and "Enter why they cannot join this panel" in page
    invited.refresh_from_db()
    assert invited.status == PanelMember.Status.INVITED
    client.post(_url(request, invited), {"answer": "decline", "how": "phone", "reason": "On leave in March"})
    invited.refresh_from_db()
    assert (invited.status, invited.decline_reason, invited.answered_how) == ("declined", "On leave in March", "phone")


def test_an_answer_already_given_is_not_overwritten(client, cast):
    request = ready_request()
    answered = seat(request, MemberProfile.objects.get(user=cast["council"]), status="accepted")
    client.force_login(cast["manager"])
    page = client.post(_url(request, answered), {"answer": "decline", "how": "phone", "reason": "x"})
    assert "has already answered this invitation" in page.content.decode()
    answered.refresh_from_db()
    assert answered.status == PanelMember.Status.ACCEPTED and answered.answered_how == ""


def test_nobody_outside_the_senate_team_records_an_answer(client, cast):
    request = ready_request()
    invited = seat(request, MemberProfile.objects.get(user=cast["council"]), status="invited")
    for who in ("council", "assembly", "requester", "assurance", "admin", "other_manager"):
        client.force_login(cast[who])
        response = client.post(_url(request, invited), {"answer": "accept", "how": "email"})
        assert response.status_code in (403, 404), who
    invited.refresh_from_db()
    assert invited.status == PanelMember.Status.INVITED
