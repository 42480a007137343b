"""The case bundle page's choices, and what the command refuses before writing anything."""

import pytest
from django.core.management import CommandError, call_command

from senate.bundles.tests.unzipped import manifest, unzip
from senate.core.models import AuditEvent
from senate.reviews.tests.factories import RequestFactory


def _url(request):
    return f"/south-west/bundles/requests/{request.pk}/"


def test_the_page_offers_a_full_bundle_and_one_for_disclosure(client, cast):
    request = RequestFactory(created_by=cast["requester"])
    client.force_login(cast["manager"])
    page = client.get(_url(request)).content.decode()
    assert 'value="full"' in page and 'value="disclosure"' in page
    assert f"Case bundle: {request.reference}" in page


def test_an_unknown_kind_of_bundle_makes_nothing(client, cast):
    request = RequestFactory(created_by=cast["requester"])
    client.force_login(cast["manager"])
    response = client.post(_url(request), {"mode": "everything"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert not AuditEvent.objects.filter(action="bundle.made").exists()


def test_a_downloaded_bundle_is_not_kept_by_the_browser_cache(client, cast):
    request = RequestFactory(created_by=cast["requester"])
    client.force_login(cast["chair"])
    response = client.post(_url(request), {"mode": "full"})
    assert response["Cache-Control"] == "private, no-store"
    assert manifest(unzip(b"".join(response.streaming_content)))["made_by"] == "Helen Chair"


def test_another_senates_manager_cannot_make_the_bundle(client, cast):
    request = RequestFactory(created_by=cast["requester"])
    client.force_login(cast["other_manager"])
    assert client.post(_url(request), {"mode": "full"}).status_code in (403, 404)


def test_the_command_refuses_a_folder_that_does_not_exist(cast, tmp_path):
    request = RequestFactory(created_by=cast["requester"])
    with pytest.raises(CommandError, match="There is no folder"):
        call_command("bundle", request.reference, "--output", str(tmp_path / "missing" / "b.zip"))
    assert not AuditEvent.objects.filter(action="bundle.made").exists()


def test_the_command_refuses_an_account_that_is_closed(cast, tmp_path):
    request = RequestFactory(created_by=cast["requester"])
    cast["manager"].is_active = False
    cast["manager"].save()
    with pytest.raises(CommandError, match="may not make"):
        call_command("bundle", request.reference, "--output", str(tmp_path), "--by", cast["manager"].email)
