"""An excluded member cannot be invited; nor can one whose conflicts nobody has decided on."""

import pytest

from senate.interests.decisions import (
    InvitationRefused,
    can_be_invited,
    decide_conflicts,
    dismiss_conflict,
    ensure_can_be_invited,
    screening_for,
)
from senate.interests.models import Kind
from senate.interests.tests.factories import declared
from senate.members.tests.factories import MemberProfileFactory


def _keys(review, profile):
    return [s.conflict.key for s in screening_for(profile, review).states]


def test_a_member_without_conflicts_can_be_invited(stroke_review):
    profile = MemberProfileFactory()
    declared(profile, kind=Kind.NIL)
    allowed, reason = can_be_invited(profile, stroke_review)
    assert allowed and "no undecided conflicts" in reason


def test_undecided_conflicts_block_an_invitation(stroke_review, candidate):
    allowed, reason = can_be_invited(candidate, stroke_review)
    assert not allowed and "2 possible conflicts of interest awaiting a decision" in reason


def test_the_excluded_member_is_refused_an_invitation(cast, stroke_review, candidate):
    decide_conflicts(
        candidate,
        stroke_review,
        keys=_keys(stroke_review, candidate),
        outcome="exclude",
        rationale="Works for the trust",
        by=cast["manager"],
    )
    with pytest.raises(InvitationRefused, match="excluded from this review.*Works for the trust"):
        ensure_can_be_invited(candidate, stroke_review)


def test_a_restricted_member_may_be_invited_with_the_restriction(cast, stroke_review, candidate):
    employed, place = sorted(_keys(stroke_review, candidate))[::-1]
    decide_conflicts(
        candidate,
        stroke_review,
        keys=[employed],
        outcome="restrict",
        no_recommendations=True,
        rationale="Clinical lead elsewhere in the trust",
        by=cast["manager"],
    )
    dismiss_conflict(candidate, stroke_review, key=place, reason="A rowing club", by=cast["manager"])
    allowed, reason = can_be_invited(candidate, stroke_review)
    assert allowed and "May not agree or vote on the recommendations" in reason
    ensure_can_be_invited(candidate, stroke_review)
