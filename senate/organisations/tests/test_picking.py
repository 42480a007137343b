"""Choosing an organisation by name or ODS code (issue 14, item 11): a name two organisations share is
refused with their codes, a code or a suggestion names exactly one, and the suggestions come from the
server with or without script."""

import pytest

from senate.interests.models import Declaration
from senate.interests.tests.conftest import ago, date_fields
from senate.members.models import MemberProfile
from senate.organisations.models import Organisation, OrganisationType
from senate.organisations.picking import OrganisationField, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def foxtons(icb):
    return [
        Organisation.objects.create(name="Foxton NHS Foundation Trust", code=code, type=OrganisationType.TRUST, icb=icb)
        for code in ("ZZ1", "ZZ2")
    ]


@pytest.mark.parametrize("typed", ["ZZ2", " zz2 ", "Foxton NHS Foundation Trust (ZZ2)"])
def test_a_code_or_a_suggestion_names_one_organisation(foxtons, typed):
    assert OrganisationField().clean(typed) == foxtons[1]


def test_a_name_two_organisations_share_is_refused_with_their_codes(foxtons):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as raised:
        OrganisationField().clean("foxton nhs foundation trust")
    assert "More than one organisation is called" in str(raised.value) and "ZZ1, ZZ2" in str(raised.value)


def test_a_name_only_one_has_names_it_and_an_unknown_one_is_refused(reference_data, icb):
    from django.core.exceptions import ValidationError

    assert OrganisationField().clean("NHS Devon Integrated Care Board") == icb
    with pytest.raises(ValidationError, match="No organisation is called"):
        OrganisationField().clean("Nowhere Hospital")


def test_search_finds_by_name_or_code_the_exact_code_first(foxtons, icb):
    assert search("QJK")[0] == icb
    assert {o.code for o in search("foxton")} == {"ZZ1", "ZZ2"}
    assert search("") == []


def test_the_search_page_gives_suggestions_to_htmx_and_a_page_without_it(client, cast, foxtons):
    client.force_login(cast["council"])
    options = client.get("/organisations/search/?organisation=zz1", HTTP_HX_REQUEST="true").content.decode()
    assert '<option value="Foxton NHS Foundation Trust (ZZ1)">' in options and "ZZ2" not in options
    assert "<html" not in options
    page = client.get("/organisations/search/?q=Foxton").content.decode()
    assert "2 organisations found" in page and "ZZ1" in page and "ZZ2" in page


def test_a_member_declares_against_one_of_two_trusts_with_one_name_by_its_code(client, cast, foxtons):
    council_profile = MemberProfile.objects.get(user=cast["council"])
    client.force_login(cast["council"])
    form = client.get("/declarations/new/").content.decode()
    assert 'list="id_organisation-suggestions"' in form and 'hx-get="/organisations/search/"' in form
    assert '<option value="Foxton NHS Foundation Trust (ZZ2)">' in form
    interest = {
        "category": "financial",
        "organisation_name": "",
        "nature": "Non-executive director, paid",
        "places": "",
        "may_publish": "True",
        **date_fields("started_on", ago(10)),
    }

    refused = client.post("/declarations/new/", interest | {"organisation": "Foxton NHS Foundation Trust"})
    assert refused.status_code == 200 and "More than one organisation is called" in refused.content.decode()
    done = client.post("/declarations/new/", interest | {"organisation": "Foxton NHS Foundation Trust (ZZ2)"})

    assert done.status_code == 302
    version = Declaration.objects.get(profile=council_profile).versions.get()
    assert version.organisation == foxtons[1]
    changing = client.get(f"/declarations/{version.declaration_id}/change/")
    assert 'value="Foxton NHS Foundation Trust (ZZ2)"' in changing.content.decode()


def test_a_requester_adds_an_affected_organisation_from_outside_the_area_by_its_code(client, cast, foxtons, icb):
    from senate.reviews.models import Request

    base = "/south-west/requests"
    client.force_login(cast["requester"])
    client.post(f"{base}/new/")
    request = Request.objects.get(created_by=cast["requester"])
    step = f"{base}/{request.pk}/edit/organisations/"
    page = client.get(step).content.decode()
    assert "NHS Devon Integrated Care Board (QJK)" in page and 'list="id_another_organisation-suggestions"' in page
    london = Organisation.objects.current().icbs().exclude(areas__senate__slug="south-west").first()

    nothing = client.post(step, {"places": ""}).content.decode()
    assert "Select at least one affected organisation" in nothing
    ambiguous = client.post(step, {"another_organisation": "Foxton NHS Foundation Trust", "places": ""})
    assert "More than one organisation is called" in ambiguous.content.decode()
    client.post(step, {"affected_organisations": [str(icb.pk)], "another_organisation": london.code, "places": ""})

    assert set(request.affected_organisations.all()) == {icb, london}
    again = client.get(step).content.decode()
    assert f"{london.label}" in again  # listed now, so changing the page does not lose it
