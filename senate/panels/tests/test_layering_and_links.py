from django.test import RequestFactory

from senate.interests.models import Kind
from senate.interests.tests.factories import declared
from senate.members.models import MemberProfile
from senate.panels import invitations, runs, sections
from senate.panels.tests.factories import ready_request, seat, spec


def _links(user, request):
    http = RequestFactory().get("/")
    http.user = user
    return [link["text"] for link in sections.links(http, request)]


def test_the_request_page_links_to_the_panel_only_for_those_who_may_see_it(cast):
    request = ready_request()
    assert _links(cast["manager"], request) == ["Expert panel", "Panel candidates"]
    assert _links(cast["council"], request) == []  # not on this panel
    seat(request, MemberProfile.objects.get(user=cast["council"]), status="invited")
    assert _links(cast["council"], request) == ["Expert panel"]
    for who in ("assembly", "requester", "other_manager", "admin"):
        assert _links(cast[who], request) == [], who


def test_decline_reasons_and_proposals_stay_with_the_senate_team(client, cast):
    request = ready_request()
    declared(MemberProfile.objects.get(user=cast["council"]), kind=Kind.NIL)
    spec(request, by=cast["manager"], rules=[], min_size=1, max_size=2)
    runs.deploy(runs.run_optimiser(request.senate, [request], by=cast["manager"]), by=cast["manager"])
    seat = request.panel_members.get(profile=MemberProfile.objects.get(user=cast["council"]))
    invitations.respond(seat, accept=False, reason="Private family matter", by=cast["council"])
    client.force_login(cast["manager"])
    assert "Private family matter" in client.get(f"/south-west/panels/requests/{request.pk}/").content.decode()
    for who in ("assembly", "council"):
        client.force_login(cast[who])
        page = client.get(f"/south-west/panels/requests/{request.pk}/").content.decode()
        assert "Private family matter" not in page and "Fit " not in page
    client.force_login(cast["requester"])
    assert client.get(f"/south-west/panels/requests/{request.pk}/").status_code == 403
