"""Who may open what: each tier against each role on the request, through the rule and through the
pages, and that nothing confidential is listed or downloadable for the wrong person."""

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.evidence import access
from senate.evidence.models import Source, Tier
from senate.evidence.tests.factories import attested, item, make_request, seat
from senate.interests.tests.factories import trust
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory

ALL = set(Tier.values)
SHAREABLE = {Tier.PUBLIC, Tier.OFFICIAL}
NONE: set[str] = set()

# (role, tiers they may open of a panel's item, tiers they may open of the requester's own item)
EXPECTED = [
    ("manager", ALL, ALL),
    ("chair", ALL, ALL),
    ("panel_attested", ALL, ALL),
    ("panel_not_attested", NONE, NONE),
    ("council", SHAREABLE, SHAREABLE),
    ("requester", SHAREABLE, ALL),
    ("other_requester", NONE, NONE),
    ("assembly_not_on_panel", NONE, NONE),
    ("assurance", NONE, NONE),
    ("admin", NONE, NONE),
    ("no_role", NONE, NONE),
    ("other_manager", NONE, NONE),
    ("invited_not_accepted", NONE, NONE),
]


@pytest.fixture
def world(cast, senate):
    request = make_request(stage="panel_recruited")
    people = dict(cast)
    people["assembly_not_on_panel"] = cast["assembly"]
    people["panel_attested"] = UserFactory(full_name="Amal Attested")
    people["panel_not_attested"] = UserFactory(full_name="Nia Notyet")
    people["invited_not_accepted"] = UserFactory(full_name="Ian Invited")
    for key in ("panel_attested", "panel_not_attested", "invited_not_accepted"):
        give_role(people[key], senate, Role.ASSEMBLY_MEMBER)
        MembershipFactory(profile__user=people[key], senate=senate, body=Body.ASSEMBLY)
    seat(people["panel_attested"], request)
    seat(people["panel_not_attested"], request)
    seat(people["invited_not_accepted"], request, status="invited")
    attested(people["panel_attested"], request)
    attested(people["invited_not_accepted"], request)
    people["other_requester"] = give_role(
        UserFactory(full_name="Olu Otherorg"), senate, Role.REQUESTER, organisation=trust()
    )
    items = {
        (source, tier): item(request, tier=tier, source=source, by=cast["manager"], title=f"{source} {tier} paper")
        for source in (Source.PANEL, Source.REQUESTER)
        for tier in Tier.values
    }
    return request, people, items


@pytest.mark.parametrize("role,panel_tiers,own_tiers", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_who_may_open_each_tier(world, role, panel_tiers, own_tiers):
    _request, people, items = world
    user = people[role]
    for tier in Tier.values:
        assert access.can_open(user, items[(Source.PANEL, tier)]) == (tier in panel_tiers), tier
        assert access.can_open(user, items[(Source.REQUESTER, tier)]) == (tier in own_tiers), tier


@pytest.mark.parametrize("role,panel_tiers,own_tiers", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_pages_list_and_serve_only_what_the_person_may_open(client, world, role, panel_tiers, own_tiers):
    request, people, items = world
    client.force_login(people[role])
    library = client.get(f"/south-west/evidence/requests/{request.pk}/")
    for (source, tier), one in items.items():
        allowed = tier in (panel_tiers if source == Source.PANEL else own_tiers)
        base = f"/south-west/evidence/requests/{request.pk}/items/{one.pk}/"
        download = client.get(base + "versions/1/download/")
        if allowed:
            assert download.status_code == 200
            assert download["Content-Disposition"].startswith("attachment")
            assert download["Content-Type"] == "application/pdf"
            assert one.title.encode() in library.content
        else:
            assert download.status_code in (403, 404)
            assert client.get(base).status_code in (403, 404)
            assert one.title.encode() not in library.content


def test_a_panel_member_who_has_not_attested_is_told_to_attest(client, world):
    request, people, items = world
    client.force_login(people["panel_not_attested"])
    response = client.get(f"/south-west/evidence/requests/{request.pk}/")
    assert response.status_code == 200
    assert b"Confirm your declarations first" in response.content
    assert b"Add evidence" not in response.content
    assert client.get(f"/south-west/evidence/requests/{request.pk}/add/").status_code == 403
    refused = client.get(
        f"/south-west/evidence/requests/{request.pk}/items/{items[(Source.PANEL, Tier.PUBLIC)].pk}/versions/1/download/"
    )
    assert refused.status_code == 403
    assert b"confirm your declarations of interest" in refused.content


def test_evidence_of_another_request_is_not_reachable_through_this_one(client, world, cast):
    request, people, items = world
    other = make_request(stage="panel_recruited")
    client.force_login(cast["manager"])
    one = items[(Source.PANEL, Tier.PUBLIC)]
    assert client.get(f"/south-west/evidence/requests/{other.pk}/items/{one.pk}/").status_code == 404


def test_files_are_not_served_from_a_public_media_url(client, world, cast):
    _request, _people, items = world
    version = items[(Source.PANEL, Tier.OFFICIAL_SENSITIVE)].latest_version()
    assert client.get(f"/media/{version.file.name}").status_code == 404
