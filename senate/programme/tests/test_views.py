"""The pages as a person uses them: what is shown, and refusals named on the field."""

from senate.programme import planning
from senate.programme.models import Feedback, PlanItem, Topic
from senate.programme.tests.factories import YEAR, issued_request, thematic_topic


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_the_manager_opens_a_thematic_review_and_it_joins_this_years_plan(client, senate, cast, icb):
    client.force_login(cast["manager"])
    response = client.post(
        "/south-west/programme/topics/new/",
        {"kind": "thematic", "title": "Frailty", "description": "Across the region", "lead_organisation": icb.pk,
         "sponsor_member": cast["council"].pk},
    )  # fmt: skip
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert PlanItem.objects.get(year=YEAR).request == topic.request
    page = client.get("/south-west/programme/").content.decode()
    assert "Frailty" in page and "Senate-initiated" in page and "<svg" in page
    detail = client.get(f"/south-west/requests/{topic.request.pk}/").content.decode()
    assert "Opened by the Senate; looks at" in detail


def test_opening_a_topic_without_a_sponsor_says_so_on_the_field(client, senate, cast, icb):
    client.force_login(cast["manager"])
    response = client.post(
        "/south-west/programme/topics/new/",
        {"kind": "thematic", "title": "Frailty", "description": "Across the region", "lead_organisation": icb.pk},
    )
    assert response.status_code == 200
    assert "Name a sponsor" in response.content.decode() and not Topic.objects.exists()


def test_scoring_through_the_page_ranks_the_item(client, senate, cast, icb):
    topic = thematic_topic(senate, cast, icb)
    item = planning.add_to_plan(senate=senate, year=YEAR, request=topic.request, by=cast["manager"])
    criteria = planning.criteria_for(senate)
    data = {f"score_{c.pk}": "4" for c in criteria} | {f"rationale_{c.pk}": "Region-wide" for c in criteria}
    client.force_login(cast["manager"])
    response = client.post(f"/south-west/programme/items/{item.pk}/score/", data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.score == 80
    assert "Region-wide" in client.get(f"/south-west/programme/items/{item.pk}/").content.decode()


def test_the_requester_gives_feedback_once_and_the_team_reads_it(client, senate, cast):
    request = issued_request(cast)
    client.force_login(cast["requester"])
    url = f"/south-west/programme/requests/{request.pk}/feedback/"
    assert "Select how useful" in client.post(url, {}).content.decode()
    data = {"usefulness": "5", "timeliness": "4", "clarity": "4", "would_ask_again": "yes", "comments": "Clear"}
    assert client.post(url, data).status_code == 302
    assert Feedback.objects.get(request=request).usefulness == 5
    assert "gave feedback on this advice" in client.get(url).content.decode()
    client.force_login(cast["chair"])
    page = client.get(f"/south-west/programme/requests/{request.pk}/impact/").content.decode()
    assert "Very good" in page and "Clear" in page


def test_the_request_page_links_to_feedback_for_the_requester_and_impact_for_the_team(client, senate, cast):
    request = issued_request(cast)
    client.force_login(cast["requester"])
    page = client.get(f"/south-west/requests/{request.pk}/").content.decode()
    assert "Give feedback on the advice" in page and "Impact and effort" not in page
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/requests/{request.pk}/").content.decode()
    assert "Impact and effort" in page and "Give feedback" not in page
