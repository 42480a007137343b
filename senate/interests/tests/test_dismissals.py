import pytest

from senate.core.models import AuditEvent
from senate.interests.decisions import ConflictRefused, dismiss_conflict, screening_for
from senate.interests.models import ConflictDismissal
from senate.interests.tests.factories import make_request


def _place_key(review, profile):
    return next(s.conflict.key for s in screening_for(profile, review).states if s.conflict.key.endswith(":place"))


def test_the_manager_dismisses_a_false_positive_and_it_stays_dismissed(client, cast, stroke_review, candidate):
    key = _place_key(stroke_review, candidate)
    client.force_login(cast["manager"])
    url = f"/south-west/interests/requests/{stroke_review.pk}/screening/{candidate.pk}/dismiss/"
    response = client.post(
        url, {"prefix": "dismiss-1", "dismiss-1-key": key, "dismiss-1-reason": "A rowing club, not care"}
    )
    assert response.status_code == 302
    dismissal = ConflictDismissal.objects.get()
    assert (dismissal.key, dismissal.by, dismissal.reason) == (key, cast["manager"], "A rowing club, not care")
    assert "Rowing Club" in dismissal.suggestion
    assert AuditEvent.objects.filter(action="interests.conflict_dismissed").exists()
    state = next(s for s in screening_for(candidate, stroke_review).states if s.conflict.key == key)
    assert state.dismissal == dismissal and state.settled


def test_a_dismissal_needs_a_reason(client, cast, stroke_review, candidate):
    key = _place_key(stroke_review, candidate)
    client.force_login(cast["manager"])
    url = f"/south-west/interests/requests/{stroke_review.pk}/screening/{candidate.pk}/dismiss/"
    page = client.post(url, {"prefix": "dismiss-1", "dismiss-1-key": key, "dismiss-1-reason": ""}).content.decode()
    assert "There is a problem" in page and "Enter why this is not a conflict" in page
    assert not ConflictDismissal.objects.exists()


def test_a_dismissal_holds_for_that_request_only(cast, stroke_review, candidate, torbay):
    key = _place_key(stroke_review, candidate)
    dismiss_conflict(candidate, stroke_review, key=key, reason="Not relevant", by=cast["manager"])
    with pytest.raises(ConflictRefused, match="already been dismissed"):
        dismiss_conflict(candidate, stroke_review, key=key, reason="Again", by=cast["manager"])
    another = make_request(affected=[torbay], places="Torbay")
    assert not any(s.dismissal for s in screening_for(candidate, another).states)


def test_people_outside_the_senate_team_cannot_dismiss(client, cast, stroke_review, candidate):
    key = _place_key(stroke_review, candidate)
    client.force_login(cast["council"])
    url = f"/south-west/interests/requests/{stroke_review.pk}/screening/{candidate.pk}/dismiss/"
    assert client.post(url, {"prefix": "d", "d-key": key, "d-reason": "x"}).status_code == 403
    assert not ConflictDismissal.objects.exists()
