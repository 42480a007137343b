import datetime as dt

from senate.organisations.models import Organisation, Region, Senate, Succession
from senate.organisations.queries import icbs_advised_by


def test_seven_regions_and_nine_senates_today(reference_data):
    assert Region.objects.count() == 7
    today = Senate.objects.current(dt.date(2026, 11, 23))
    assert today.count() == 9
    assert set(today.values_list("slug", flat=True)) >= {"north-west", "south-east", "london"}


def test_twelve_senates_in_2013(reference_data):
    assert Senate.objects.current(dt.date(2013, 6, 1)).count() == 12


def test_north_west_senates_merged_in_march_2021(reference_data):
    north_west = Senate.objects.get(slug="north-west")
    assert set(north_west.merged_from.values_list("slug", flat=True)) == {"north-west-coast", "greater-manchester"}
    assert all(s.ended == dt.date(2021, 3, 1) for s in north_west.merged_from.all())


def test_forty_two_icbs_in_2022(reference_data):
    assert Organisation.objects.icbs().current(dt.date(2022, 7, 1)).count() == 42


def test_icb_merges_from_april_2026(reference_data):
    before = Organisation.objects.icbs().current(dt.date(2026, 3, 31))
    after = Organisation.objects.icbs().current(dt.date(2026, 4, 1))
    assert before.count() == 42
    assert "NHS West and North London Integrated Care Board" in after.values_list("name", flat=True)
    assert not after.filter(code="QRV").exists()
    merged = Succession.objects.filter(successor__code="X26WN").values_list("predecessor__code", flat=True)
    assert set(merged) == {"QRV", "QMJ"}


def test_each_senate_advises_the_icbs_in_its_area(reference_data):
    london = Senate.objects.get(slug="london")
    assert icbs_advised_by(london, dt.date(2025, 1, 1)).count() == 5
    assert icbs_advised_by(london, dt.date(2026, 6, 1)).count() == 4  # NW and NC London merged


def test_a_historic_senate_page_says_where_its_work_went(client, reference_data):
    response = client.get("/wessex/")
    assert response.status_code == 200
    assert b"This Senate closed on" in response.content
    assert b"South East Clinical Senate" in response.content
