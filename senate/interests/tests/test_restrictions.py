"""A restriction is structured, so the pages can enforce it: the evidence a member may not open, the
criteria they may not judge, the recommendations. Existing free-text restrictions keep their words
as a note (issue 14, item 4)."""

import importlib

import pytest

from senate.interests.decisions import ConflictRefused, decide_conflicts, screening_for
from senate.interests.models import ConflictDecision
from senate.interests.restrictions import describe, restrictions_for

migration = importlib.import_module("senate.interests.migrations.0002_structured_restrictions")


def _url(review, profile):
    return f"/south-west/interests/requests/{review.pk}/screening/{profile.pk}/"


def _restrict(cast, review, profile, torbay, **terms):
    return decide_conflicts(
        profile,
        review,
        keys=[f"employed:{torbay.pk}"],
        outcome="restrict",
        rationale="Clinical lead in another directorate",
        by=cast["manager"],
        **terms,
    )


def test_a_restriction_names_what_it_covers_and_keeps_a_note(cast, stroke_review, candidate, torbay):
    decision = _restrict(
        cast, stroke_review, candidate, torbay, no_tiers=["official_sensitive"], note="Commercial interest"
    )
    assert (decision.no_tiers, decision.note, decision.no_recommendations) == (
        ["official_sensitive"],
        "Commercial interest",
        False,
    )
    found = restrictions_for(candidate, stroke_review)
    assert found.tiers == {"official_sensitive"} and not found.excluded
    assert describe(found) == ["May not open official-sensitive evidence", "Note: Commercial interest"]


def test_a_restriction_in_words_only_is_refused(cast, stroke_review, candidate, torbay):
    with pytest.raises(ConflictRefused, match="Select what the restriction covers"):
        _restrict(cast, stroke_review, candidate, torbay, note="No access to commercially sensitive papers")
    assert not ConflictDecision.objects.exists()


def test_a_restriction_names_only_known_tiers_and_this_review_s_items(cast, stroke_review, candidate, torbay):
    with pytest.raises(ConflictRefused, match="evidence tiers"):
        _restrict(cast, stroke_review, candidate, torbay, no_tiers=["secret"])
    with pytest.raises(ConflictRefused, match="evidence items of this review"):
        _restrict(cast, stroke_review, candidate, torbay, no_items=[999_999])


def test_a_later_no_action_replaces_the_restriction(cast, stroke_review, candidate):
    """On a medium-severity conflict (the rowing club names Torbay): a high one may not be waved through."""
    place = next(
        s.conflict.key for s in screening_for(candidate, stroke_review).states if s.conflict.key.endswith(":place")
    )
    common = {"keys": [place], "by": cast["manager"]}
    decide_conflicts(candidate, stroke_review, outcome="restrict", no_recommendations=True, rationale="x", **common)
    assert restrictions_for(candidate, stroke_review).recommendations
    decide_conflicts(candidate, stroke_review, outcome="no_action", rationale="A rowing club", **common)
    assert not restrictions_for(candidate, stroke_review)


def test_the_team_records_a_structured_restriction_on_the_screening_page(
    client, cast, stroke_review, candidate, torbay
):
    client.force_login(cast["manager"])
    page = client.get(_url(stroke_review, candidate)).content.decode()
    assert "Evidence they may not open, by confidentiality" in page and "Official-sensitive" in page
    response = client.post(
        _url(stroke_review, candidate),
        {
            "keys": [f"employed:{torbay.pk}"],
            "outcome": "restrict",
            "no_tiers": ["official_sensitive"],
            "no_recommendations": "on",
            "rationale": "Works for a supplier to the trust",
        },
    )
    assert response.status_code == 302
    decision = ConflictDecision.objects.get()
    assert decision.no_tiers == ["official_sensitive"] and decision.no_recommendations
    page = client.get(_url(stroke_review, candidate)).content.decode()
    assert "May not open official-sensitive evidence" in page
    assert "May not agree or vote on the recommendations" in page


def test_the_screening_page_says_what_a_restriction_must_cover(client, cast, stroke_review, candidate, torbay):
    client.force_login(cast["manager"])
    page = client.post(
        _url(stroke_review, candidate),
        {"keys": [f"employed:{torbay.pk}"], "outcome": "restrict", "note": "Be careful", "rationale": "Why"},
    ).content.decode()
    assert "Select what the restriction covers" in page
    assert not ConflictDecision.objects.exists()


@pytest.mark.parametrize(
    ("text", "tiers", "recommendations"),
    [
        ("No access to commercially sensitive papers", ["official_sensitive"], False),
        ("No vote", [], True),
        ("No vote on the recommendations; no draft papers", ["draft"], True),
        ("No access to the finance papers", [], False),
    ],
)
def test_old_free_text_restrictions_are_structured_where_their_words_are_clear(text, tiers, recommendations):
    assert migration.structure(text) == {"no_tiers": tiers, "no_recommendations": recommendations}


def test_a_restriction_in_words_only_is_flagged_to_the_team(client, cast, stroke_review, candidate, torbay):
    """As an old free-text restriction the migration could not read: shown, and flagged as not enforced."""
    key = f"employed:{torbay.pk}"
    ConflictDecision.objects.create(
        request=stroke_review,
        profile=candidate,
        outcome="restrict",
        note="No access to the finance papers",
        rationale="Old decision",
        conflicts=[{"key": key, "rule": "employed", "severity": "high", "reason": "Employed"}],
        by=cast["manager"],
    )
    client.force_login(cast["manager"])
    page = client.get(_url(stroke_review, candidate)).content.decode()
    assert "Note: No access to the finance papers" in page
    assert "Senate cannot enforce it" in page
    assert restrictions_for(candidate, stroke_review).notes == ("No access to the finance papers",)
