import pytest

from conftest import ALL_ROLES
from senate.bundles.tests.unzipped import manifest, unzip
from senate.core.models import AuditEvent
from senate.reviews.tests.factories import RequestFactory


def _url(request):
    return f"/south-west/bundles/requests/{request.pk}/"


@pytest.mark.parametrize("who", ["manager", "chair"])
def test_the_button_downloads_the_bundle_for_the_senate_team(client, cast, who):
    request = RequestFactory(created_by=cast["requester"])
    client.force_login(cast[who])

    response = client.post(_url(request), {"mode": "disclosure"})

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert f'filename="{request.reference}-case-bundle-disclosure.zip"' in response["Content-Disposition"]
    files = unzip(b"".join(response.streaming_content))
    assert manifest(files)["mode"] == "disclosure" and f"{request.reference}-case-bundle.pdf" in files
    event = AuditEvent.objects.get(action="bundle.made")
    assert event.actor == cast[who] and event.data["mode"] == "disclosure"


@pytest.mark.parametrize("who", [r for r in ALL_ROLES if r not in ("manager", "chair")])
def test_every_other_role_is_refused_the_bundle(client, cast, who):
    request = RequestFactory(created_by=cast["requester"])
    client.force_login(cast[who])

    response = client.post(_url(request), {"mode": "full"})

    assert response.status_code in (403, 404)
    assert not AuditEvent.objects.filter(action="bundle.made").exists()


def test_the_request_page_links_to_the_bundle_for_the_team_only(client, cast):
    request = RequestFactory(created_by=cast["requester"])
    client.force_login(cast["manager"])
    assert _url(request).encode() in client.get(f"/south-west/requests/{request.pk}/").content
    client.force_login(cast["council"])
    assert _url(request).encode() not in client.get(f"/south-west/requests/{request.pk}/").content
