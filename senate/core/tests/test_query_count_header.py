"""The page benchmark's query counter (bench/pages): off unless SENATE_COUNT_QUERIES=1, and when on
every response says how many queries it took."""

import pytest
from django.conf import settings
from django.test import override_settings

from senate.core.middleware import QueryCountMiddleware

pytestmark = pytest.mark.django_db

COUNTING = "senate.core.middleware.QueryCountMiddleware"


def test_no_response_is_counted_by_default(client):
    assert COUNTING not in settings.MIDDLEWARE
    assert QueryCountMiddleware.header not in client.get("/accessibility/").headers


def test_when_on_each_response_says_how_many_queries_it_took(client, cast):
    with override_settings(MIDDLEWARE=[COUNTING, *settings.MIDDLEWARE]):
        public = client.get("/accessibility/")
        client.force_login(cast["manager"])
        members = client.get("/south-west/members/")
    assert members.status_code == 200
    assert int(members[QueryCountMiddleware.header]) > int(public[QueryCountMiddleware.header]) >= 0
    assert int(members[QueryCountMiddleware.header]) >= 3  # the session, the person and the members at least
