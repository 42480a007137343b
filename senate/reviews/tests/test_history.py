"""A request's History page: the audit trail of the request and the records that belong to it, in
time order, for the Senate team (manager, Chair, Vice Chair) only."""

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.core import audit
from senate.reviews import history, terms
from senate.reviews.tests.conftest import walk
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.django_db


def _url(request):
    return f"/south-west/requests/{request.pk}/history/"


@pytest.fixture
def reviewed(received, cast):
    """Accepted, with terms of reference saved, shared and commented on."""
    request = walk(received, "accept", cast=cast, reason="Within our remit")
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    terms.share(version, by=cast["manager"])
    comment = terms.add_comment(version, text="Please add the ambulance trust", by=cast["requester"])
    audit.record("terms.comment_read", comment, by=cast["chair"], senate=request.senate, summary="Comment read")
    return request


def test_history_has_the_requests_events_and_its_records_in_time_order(reviewed, cast):
    other = RequestFactory(created_by=cast["requester"])
    walk(other, "accept", cast=cast)
    actions = [e.action for e in history.events_about(reviewed)]
    assert actions == [
        "request.accept",
        "terms.version_saved",
        "terms.shared",
        "terms.commented",
        "terms.comment_read",  # on a comment, a record of the terms (two steps from the request)
    ]


def test_the_history_page_shows_who_when_what_and_before_and_after(client, cast, reviewed):
    client.force_login(cast["manager"])
    response = client.get(_url(reviewed))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sarah Manager" in page and "Jo Requester" in page and "Helen Chair" in page
    assert "Request: accept" in page and "Stage: Received → Accepted" in page and "Reason: Within our remit" in page
    assert page.index("Request: accept") < page.index("Terms of reference: shared")


def test_the_request_page_links_to_the_history_for_the_senate_team_only(client, cast, reviewed):
    client.force_login(cast["chair"])
    assert _url(reviewed) in client.get(f"/south-west/requests/{reviewed.pk}/").content.decode()
    client.force_login(cast["council"])
    assert _url(reviewed) not in client.get(f"/south-west/requests/{reviewed.pk}/").content.decode()


def test_a_vice_chair_sees_the_history(client, cast, senate, reviewed):
    client.force_login(give_role(UserFactory(), senate, Role.VICE_CHAIR))
    assert client.get(_url(reviewed)).status_code == 200


@pytest.mark.parametrize("who", ["requester", "council", "assembly", "assurance", "admin", "other_manager", "no_role"])
def test_everyone_else_is_refused_the_history(client, cast, reviewed, who):
    client.force_login(cast[who])
    response = client.get(_url(reviewed))
    assert response.status_code in (403, 404)
    assert b"Within our remit" not in response.content


def test_an_unsent_draft_has_no_history_page_even_for_the_senate_team(client, cast):
    draft = RequestFactory(created_by=cast["requester"], stage="draft", submitted_at=None, reference="")
    audit.record("request.draft_saved", draft, by=cast["requester"], senate=draft.senate, summary="Draft saved")
    for who in ("manager", "chair"):
        client.force_login(cast[who])
        assert client.get(_url(draft)).status_code == 403
