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
    for path in ("members", "requests/{pk}/recommendations", "register", "published-advice"):
        assert "/api/v1/senates/{slug}/" + path in schema["paths"], path
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


def test_the_register_over_the_api_is_the_public_register(client, cast):
    """Any token reads it; withheld and unpublishable entries never appear, and the count is given."""
    from senate.interests.publication import withhold_declaration
    from senate.interests.tests.factories import declared
    from senate.members.models import MemberProfile

    council = MemberProfile.objects.get(user=cast["council"])
    assembly = MemberProfile.objects.get(user=cast["assembly"])
    declared(council, nature="Paid adviser to Acme Stroke Devices Ltd")
    declared(council, nature="Sister works for a rival bidder", may_publish=False)
    withheld = declared(assembly, nature="Shelter volunteer at a secret address")
    withhold_declaration(withheld, grounds="safety", reason="Address must stay private", by=cast["manager"])
    response = client.get("/api/v1/senates/south-west/register", **_bearer(cast["no_role"]))
    assert response.status_code == 200
    data = response.json()
    assert [e["nature"] for e in data["entries"]] == ["Paid adviser to Acme Stroke Devices Ltd"]
    assert data["withheld"] == 2  # the withheld entry and the one the member asked not to publish, as on the page
    assert "rival bidder" not in response.content.decode() and "secret address" not in response.content.decode()
    assert client.get("/api/v1/senates/south-west/register").status_code == 401


def test_published_advice_over_the_api_lists_only_what_the_public_page_shows(client, cast):
    from senate.council.tests.factories import published_request
    from senate.reviews.tests.factories import RequestFactory

    public = published_request(cast, title="Published review of stroke services")
    RequestFactory(created_by=cast["requester"], stage="issued", title="Issued but not permitted")
    data = client.get("/api/v1/senates/south-west/published-advice", **_bearer(cast["assembly"])).json()
    assert [a["title"] for a in data] == ["Published review of stroke services"]
    assert data[0]["page"].endswith(f"/south-west/council/public/advice/{public.pk}/")


def test_recommendations_over_the_api_follow_the_pages_rules(client, cast):
    from senate.organisations.models import Organisation
    from senate.reviews.models import Recommendation
    from senate.reviews.tests.factories import RequestFactory

    def with_rec(stage, **fields):
        request = RequestFactory(created_by=cast["requester"], stage=stage, **fields)
        Recommendation.objects.create(request=request, number=1, text="Staff the unit seven days a week.")
        return f"/api/v1/senates/south-west/requests/{request.pk}/recommendations"

    drafting, shared = with_rec("draft_report"), with_rec("factual_accuracy")
    theirs = with_rec("factual_accuracy", requesting_organisation=Organisation.objects.get(code="QT6"))
    requester = _bearer(cast["requester"])
    refused = client.get(drafting, **requester)
    assert refused.status_code == 403 and "Staff the unit" not in refused.content.decode()
    ok = client.get(shared, **requester)
    assert ok.status_code == 200 and ok.json()[0]["text"] == "Staff the unit seven days a week."
    assert client.get(theirs, **requester).status_code == 404
    assert client.get(drafting, **_bearer(cast["manager"])).json()[0]["number"] == 1
    for who in ("assembly", "no_role", "other_manager"):
        assert client.get(shared, **_bearer(cast[who])).status_code in (403, 404), who
    assert client.get(drafting, **_bearer(cast["assurance"])).status_code == 403
