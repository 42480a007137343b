"""A joint review through the API (issue 15): the partner Senate lists and reads it from its own address
and finds it by search; a third Senate's manager, Council and Assembly get nothing of it."""

import pytest

from senate.accounts.models import ApiToken, Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.organisations.models import Senate
from senate.reviews import joint
from senate.reviews.tests.factories import RequestFactory

TITLE = "Hyperacute stroke across the Tamar"


def _get(client, user, path):
    _token, key = ApiToken.issue(user, "test")
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {key}")


@pytest.fixture
def joint_review(cast, other_senate, django_capture_on_commit_callbacks):
    south_east = Senate.objects.get(slug="south-east")
    people = {
        "partner_manager": give_role(UserFactory(), south_east, Role.MANAGER),
        "partner_council": give_role(UserFactory(), south_east, Role.COUNCIL_MEMBER),
        "third_manager": cast["other_manager"],
        "third_council": give_role(UserFactory(), other_senate, Role.COUNCIL_MEMBER),
        "third_assembly": give_role(UserFactory(), other_senate, Role.ASSEMBLY_MEMBER),
    }
    with django_capture_on_commit_callbacks(execute=True):
        request = RequestFactory(created_by=cast["requester"], stage="panel_recruiting", title=TITLE)
        invitation = joint.invite(request, south_east, by=cast["manager"])
        joint.answer(invitation, accept=True, by=people["partner_manager"])
    return request, people


def test_the_partner_lists_reads_and_finds_the_joint_review(client, joint_review):
    request, people = joint_review
    council = people["partner_council"]
    listed = _get(client, council, "/api/v1/senates/south-east/requests").json()["items"]
    assert [r["title"] for r in listed] == [TITLE]
    assert _get(client, council, f"/api/v1/senates/south-east/requests/{request.pk}").status_code == 200
    found = _get(client, council, "/api/v1/search?q=Tamar").json()["results"]
    assert {r["senate"] for r in found} == {"south-west"} and found


def test_a_third_senate_gets_nothing_of_the_joint_review(client, joint_review):
    request, people = joint_review
    for name in ("third_manager", "third_council", "third_assembly"):
        person = people[name]
        listed = _get(client, person, "/api/v1/senates/london/requests")
        assert TITLE not in listed.content.decode(), name
        for slug in ("london", "south-west", "south-east"):
            response = _get(client, person, f"/api/v1/senates/{slug}/requests/{request.pk}")
            assert response.status_code in (403, 404) and TITLE not in response.content.decode(), (name, slug)
        assert _get(client, person, "/api/v1/search?q=Tamar").json()["results"] == [], name
