import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.assurance.models import Party
from senate.organisations.models import Organisation
from senate.reviews.tests.factories import RequestFactory


@pytest.fixture
def formal(cast):
    return RequestFactory(created_by=cast["requester"])


@pytest.fixture
def trust(reference_data):
    return Organisation.objects.create(
        name="Torbay and South Devon NHS FT", type="trust", code="RA9X", icb=Organisation.objects.get(code="QJK")
    )


@pytest.fixture
def brokered(cast, trust):
    """An honest-broker request with two parties: Devon ICB (the cast's requester acts for it) and a trust."""
    r = RequestFactory(kind="honest_broker", created_by=cast["requester"])
    icb_party = Party.objects.create(request=r, organisation=r.requesting_organisation, name="ICB clinical leads")
    trust_party = Party.objects.create(request=r, organisation=trust, name="Trust emergency consultants")
    return r, icb_party, trust_party


@pytest.fixture
def trust_contact(senate, trust):
    return give_role(UserFactory(full_name="Tess Trust"), senate, Role.REQUESTER, organisation=trust)
