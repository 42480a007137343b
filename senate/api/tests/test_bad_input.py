"""Bad query parameters are answered with a 400 or 422 and a message, never a server error
(security review, issue 12 item 7)."""

import pytest

from senate.accounts.models import ApiToken


def _bearer(user):
    _token, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.mark.parametrize("on", ["0001-01-01", "1990-01-01", "9999-12-31"])
def test_the_register_refuses_a_date_outside_its_life(client, cast, on):
    response = client.get(f"/api/v1/senates/south-west/register?on={on}", **_bearer(cast["no_role"]))
    assert response.status_code == 400
    assert "Enter a date between 1 April 2013 and" in response.json()["detail"]


def test_the_register_refuses_a_date_that_is_not_a_date(client, cast):
    response = client.get("/api/v1/senates/south-west/register?on=nonsense", **_bearer(cast["no_role"]))
    assert response.status_code == 422 and response.json()["detail"]


@pytest.mark.parametrize("days", ["99999999999", "-99999999", "-1", "3651", "ninety"])
def test_members_ending_within_must_be_a_sensible_number_of_days(client, cast, days):
    response = client.get(f"/api/v1/senates/south-west/members?ending_within={days}", **_bearer(cast["manager"]))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "ending_within"]


def test_members_ending_within_a_year_still_works(client, cast):
    response = client.get("/api/v1/senates/south-west/members?ending_within=365", **_bearer(cast["manager"]))
    assert response.status_code == 200
