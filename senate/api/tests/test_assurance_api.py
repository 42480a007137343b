"""The assurance timeline over the API has the same visibility as its page: every role the page lets
in reads it, every role it refuses is refused."""

import datetime as dt

import pytest

from senate.accounts.models import ApiToken
from senate.assurance import recording
from senate.assurance.tests.access import READERS
from senate.reviews.tests.factories import RequestFactory


def _bearer(user):
    _token, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def stepped(cast):
    request = RequestFactory(created_by=cast["requester"])
    recording.record_step(request=request, step="checkpoint", on=dt.date(2027, 5, 12), by=cast["manager"])
    return request


def test_the_timeline_is_given_to_whoever_may_see_the_page(client, cast, stepped):
    url = f"/api/v1/senates/south-west/requests/{stepped.pk}/assurance"
    for who in (
        "manager",
        "chair",
        "council",
        "assurance",
        "requester",
        "assembly",
        "no_role",
        "admin",
        "other_manager",
    ):
        response = client.get(url, **_bearer(cast[who]))
        page = client_page_status(client, cast[who], stepped)
        assert (response.status_code == 200) == (who in READERS) == (page == 200), who
        if who in READERS:
            row = response.json()["timeline"][0]
            assert row == {
                "on": "2027-05-12",
                "side": "assurance",
                "what": "NHS England stage 2: assurance checkpoint",
                "detail": "",
            }


def client_page_status(client, user, request):
    client.force_login(user)
    status = client.get(f"/south-west/assurance/requests/{request.pk}/").status_code
    client.logout()
    return status
