import pytest

from senate.reports import assessment
from senate.reports.tests.factories import criteria, evidence, judged, request_at, seat


def test_every_change_to_a_judgement_keeps_the_previous_version(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    item = evidence(review)
    judged(review, crit, by=cast["manager"], outcome="evidence_insufficient", narrative="No modelling yet.")
    judged(review, crit, by=cast["manager"], outcome="supported", narrative="Modelling now received.", items=[item])
    versions = assessment.history(review, crit)
    assert [(j.version, j.outcome) for j in versions] == [(2, "supported"), (1, "evidence_insufficient")]
    assert versions[1].narrative == "No modelling yet."
    assert list(versions[0].evidence.all()) == [item]
    assert assessment.current_judgements(review)[crit.pk].version == 2


def test_evidence_from_another_review_cannot_be_relied_on(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    elsewhere = evidence(request_at("panel_meeting", by=cast["requester"]))
    with pytest.raises(ValueError, match="from this review"):
        judged(review, crit, by=cast["manager"], items=[elsewhere])


def test_a_panel_member_records_a_view_then_the_panel_its_judgement_through_the_page(client, cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    seat(cast["assembly"], review)
    (mine,) = review.panel_members.all()
    client.force_login(cast["assembly"])
    url = f"/south-west/reports/requests/{review.pk}/criteria/{crit.pk}/"
    response = client.post(url, {"form": "view", "outcome": "supported"})
    assert "Enter your reasons" in response.content.decode()
    client.post(url, {"form": "view", "outcome": "supported", "text": "The outcomes data are convincing."})
    client.post(
        url,
        {
            "form": "judgement",
            "outcome": "supported",
            "strength": "strong",
            "narrative": "Agreed.",
            f"position_{mine.pk}": "agreed",
        },
    )
    page = client.get(url).content.decode()
    assert "The outcomes data are convincing." in page and "Version 1 (current)" in page


def test_a_council_member_not_on_the_panel_cannot_record_a_judgement(client, cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    client.force_login(cast["council"])
    url = f"/south-west/reports/requests/{review.pk}/criteria/{crit.pk}/"
    response = client.post(url, {"form": "judgement", "outcome": "supported", "strength": "strong", "narrative": "x"})
    assert response.status_code == 403
    assert assessment.current_judgements(review) == {}
