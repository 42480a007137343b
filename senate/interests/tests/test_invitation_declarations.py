"""A member who has never declared, or whose declaration is overdue, cannot be invited to a panel
(docs/domain.md §9.3; issue 14, item 4)."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.interests.decisions import InvitationRefused, can_be_invited, ensure_can_be_invited
from senate.interests.due import declaration_refusal
from senate.interests.models import Kind
from senate.interests.tests.factories import declared
from senate.members.tests.factories import MembershipFactory


def _member(name):
    return MembershipFactory(profile__user__full_name=name, term_start=dt.date.today() - dt.timedelta(days=400)).profile


def test_a_member_who_never_declared_is_refused_with_the_reason(stroke_review):
    profile = _member("Nell Neverdeclared")
    allowed, reason = can_be_invited(profile, stroke_review)
    assert not allowed and reason == "Nell Neverdeclared has never declared their interests"
    with pytest.raises(InvitationRefused, match="never declared"):
        ensure_can_be_invited(profile, stroke_review)


def test_a_member_whose_declaration_is_overdue_is_refused_with_the_reason(stroke_review):
    profile = _member("Owen Overdue")
    long_ago = timezone.now() - dt.timedelta(days=800)
    declared(profile, kind=Kind.NIL, recorded_at=long_ago)
    allowed, reason = can_be_invited(profile, stroke_review)
    assert not allowed
    assert reason.startswith("Owen Overdue's declaration of interests is overdue:") and "was due on" in reason


def test_a_member_with_a_current_declaration_may_be_invited(stroke_review):
    profile = _member("Dee Declared")
    declared(profile, kind=Kind.NIL)
    assert declaration_refusal(profile, today=dt.date.today()) == ""
    assert can_be_invited(profile, stroke_review)[0]
