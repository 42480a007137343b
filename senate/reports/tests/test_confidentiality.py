"""Draft reports never reach the public, other requesters or roles not entitled to them."""

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.organisations.models import Organisation
from senate.reports.tests.factories import draft, request_at
from senate.reviews import lifecycle


@pytest.fixture
def drafted(cast):
    request = request_at("panel_meeting", by=cast["requester"])
    draft(request, by=cast["manager"], summary="CONFIDENTIAL SUMMARY TEXT")
    return request


def _urls(request):
    base = f"/south-west/reports/requests/{request.pk}/report/"
    return [base, base + "v1/", base + "v1.pdf", base + "v1.docx"]


def test_the_public_is_sent_to_sign_in(client, drafted):
    for url in _urls(drafted):
        response = client.get(url)
        assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


def test_another_organisations_requester_never_sees_the_draft(client, cast, drafted):
    other = give_role(
        UserFactory(),
        drafted.senate,
        Role.REQUESTER,
        organisation=Organisation.objects.exclude(pk=drafted.requesting_organisation_id).filter(type="icb").first(),
    )
    drafted.stage = "draft_report"
    drafted.save()
    lifecycle.perform("send_for_factual_accuracy", drafted, by=cast["manager"])
    client.force_login(other)
    for url in _urls(drafted) + [f"/south-west/reports/requests/{drafted.pk}/accuracy/"]:
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert b"CONFIDENTIAL SUMMARY TEXT" not in response.content


def test_the_requester_sees_the_draft_only_once_it_is_sent_to_them(client, cast, drafted):
    client.force_login(cast["requester"])
    assert client.get(_urls(drafted)[1]).status_code == 403
    drafted.stage = "draft_report"
    drafted.save()
    lifecycle.perform("send_for_factual_accuracy", drafted, by=cast["manager"])
    assert b"CONFIDENTIAL SUMMARY TEXT" in client.get(_urls(drafted)[1]).content


def test_the_assurance_viewer_reads_only_issued_advice(client, cast, drafted):
    client.force_login(cast["assurance"])
    assert client.get(_urls(drafted)[1]).status_code == 403
    drafted.stage = "issued"
    drafted.save()
    assert client.get(_urls(drafted)[1]).status_code == 200


def test_the_request_page_links_to_the_report_only_for_those_who_may_read_it(client, cast, drafted):
    client.force_login(cast["manager"])
    assert (
        f"/reports/requests/{drafted.pk}/report/" in client.get(f"/south-west/requests/{drafted.pk}/").content.decode()
    )
    client.force_login(cast["council"])
    assert (
        f"/reports/requests/{drafted.pk}/report/"
        not in client.get(f"/south-west/requests/{drafted.pk}/").content.decode()
    )
