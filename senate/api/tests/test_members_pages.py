"""The members endpoint reads only the page asked for (issue 19): the same queries for one member or
many, pages that follow on without overlap, a limit no larger than the documented maximum."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.accounts.models import ApiToken
from senate.api.api import MEMBERS_MAX_LIMIT
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory

URL = "/api/v1/senates/south-west/members"
SQL: list[str] = []  # the last request's queries


def _bearer(user):
    _token, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _members(n, start=0):
    for i in range(start, start + n):
        MembershipFactory(
            body=Body.ASSEMBLY, profile__user__full_name=f"Rowan Marker {i:04d}", profile__expertise=["stroke"]
        )


def _queries(client, headers, query=""):
    with CaptureQueriesContext(connection) as seen:
        response = client.get(URL + query, **headers)
    assert response.status_code == 200
    SQL[:] = [q["sql"] for q in seen.captured_queries]
    return len(seen), response.json()


def test_a_page_of_members_asks_the_same_queries_for_one_member_or_many(client, cast):
    headers = _bearer(cast["manager"])
    _members(1)
    _queries(client, headers)
    one, first = _queries(client, headers)
    _members(30, start=1)
    many, more = _queries(client, headers, "?limit=10")
    assert many == one
    assert more["count"] == first["count"] + 30 and len(more["items"]) == 10
    assert any("LIMIT 10" in sql for sql in SQL), "the members are read a page at a time"


def test_pages_follow_on_and_keep_each_members_details(client, cast):
    headers = _bearer(cast["manager"])
    _members(12)
    _n, first = _queries(client, headers, "?body=assembly&limit=5")
    _n, second = _queries(client, headers, "?body=assembly&limit=5&offset=5")
    names = [m["name"] for m in first["items"] + second["items"]]
    assert len(set(names)) == 10 and names == sorted(names)
    marked = [m for m in first["items"] + second["items"] if m["name"].startswith("Rowan Marker")]
    assert marked[0]["specialties"] == ["stroke"] and marked[0]["memberships"][0]["body"] == "assembly"
    assert marked[0]["email"]


def test_a_limit_above_the_maximum_gives_the_maximum(client, cast):
    _n, page = _queries(client, _bearer(cast["manager"]), f"?limit={MEMBERS_MAX_LIMIT + 100}")
    assert len(page["items"]) == min(page["count"], MEMBERS_MAX_LIMIT)


def test_the_schema_documents_the_pages(client, db):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/senates/{slug}/members"]["get"]
    assert {"limit", "offset"} <= {p["name"] for p in operation["parameters"]}
    assert "offset" in operation["description"] and str(MEMBERS_MAX_LIMIT) in operation["description"]
