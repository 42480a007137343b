"""Honest-broker work: every party sees only what is shared with all parties, and a consensus
statement is confirmed by every party."""

import pytest

from senate.assurance import brokering
from senate.assurance.recording import Refused

BASE = "/south-west/assurance/requests"


def test_a_party_sees_another_partys_submission_only_once_it_is_shared(client, cast, brokered, trust_contact):
    request, icb_party, trust_party = brokered
    private = brokering.submit_position(
        party=trust_party, title="Keep the unit open", summary="Our case.", by=trust_contact
    )
    client.force_login(cast["requester"])
    assert "Keep the unit open" not in client.get(f"{BASE}/{request.pk}/honest-broker/").content.decode()
    brokering.share(submission=private, by=cast["manager"])
    assert "Keep the unit open" in client.get(f"{BASE}/{request.pk}/honest-broker/").content.decode()


def test_a_party_sees_its_own_submission_and_the_senate_team_sees_every_one(client, cast, brokered, trust_contact):
    request, icb_party, trust_party = brokered
    brokering.submit_position(party=trust_party, title="Trust view", summary="...", by=trust_contact)
    brokering.submit_position(party=icb_party, title="ICB view", summary="...", by=cast["requester"])
    client.force_login(trust_contact)
    page = client.get(f"{BASE}/{request.pk}/honest-broker/").content.decode()
    assert "Trust view" in page and "ICB view" not in page
    client.force_login(cast["manager"])
    page = client.get(f"{BASE}/{request.pk}/honest-broker/").content.decode()
    assert "Trust view" in page and "ICB view" in page


def test_a_party_contact_may_not_share_a_submission(client, cast, brokered, trust_contact):
    request, _, trust_party = brokered
    mine = brokering.submit_position(party=trust_party, title="Trust view", summary="...", by=trust_contact)
    client.force_login(trust_contact)
    assert client.post(f"{BASE}/{request.pk}/honest-broker/share/{mine.pk}/").status_code == 403
    mine.refresh_from_db()
    assert mine.shared_at is None


def test_the_statement_is_confirmed_when_every_party_has_confirmed_it(client, cast, brokered, trust_contact):
    request, icb_party, trust_party = brokered
    brokering.write_statement(request=request, text="Both sites keep a consultant rota.", by=cast["manager"])
    client.force_login(cast["requester"])
    client.post(f"{BASE}/{request.pk}/honest-broker/confirm/")
    assert not brokering.confirmed_by_all(request)
    client.force_login(trust_contact)
    page = client.post(f"{BASE}/{request.pk}/honest-broker/confirm/", follow=True).content.decode()
    assert brokering.confirmed_by_all(request) and "Confirmed by every party" in page


def test_changing_the_statement_asks_every_party_to_confirm_again(cast, brokered, trust_contact):
    request, icb_party, _ = brokered
    brokering.write_statement(request=request, text="First text.", by=cast["manager"])
    brokering.confirm(party=icb_party, by=cast["requester"])
    brokering.write_statement(request=request, text="Second text.", by=cast["manager"])
    assert request.consensus.confirmations.count() == 0
    brokering.confirm(party=icb_party, by=cast["requester"])
    with pytest.raises(Refused, match="already confirmed"):
        brokering.confirm(party=icb_party, by=cast["requester"])


def test_someone_who_is_not_a_party_cannot_open_the_work(client, cast, formal, brokered, senate):
    from senate.accounts.models import Role
    from senate.accounts.tests.factories import UserFactory, give_role
    from senate.organisations.models import Organisation

    other = Organisation.objects.create(name="Plymouth Hospitals", type="trust", code="RK9X")
    outsider = give_role(UserFactory(), senate, Role.REQUESTER, organisation=other)
    client.force_login(outsider)
    request, _, _ = brokered
    assert client.get(f"{BASE}/{request.pk}/honest-broker/").status_code in (403, 404)
