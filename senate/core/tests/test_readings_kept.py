"""Readings kept until the next act (`senate.core.cache`): a person never sees a reading older than
the last thing anyone did."""

import datetime as dt

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from senate.core import audit
from senate.interests.tests.factories import declared
from senate.members.tests.factories import MembershipFactory


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/south-west/interests/register/").status_code == 200
    return len(captured)


def test_the_register_is_worked_out_once_until_someone_acts(client, cast, django_capture_on_commit_callbacks):
    declared(MembershipFactory().profile, nature="Governor of a hospice")
    with django_capture_on_commit_callbacks(execute=True):  # as a request in autocommit keeps it
        first = _queries(client)
    assert _queries(client) < first - 3, "the second visit should read the kept register"
    page = client.get("/south-west/interests/register/").content.decode()
    assert 'class="nhsuk-table__row"' in page and "&lt;tr" not in page, "the kept table is shown as a table"


def test_withholding_an_entry_takes_it_off_the_register_at_once(client, cast):
    declaration = declared(MembershipFactory().profile, nature="Director of a private diagnostic company")
    assert "Director of a private diagnostic company" in client.get("/south-west/interests/register/").content.decode()
    client.force_login(cast["manager"])
    url = f"/south-west/interests/manage/{declaration.pk}/withhold/"
    assert client.post(url, {"grounds": "privacy", "reason": "Family safety"}).status_code == 302
    client.logout()
    assert "Director of a private diagnostic company" not in (
        client.get("/south-west/interests/register/").content.decode()
    )


def test_a_member_who_leaves_drops_off_the_register_with_the_act_that_ends_their_membership(client, cast):
    """Memberships change in place (through the audited Django admin today), so the act's audit event
    is what makes the register new."""
    membership = MembershipFactory(profile__user__full_name="Dr Leaving Soon")
    declared(membership.profile, nature="Trustee of a hospice")
    assert "Dr Leaving Soon" in client.get("/south-west/interests/register/").content.decode()
    with transaction.atomic():
        membership.ended_on = timezone.localdate() - dt.timedelta(days=1)
        membership.save()
        audit.record("membership.ended", membership, by=cast["admin"], senate=membership.senate)
    assert "Dr Leaving Soon" not in client.get("/south-west/interests/register/").content.decode()


def test_a_reading_made_in_a_transaction_that_is_rolled_back_is_not_kept(cast):
    """Rows written and rolled back leave their ids to be taken again: a reading made from them must
    not be found under the next rows' ids."""
    from django.core.cache import cache

    from senate.core.cache import until_next_act

    try:
        with transaction.atomic():
            until_next_act("a-reading", lambda: "made from rows that never existed")
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert not [key for key in cache._cache if "a-reading" in key]  # type: ignore[attr-defined]
    assert until_next_act("a-reading", lambda: "made afresh") == "made afresh"
