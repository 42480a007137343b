"""The register's date comes from the address (`?on=`) or the page's date boxes. A date that is not
real, or outside the Senate's life, is told plainly: an NHS error on the page, a 400 for the CSV,
never a server error (security review, issue 12 item 7)."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.interests.tests.conftest import ago, date_fields

BETWEEN = "Enter a date between 1 April 2013 and "


@pytest.mark.parametrize("on", ["0001-01-01", "1999-12-31", "9999-12-31", "2100-01-01"])
def test_a_date_outside_the_register_is_an_error_on_the_page(client, cast, on):
    response = client.get(f"/south-west/interests/register/?on={on}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and BETWEEN + f"{timezone.localdate():%-d %B %Y}" in page
    assert "nhsuk-error-message" in page


def test_the_date_boxes_are_checked_too(client, cast):
    page = client.get("/south-west/interests/register/", date_fields("on", dt.date(1, 1, 1))).content.decode()
    assert BETWEEN in page
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert BETWEEN in client.get("/south-west/interests/register/", date_fields("on", tomorrow)).content.decode()


def test_a_date_that_is_not_a_date_is_an_error(client, cast):
    page = client.get("/south-west/interests/register/?on=yesterday").content.decode()
    assert "Enter a real date, like 2025-04-01" in page


@pytest.mark.parametrize("on", ["0001-01-01", "9999-12-31", "nonsense"])
def test_the_csv_refuses_a_bad_date_with_400(client, cast, on):
    response = client.get(f"/south-west/interests/register.csv?on={on}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_a_good_past_date_still_works(client, cast):
    on = ago(100).isoformat()
    assert "There is a problem" not in client.get(f"/south-west/interests/register/?on={on}").content.decode()
    assert client.get(f"/south-west/interests/register.csv?on={on}").status_code == 200
