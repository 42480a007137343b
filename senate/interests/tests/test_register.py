"""The published register shows what may be published, with names, says how many entries were
withheld, and names members who have not declared. Confidential entries are made first, then shown
not to leak."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.core.models import AuditEvent
from senate.interests.models import Kind, PublicationDecision
from senate.interests.publication import withhold_declaration
from senate.interests.tests.conftest import ago
from senate.interests.tests.factories import declared
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory


def _confidential(council_profile, assembly_profile, manager):
    unpublishable = declared(council_profile, nature="Sister works for a rival bidder", may_publish=False)
    withheld = declared(assembly_profile, nature="Shelter volunteer at a secret address")
    withhold_declaration(withheld, grounds="safety", reason="Address must stay private", by=manager)
    return unpublishable, withheld


def test_the_public_register_hides_withheld_and_unpublishable_entries(client, cast, council_profile, assembly_profile):
    _confidential(council_profile, assembly_profile, cast["manager"])
    declared(council_profile, nature="Paid adviser to Acme Medical")
    page = client.get("/south-west/interests/register/").content.decode()
    assert "Paid adviser to Acme Medical" in page and "Priya Council" in page
    assert "rival bidder" not in page and "secret address" not in page and "Address must stay private" not in page
    assert "2 entries were withheld" in page


def test_roles_without_permission_cannot_see_confidential_entries(client, cast, council_profile, assembly_profile):
    _confidential(council_profile, assembly_profile, cast["manager"])
    for who in ("council", "assembly", "requester", "assurance", "other_manager"):
        client.force_login(cast[who])
        assert client.get("/south-west/interests/manage/").status_code == 403
        assert "rival bidder" not in client.get("/south-west/interests/register/").content.decode()
    client.force_login(cast["manager"])
    admin_page = client.get("/south-west/interests/manage/").content.decode()
    assert "rival bidder" in admin_page and "Withheld: Safety" in admin_page


def test_members_who_have_not_declared_are_named(client, cast, council_profile):
    declared(council_profile)
    MembershipFactory(profile__user__full_name="Newly Appointed", term_start=ago(0))  # not yet late
    page = client.get("/south-west/interests/register/").content.decode()
    assert "Tom Assembly: Has not made a declaration" in page
    assert "Priya Council: Has not" not in page and "Newly Appointed" not in page


def test_a_nil_return_shows_until_the_member_declares_an_interest(client, cast, council_profile):
    declared(council_profile, kind=Kind.NIL)
    assert "No interests to declare" in client.get("/south-west/interests/register/").content.decode()
    declared(council_profile, nature="Trustee of a stroke charity", may_publish=False)
    assert "No interests to declare" not in client.get("/south-west/interests/register/").content.decode()


def test_members_of_other_senates_are_not_on_this_register(client, cast, other_senate):
    london = MembershipFactory(senate=other_senate, body=Body.COUNCIL, profile__user__full_name="Lon Don")
    declared(london.profile, nature="London interest")
    page = client.get("/south-west/interests/register/").content.decode()
    assert "London interest" not in page and "Lon Don" not in page


def test_withholding_needs_a_reason_and_is_recorded(client, cast, council_profile):
    declaration = declared(council_profile)
    client.force_login(cast["manager"])
    url = f"/south-west/interests/manage/{declaration.pk}/withhold/"
    refused = client.post(url, {"grounds": "", "reason": ""}).content.decode()
    assert (
        "Enter the reason for withholding this entry" in refused and "Select whether the entry is withheld" in refused
    )
    assert not PublicationDecision.objects.exists()
    assert client.post(url, {"grounds": "privacy", "reason": "Family safety"}).status_code == 302
    declaration.refresh_from_db()
    assert declaration.withheld and declaration.withheld_grounds == "privacy"
    assert AuditEvent.objects.filter(action="interests.withheld", actor=cast["manager"]).exists()


def test_a_withheld_entry_can_be_published_again(client, cast, council_profile):
    declaration = declared(council_profile, nature="Back on the register")
    withhold_declaration(declaration, grounds="privacy", reason="Temporary", by=cast["manager"])
    client.force_login(cast["council"])
    assert client.post(f"/south-west/interests/manage/{declaration.pk}/publish/").status_code == 403
    client.force_login(cast["manager"])
    client.post(f"/south-west/interests/manage/{declaration.pk}/publish/")
    assert "Back on the register" in client.get("/south-west/interests/register/").content.decode()
    assert list(PublicationDecision.objects.order_by("at").values_list("withheld", flat=True)) == [True, False]


def test_another_senates_manager_cannot_withhold_this_senates_entries(client, cast, council_profile):
    declaration = declared(council_profile)
    client.force_login(cast["other_manager"])
    assert client.get(f"/london/interests/manage/{declaration.pk}/withhold/").status_code == 404
    assert client.get(f"/south-west/interests/manage/{declaration.pk}/withhold/").status_code == 403


def _queries(client):
    cache.clear()  # the register worked out afresh, not the copy kept since the last act
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/south-west/interests/register/").status_code == 200
    return len(captured)


def test_the_public_register_does_not_query_more_as_entries_grow(client, cast, council_profile):
    declared(council_profile)
    _queries(client)  # the first visit makes the Senate's conflict policy with its defaults
    one = _queries(client)
    for _ in range(3):
        declared(MembershipFactory().profile)
    assert _queries(client) == one, "the register page's queries grew with its entries"


def test_the_kept_page_of_all_entries_shows_a_withholding_and_a_new_entry_at_once(client, cast, council_profile, look):
    """The Senate team's page of every entry is kept until the next act: withholding is one, and a new
    declaration is a new row, so each shows on the very next look."""
    entry = declared(council_profile, nature="Trustee of a local hospice")
    client.force_login(cast["manager"])
    url = "/south-west/interests/manage/"
    first, page = look(client, url)
    again, page = look(client, url)
    assert again < first and "Trustee of a local hospice" in page and "Withheld: " not in page
    withhold_declaration(entry, grounds="safety", reason="Must stay private", by=cast["manager"])
    assert "Withheld: " in look(client, url)[1]
    declared(council_profile, nature="Governor of a school")
    assert "Governor of a school" in look(client, url)[1]
