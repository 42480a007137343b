"""The dashboard's addresses: a year typed in the address, and downloads of tables that do not exist."""

import datetime as dt

import pytest

from senate.statistics.period import year_of

THIS_YEAR = year_of(dt.date.today())


@pytest.fixture
def chair(client, cast):
    client.force_login(cast["chair"])
    return client


def test_a_year_that_is_not_a_number_shows_this_year(chair):
    page = chair.get("/south-west/statistics/?year=last").content.decode()
    assert f"Dashboard {THIS_YEAR.label}" in page


@pytest.mark.parametrize("year", ["0", "-5", "99999"])
def test_a_year_no_calendar_has_shows_this_year_instead_of_failing(chair, year):
    response = chair.get(f"/south-west/statistics/?year={year}")
    assert response.status_code == 200
    assert f"Dashboard {THIS_YEAR.label}" in response.content.decode()


def test_an_earlier_year_may_be_chosen(chair):
    page = chair.get(f"/south-west/statistics/?year={THIS_YEAR.start_year - 1}").content.decode()
    assert f"Dashboard {THIS_YEAR.start_year - 1}/" in page


def test_a_download_of_a_table_that_does_not_exist_is_not_found(chair):
    assert chair.get("/south-west/statistics/download/?table=salaries&format=csv").status_code == 404


def test_a_download_in_an_unknown_format_is_not_found(chair):
    assert chair.get("/south-west/statistics/download/?table=requests-by-stage&format=pdf").status_code == 404


def test_a_download_is_named_for_the_senate_year_and_table_and_not_cached(chair):
    response = chair.get("/south-west/statistics/download/?table=requests-by-stage&format=csv")
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="south-west-{THIS_YEAR.start_year}-requests-by-stage.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"


def test_a_council_member_does_not_see_the_dashboard(client, cast):
    client.force_login(cast["council"])
    assert client.get("/south-west/statistics/").status_code == 403
