"""A joint review's evidence library (issue 15): an accepted partner Senate's Council and the members of
its Assembly seated on the panel see the request's evidence as the lead Senate's Council and panel do,
tiers and conflict restrictions still applying; nobody else of the partner Senate sees it (search
agrees: senate/search/tests/test_joint_evidence.py)."""

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.evidence import access
from senate.evidence.models import Source, Tier
from senate.evidence.tests.factories import attested, item, make_request, seat
from senate.interests.decisions import decide_conflicts
from senate.members.models import Body, MemberProfile
from senate.members.tests.factories import MembershipFactory
from senate.organisations.models import Senate
from senate.reviews import joint


def _partner(name, role):
    return give_role(UserFactory(full_name=name), Senate.objects.get(slug="south-east"), role)


def _assembly_member(name, request=None):
    user = _partner(name, Role.ASSEMBLY_MEMBER)
    MembershipFactory(profile__user=user, senate=Senate.objects.get(slug="south-east"), body=Body.ASSEMBLY)
    if request is not None:
        seat(user, request)
        attested(user, request)
    return user


@pytest.fixture
def joint_review(cast):
    """South West leads; South East has accepted. Sam (South East's Assembly) sits on the panel and has
    attested; Cora sits on South East's Council; Una of South East's Assembly and its manager are not on
    the panel; Rita of South East's Assembly, employed by the requester, sits on it, restricted from one
    named paper."""
    request = make_request(stage="panel_recruited")
    people = {"manager": _partner("Ravi Partner", Role.MANAGER)}
    joint.answer(
        joint.invite(request, Senate.objects.get(slug="south-east"), by=cast["manager"]),
        accept=True,
        by=people["manager"],
    )
    people["panel"] = _assembly_member("Sam Southeast", request)
    people["council"] = _partner("Cora Council", Role.COUNCIL_MEMBER)
    people["not_involved"] = _assembly_member("Una Uninvolved")
    people["restricted"] = _assembly_member("Rita Restricted", request)
    by = cast["manager"]
    items = {tier: item(request, tier=tier, source=Source.PANEL, by=by, title=f"Paper {tier}") for tier in Tier.values}
    items["named"] = item(request, tier=Tier.OFFICIAL, source=Source.PANEL, by=by, title="Supplier contract")
    profile = MemberProfile.objects.get(user=people["restricted"])
    profile.employer = request.requesting_organisation
    profile.save()
    decide_conflicts(
        profile,
        request,
        keys=[f"employed:{request.requesting_organisation_id}"],
        outcome="restrict",
        no_items=[items["named"]],
        note="Advises the supplier",
        rationale="A personal interest in the contract",
        by=by,
    )
    return request, people, items


def _library(client, user, request):
    client.force_login(user)
    return client.get(f"/south-west/evidence/requests/{request.pk}/")


def _item(client, request, one):
    return client.get(f"/south-west/evidence/requests/{request.pk}/items/{one.pk}/")


def test_a_partner_panel_member_sees_the_evidence_list_and_opens_an_item(client, joint_review):
    request, people, items = joint_review
    library = _library(client, people["panel"], request)
    assert library.status_code == 200
    for one in items.values():
        assert one.title.encode() in library.content
    sensitive = items[Tier.OFFICIAL_SENSITIVE]
    assert _item(client, request, sensitive).status_code == 200
    download = client.get(f"/south-west/evidence/requests/{request.pk}/items/{sensitive.pk}/versions/1/download/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


def test_the_partner_council_sees_what_the_lead_council_sees(client, cast, joint_review):
    request, people, items = joint_review
    for user in (people["council"], cast["council"]):
        assert {t for t in Tier.values if access.can_open(user, items[t])} == {Tier.PUBLIC, Tier.OFFICIAL}
    library = _library(client, people["council"], request)
    assert library.status_code == 200
    assert items[Tier.OFFICIAL].title.encode() in library.content
    assert items[Tier.OFFICIAL_SENSITIVE].title.encode() not in library.content
    assert _item(client, request, items[Tier.OFFICIAL]).status_code == 200
    assert _item(client, request, items[Tier.OFFICIAL_SENSITIVE]).status_code in (403, 404)


def test_nobody_else_of_the_partner_senate_sees_the_evidence(client, joint_review):
    request, people, items = joint_review
    for name in ("not_involved", "manager"):
        assert _library(client, people[name], request).status_code in (403, 404), name
        assert _item(client, request, items[Tier.PUBLIC]).status_code in (403, 404), name
        assert not any(access.can_open(people[name], one) for one in items.values()), name


def test_a_partner_council_of_a_declined_joint_review_sees_nothing(client, cast):
    request = make_request(stage="panel_recruited")
    manager = _partner("Ravi Partner", Role.MANAGER)
    joint.answer(
        joint.invite(request, Senate.objects.get(slug="south-east"), by=cast["manager"]),
        accept=False,
        by=manager,
        reason="No capacity this quarter",
    )
    council = _partner("Cora Council", Role.COUNCIL_MEMBER)
    one = item(request, tier=Tier.PUBLIC, source=Source.PANEL, by=cast["manager"])
    assert not access.can_open(council, one)
    assert _library(client, council, request).status_code in (403, 404)


def test_a_restricted_partner_panel_member_is_still_refused_the_item(client, joint_review):
    request, people, items = joint_review
    assert not access.can_open(people["restricted"], items["named"])
    assert access.can_open(people["restricted"], items[Tier.OFFICIAL_SENSITIVE])
    library = _library(client, people["restricted"], request)
    assert items[Tier.OFFICIAL].title.encode() in library.content
    assert _item(client, request, items["named"]).status_code == 403
