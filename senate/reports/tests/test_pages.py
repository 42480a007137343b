"""The manager's pages: choosing criteria, adding a recommendation, writing a draft; errors by the field."""

from senate.reports import assessment, framework
from senate.reports.models import RecommendationCriterion
from senate.reports.tests.factories import criteria


def test_the_manager_chooses_the_criteria_on_the_page(client, cast, review):
    client.force_login(cast["manager"])
    url = f"/south-west/reports/requests/{review.pk}/criteria/"
    assert "Select at least one criterion" in client.post(url, {}).content.decode()
    wanted = framework.available(review.senate).filter(code__in=["test-3-evidence", "bed-test-a-alternative"])
    client.post(url, {"criteria": [str(c.pk) for c in wanted]})
    assert {c.code for c in assessment.criteria_for(review)} == {"test-3-evidence", "bed-test-a-alternative"}
    page = client.get(f"/south-west/reports/requests/{review.pk}/").content.decode()
    assert "Bed test (a): sufficient alternative provision" in page and "Not yet judged" in page


def test_a_recommendation_is_linked_to_its_criterion_and_feeds_the_follow_up(client, cast, review):
    workforce = criteria(review, by=cast["manager"])[1]
    client.force_login(cast["manager"])
    url = f"/south-west/reports/requests/{review.pk}/recommendations/new/"
    assert "Enter the recommendation" in client.post(url, {"priority": "high"}).content.decode()
    client.post(url, {"text": "Publish the rota.", "theme": "Workforce", "criterion": workforce.pk, "priority": "high"})
    rec = review.recommendations.get()
    assert (rec.number, rec.addressee) == (1, "NHS Devon Integrated Care Board")
    assert RecommendationCriterion.objects.get(recommendation=rec).criterion == workforce
    assert "Publish the rota." in client.get(f"/south-west/requests/{review.pk}/recommendations/").content.decode()


def test_writing_a_draft_needs_an_opinion_and_a_summary(client, cast, review):
    client.force_login(cast["manager"])
    url = f"/south-west/reports/requests/{review.pk}/report/write/"
    page = client.post(url, {}).content.decode()
    assert "Select the panel&#39;s overall opinion" in page and "Write the summary in plain English" in page
    response = client.post(url, {"overall_opinion": "supported", "summary": "We support it.", "glossary": "- ICB"})
    assert response.status_code == 302 and response["Location"].endswith("/report/v1/")
    assert "We support it." in client.get(response["Location"]).content.decode()


def test_a_draft_cannot_be_written_once_the_advice_is_approved(client, cast, review):
    review.stage = "approved"
    review.save()
    client.force_login(cast["manager"])
    url = f"/south-west/reports/requests/{review.pk}/report/write/"
    assert "until the advice is approved" in client.get(url).content.decode()
    client.post(url, {"overall_opinion": "supported", "summary": "Late."})
    assert not review.report_drafts.exists()
