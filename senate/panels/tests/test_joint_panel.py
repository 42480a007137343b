"""A joint review's panel draws from both Assemblies under one specification and one conflict screening
(issue 15): a partner Senate's members are candidates without a loan, marked with their Senate."""

import pytest
from django.utils import timezone

from senate.interests import queries as interests_queries
from senate.members.models import Profession
from senate.organisations.models import Senate
from senate.panels import runs
from senate.panels.candidates import candidates_for
from senate.panels.tests.factories import member, ready_request, spec
from senate.reviews import joint


@pytest.fixture
def joint_request(cast):
    partner_manager = _partner_manager()
    for n in "AB":
        member(f"Local {n}", expertise=["emergency-medicine"])
    member("Pat Voice", profession=Profession.PPV)
    request = ready_request(contentious=True)
    spec(request, by=cast["manager"], rules=[("ppv", 1)], min_out_of_region=1)
    return request, partner_manager


def _partner_manager():
    from senate.accounts.models import Role
    from senate.accounts.tests.factories import UserFactory, give_role

    return give_role(UserFactory(full_name="Ravi Partner"), Senate.objects.get(slug="south-east"), Role.MANAGER)


def _join(request, cast, partner_manager):
    invitation = joint.invite(request, Senate.objects.get(slug="south-east"), by=cast["manager"])
    return joint.answer(invitation, accept=True, by=partner_manager)


def _by_name(request):
    return {str(c.profile): c for c in candidates_for(request, on=timezone.localdate())}


def test_partner_assembly_members_join_the_pool_only_once_the_partner_accepts(cast, joint_request):
    request, partner_manager = joint_request
    sam = member("Sam Southeast", senate="south-east", expertise=["emergency-medicine"])
    assert str(sam) not in _by_name(request)
    invitation = joint.invite(request, Senate.objects.get(slug="south-east"), by=cast["manager"])
    assert str(sam) not in _by_name(request)  # invited is not yet taking part
    joint.answer(invitation, accept=True, by=partner_manager)
    found = _by_name(request)[str(sam)]
    assert found.partner and not found.lent and found.home_senate.slug == "south-east"


def test_the_optimiser_seats_a_partner_member_without_a_loan(cast, joint_request):
    request, partner_manager = joint_request
    sam = member("Sam Southeast", senate="south-east", expertise=["emergency-medicine"])
    _join(request, cast, partner_manager)
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    seats = {s["profile"]: s for s in run.for_request(request.pk)["panel"]}
    assert sam.pk in seats and seats[sam.pk]["partner"] and not seats[sam.pk]["lent"]
    assert run.for_request(request.pk)["unmet"] == []  # the partner member meets the out-of-region rule


def test_one_conflict_screening_covers_the_partner_members(cast, joint_request):
    request, partner_manager = joint_request
    sam = member("Sam Southeast", senate="south-east", expertise=["emergency-medicine"])
    sam.employer = request.requesting_organisation
    sam.save()
    _join(request, cast, partner_manager)
    found = _by_name(request)[str(sam)]
    assert found.screening.states, "employed by the requesting organisation: flagged"
    screened = interests_queries.candidates(
        request.senate, timezone.localdate(), partners=interests_queries.partner_senates_of(request)
    )
    assert sam in list(screened)
    cands_page = cast_client_get(cast, f"/south-west/interests/requests/{request.pk}/screening/")
    assert "Sam Southeast" in cands_page


def cast_client_get(cast, path):
    from django.test import Client

    client = Client()
    client.force_login(cast["manager"])
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()
