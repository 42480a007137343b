from django.test import override_settings

from senate.core.models import AuditEvent


def test_unknown_senate_shows_the_nhs_not_found_page(client, reference_data):
    response = client.get("/atlantis/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"nhsuk-header" in response.content


def test_refused_page_says_why_in_the_nhs_design(client, cast):
    client.force_login(cast["assembly"])
    response = client.get("/south-west/members/")
    assert response.status_code == 403
    assert b"You cannot open this page" in response.content
    assert b"you need permission to see the member directory" in response.content


@override_settings(DEBUG=False)
def test_server_error_page_is_in_the_nhs_design(rf, reference_data):
    from senate.core.views import server_error

    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    request.senate = None
    response = server_error(request)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def test_audit_events_cannot_be_changed(cast, senate):
    from senate.core import audit

    event = audit.record("test.done", senate, by=cast["manager"], summary="Something happened")
    event.summary = "Something else"
    try:
        event.save()
        raised = False
    except ValueError:
        raised = True
    assert raised
    assert AuditEvent.objects.get(pk=event.pk).summary == "Something happened"
