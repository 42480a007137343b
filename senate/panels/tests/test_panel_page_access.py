"""Issue 13, leak 1: any Assembly member opened any request's panel page, unsent drafts too, and read
its title, stage and accepted members. The Senate team opens the panel page of any submitted request
of their Senate; a member only of a panel they are invited to or sit on; nobody else."""

import pytest

from senate.members.models import MemberProfile
from senate.panels.tests.factories import ready_request, seat
from senate.reviews.tests.factories import RequestFactory

TITLE = "Reconfiguring maternity units in Cornwall"


def _url(request):
    return f"/south-west/panels/requests/{request.pk}/"


@pytest.fixture
def review(cast):
    request = ready_request(title=TITLE)
    seat(request, MemberProfile.objects.get(user=cast["council"]))  # accepted
    return request


@pytest.mark.parametrize("who", ["assembly", "requester", "assurance", "admin", "no_role", "other_manager"])
def test_people_not_on_the_panel_cannot_open_it(client, cast, review, who):
    client.force_login(cast[who])
    response = client.get(_url(review))
    assert response.status_code in (403, 404)
    assert TITLE.encode() not in response.content and b"Priya Council" not in response.content


def test_the_senate_team_and_the_panel_open_it(client, cast, review):
    for who in ("manager", "chair", "council"):
        client.force_login(cast[who])
        assert TITLE in client.get(_url(review)).content.decode(), who


@pytest.mark.parametrize(
    "status,opens", [("invited", True), ("accepted", True), ("declined", False), ("withdrawn", False)]
)
def test_an_assembly_member_opens_only_a_panel_they_are_invited_to_or_sit_on(client, cast, review, status, opens):
    seat(review, MemberProfile.objects.get(user=cast["assembly"]), status=status)
    client.force_login(cast["assembly"])
    assert (client.get(_url(review)).status_code == 200) is opens


def test_nobody_opens_the_panel_page_of_an_unsent_draft(client, cast):
    draft = RequestFactory(stage="draft", reference="", submitted_at=None, title=TITLE, created_by=cast["requester"])
    seat(draft, MemberProfile.objects.get(user=cast["assembly"]), status="invited")
    for who in ("manager", "chair", "assembly", "council", "admin", "requester"):
        client.force_login(cast[who])
        response = client.get(_url(draft))
        assert response.status_code in (403, 404), who
        assert TITLE.encode() not in response.content
    client.force_login(cast["manager"])
    assert client.get(_url(draft) + "specification/").status_code == 403
    assert client.get(_url(draft) + "candidates/").status_code == 403
    assert client.post(_url(draft) + "run/").status_code == 403
