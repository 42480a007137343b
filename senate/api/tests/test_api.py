from senate.accounts.models import ApiToken


def _bearer(user):
    _token, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_every_endpoint_needs_a_token(client, db):
    assert client.get("/api/v1/senates").status_code == 401
    assert client.get("/api/v1/senates/south-west/members").status_code == 401
    assert client.get("/api/v1/senates", HTTP_AUTHORIZATION="Bearer sen_madeup").status_code == 401


def test_senates_list_includes_history(client, cast):
    data = client.get("/api/v1/senates", **_bearer(cast["no_role"])).json()
    wessex = next(s for s in data if s["slug"] == "wessex")
    assert wessex["merged_into"] == "south-east"
    assert len([s for s in data if s["ended"] is None]) == 9


def test_manager_lists_members_with_filters(client, cast):
    response = client.get("/api/v1/senates/south-west/members?body=assembly", **_bearer(cast["manager"]))
    assert response.status_code == 200
    names = [m["name"] for m in response.json()["items"]]
    assert names == ["Tom Assembly"]


def test_member_directory_refused_to_other_roles(client, cast):
    for who in ("assembly", "council", "requester", "assurance", "no_role", "other_manager"):
        response = client.get("/api/v1/senates/south-west/members", **_bearer(cast[who]))
        assert response.status_code == 403, who
        assert "Tom Assembly" not in response.content.decode()


def test_revoked_token_is_refused(client, cast):
    token, key = ApiToken.issue(cast["manager"], "old")
    token.revoked_at = token.created_at
    token.save()
    assert client.get("/api/v1/senates", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_openapi_schema_describes_the_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/senates/{slug}/members" in schema["paths"]
    assert schema["components"]["securitySchemes"]


def test_a_requester_lists_only_their_organisations_sent_requests(client, cast):
    from senate.organisations.models import Organisation
    from senate.reviews.tests.factories import RequestFactory

    ours = RequestFactory(title="Devon stroke review")
    RequestFactory(title="Cornwall minor injuries", requesting_organisation=Organisation.objects.get(code="QT6"))
    response = client.get("/api/v1/senates/south-west/requests", **_bearer(cast["requester"]))
    assert [r["title"] for r in response.json()["items"]] == ["Devon stroke review"]
    detail = client.get(f"/api/v1/senates/south-west/requests/{ours.pk}", **_bearer(cast["requester"])).json()
    assert detail["reference"] == ours.reference and detail["timeline"] == []


def test_nobody_else_sees_a_draft_or_another_organisations_request_over_the_api(client, cast):
    from senate.organisations.models import Organisation
    from senate.reviews.tests.factories import RequestFactory

    draft = RequestFactory(title="Unsent draft", stage="draft", reference=None, created_by=cast["requester"])
    theirs = RequestFactory(title="Cornwall", requesting_organisation=Organisation.objects.get(code="QT6"))
    manager = client.get("/api/v1/senates/south-west/requests", **_bearer(cast["manager"])).json()
    assert "Unsent draft" not in [r["title"] for r in manager["items"]]
    assert client.get(f"/api/v1/senates/south-west/requests/{draft.pk}", **_bearer(cast["manager"])).status_code == 404
    mine = client.get(f"/api/v1/senates/south-west/requests/{theirs.pk}", **_bearer(cast["requester"]))
    assert mine.status_code == 404
    for who in ("assembly", "no_role", "other_manager"):
        assert client.get("/api/v1/senates/south-west/requests", **_bearer(cast[who])).status_code == 403, who
