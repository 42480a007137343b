import pytest

from senate.core.models import AuditEvent
from senate.interests.decisions import ConflictRefused, decide_conflicts, screening_for
from senate.interests.models import ConflictDecision


def _url(review, profile):
    return f"/south-west/interests/requests/{review.pk}/screening/{profile.pk}/"


def test_the_screening_page_lists_candidates_with_conflicts(client, cast, stroke_review, candidate):
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/interests/requests/{stroke_review.pk}/screening/").content.decode()
    assert "Cara Candidate" in page and "Employed by Torbay and South Devon" in page and "Needs a decision" in page
    assert "Tom Assembly" not in page  # no conflicts, so not listed unless asked for everyone
    everyone = client.get(f"/south-west/interests/requests/{stroke_review.pk}/screening/?show=all").content.decode()
    assert "Tom Assembly" in everyone


def test_the_manager_records_an_exclusion(client, cast, stroke_review, candidate, torbay):
    client.force_login(cast["manager"])
    key = f"employed:{torbay.pk}"
    response = client.post(
        _url(stroke_review, candidate),
        {"keys": [key], "outcome": "exclude", "rationale": "Employed by the trust under review"},
    )
    assert response.status_code == 302
    decision = ConflictDecision.objects.get()
    assert (decision.outcome, decision.by, decision.keys) == ("exclude", cast["manager"], {key})
    assert decision.conflicts[0]["reason"].startswith("Employed by")
    assert AuditEvent.objects.filter(action="interests.conflict_decided", senate__slug="south-west").exists()
    page = client.get(_url(stroke_review, candidate)).content.decode()
    assert "Cannot be invited to this panel" in page and "Employed by the trust under review" in page


def test_a_decision_needs_its_reason_and_a_restriction_needs_its_terms(client, cast, stroke_review, candidate, torbay):
    client.force_login(cast["manager"])
    page = client.post(_url(stroke_review, candidate), {"outcome": "restrict", "rationale": ""}).content.decode()
    for message in (
        "Select the conflicts this decision covers",
        "Select what the restriction covers",
        "Enter the reason for this decision",
    ):
        assert message in page
    assert not ConflictDecision.objects.exists()
    with pytest.raises(ConflictRefused, match="Select what the restriction covers"):
        decide_conflicts(
            candidate,
            stroke_review,
            keys=[f"employed:{torbay.pk}"],
            outcome="restrict",
            rationale="x",
            by=cast["manager"],
        )
    assert not AuditEvent.objects.filter(action="interests.conflict_decided").exists()


def test_a_later_decision_supersedes_an_earlier_one_and_both_are_kept(cast, stroke_review, candidate, torbay):
    key = f"employed:{torbay.pk}"
    decide_conflicts(
        candidate, stroke_review, keys=[key], outcome="exclude", rationale="Employed there", by=cast["manager"]
    )
    decide_conflicts(
        candidate,
        stroke_review,
        keys=[key],
        outcome="restrict",
        no_recommendations=True,
        note="No vote",
        rationale="Left the trust last week",
        by=cast["chair"],
    )
    result = screening_for(candidate, stroke_review)
    assert result.exclusion is None
    assert result.restrictions == ["May not agree or vote on the recommendations", "Note: No vote"]
    assert ConflictDecision.objects.count() == 2


def test_only_the_senate_team_decides(client, cast, stroke_review, candidate, torbay):
    client.force_login(cast["council"])
    data = {"keys": [f"employed:{torbay.pk}"], "outcome": "no_action", "rationale": "Fine"}
    assert client.post(_url(stroke_review, candidate), data).status_code == 403
    client.force_login(cast["other_manager"])
    assert (
        client.post(f"/london/interests/requests/{stroke_review.pk}/screening/{candidate.pk}/", data).status_code == 404
    )
    assert not ConflictDecision.objects.exists()


def test_a_decision_on_a_conflict_that_is_no_longer_found_is_refused(cast, stroke_review, candidate):
    with pytest.raises(ConflictRefused, match="changed since the page was shown"):
        decide_conflicts(
            candidate, stroke_review, keys=["employed:999999"], outcome="no_action", rationale="x", by=cast["manager"]
        )


def test_no_action_is_refused_for_a_high_severity_conflict(client, cast, stroke_review, candidate, torbay):
    """Members do not sit, unrestricted, on reviews of their own employer (docs/domain.md §4.3)."""
    with pytest.raises(ConflictRefused, match="No action needed is not allowed: a high-severity conflict"):
        decide_conflicts(
            candidate,
            stroke_review,
            keys=[f"employed:{torbay.pk}"],
            outcome="no_action",
            rationale="Fine",
            by=cast["manager"],
        )
    client.force_login(cast["manager"])
    data = {"keys": [f"employed:{torbay.pk}"], "outcome": "no_action", "rationale": "Fine"}
    page = client.post(_url(stroke_review, candidate), data).content.decode()
    assert "needs an exclusion or a restriction" in page
    assert not ConflictDecision.objects.exists()
    assert not AuditEvent.objects.filter(action="interests.conflict_decided").exists()
