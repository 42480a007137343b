"""Which Senates are current, which ICBs each advises on a day, and which organisations are in its area."""

import datetime as dt

import pytest
from django.http import Http404

from senate.organisations import queries
from senate.organisations.models import IcbArea, Organisation, OrganisationType, Senate

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def test_an_unknown_senate_address_is_not_found(reference_data) -> None:
    with pytest.raises(Http404, match="There is no Senate with that name"):
        queries.senate_named("atlantis")


def test_a_senate_is_found_by_its_address(senate) -> None:
    assert queries.senate_named("south-west") == senate


def test_the_front_door_lists_todays_senates_not_those_that_merged(reference_data) -> None:
    today = list(queries.senates_today())
    assert len(today) == 9
    assert all(s.is_current for s in today)
    assert queries.every_senate().count() > len(today)


def test_a_senate_not_yet_established_is_not_current(senate) -> None:
    future = Senate.objects.create(slug="new", name="New Senate", region=senate.region, established=TODAY + DAY)
    assert future not in Senate.objects.current()
    assert future in Senate.objects.current(on=TODAY + DAY)


def test_an_icb_area_handed_to_another_senate_is_not_advised_after_the_handover(senate, icb) -> None:
    IcbArea.objects.filter(icb=icb, senate=senate).update(valid_to=TODAY)
    assert icb not in [area.icb for area in queries.icbs_advised_by(senate)]
    assert icb in [area.icb for area in queries.icbs_advised_by(senate, on=TODAY - DAY)]


def test_a_trust_in_an_icbs_area_is_among_the_senates_organisations(senate, other_senate, icb) -> None:
    trust = Organisation.objects.create(name="Foxton Hospital", code="ZZ1", type=OrganisationType.TRUST, icb=icb)
    assert trust in queries.organisations_in(senate)
    assert trust not in queries.organisations_in(other_senate)


def test_a_trust_that_closed_is_not_among_the_senates_organisations(senate, icb) -> None:
    trust = Organisation.objects.create(
        name="Foxton Hospital", code="ZZ1", type=OrganisationType.TRUST, icb=icb, valid_to=TODAY - DAY
    )
    assert trust not in queries.organisations_in(senate)
