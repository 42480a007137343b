"""The front door and a Senate's list of organisations: where a member lands, what the public sees."""

import pytest

from senate.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db


def test_the_public_front_door_lists_todays_senates(client, reference_data):
    page = client.get("/").content.decode()
    assert "South West Clinical Senate" in page
    assert "Wessex Clinical Senate" not in page


def test_a_member_of_one_senate_goes_straight_to_it(client, cast):
    client.force_login(cast["manager"])
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/south-west/"


def test_a_member_who_asks_for_every_senate_sees_the_list(client, cast):
    client.force_login(cast["manager"])
    response = client.get("/?all")
    assert response.status_code == 200 and "London Clinical Senate" in response.content.decode()


def test_someone_with_no_role_sees_the_list_rather_than_a_senate(client, cast):
    client.force_login(cast["no_role"])
    assert client.get("/").status_code == 200


def test_a_senate_address_that_does_not_exist_is_not_found(client, reference_data):
    assert client.get("/atlantis/").status_code == 404


def test_the_organisations_page_filters_by_type(client, senate, icb):
    Organisation.objects.create(name="Foxton Hospital", code="ZZ1", type=OrganisationType.TRUST, icb=icb)
    page = client.get("/south-west/organisations/?type=trust").content.decode()
    assert "Foxton Hospital" in page
    assert ">1 organisations</caption>" in page  # the ICBs of the area are left out


def test_an_unknown_type_on_the_organisations_page_shows_every_type(client, senate, icb):
    Organisation.objects.create(name="Foxton Hospital", code="ZZ1", type=OrganisationType.TRUST, icb=icb)
    page = client.get("/south-west/organisations/?type=castle").content.decode()
    assert "Foxton Hospital" in page and "NHS Devon Integrated Care Board" in page


def test_the_organisations_page_lists_only_this_senates_area(client, senate, icb):
    page = client.get("/london/organisations/").content.decode()
    assert "NHS Devon Integrated Care Board" not in page
