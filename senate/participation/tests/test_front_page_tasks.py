"""Participation's tasks on a Senate's front page, for the team and for a member."""

import datetime as dt

from senate.members.models import Membership, MembershipRole
from senate.participation import home, terms
from senate.participation.tests.factories import ClaimFactory

TODAY = dt.date.today()


def _texts(user, senate):
    return [t.text for t in home.tasks(user, senate, TODAY)]


def test_the_team_is_asked_to_decide_the_claims_waiting(cast, senate):
    ClaimFactory()
    ClaimFactory()
    assert "Decide 2 involvement payment and expenses claims" in _texts(cast["manager"], senate)


def test_one_claim_waiting_is_said_in_the_singular(cast, senate):
    ClaimFactory()
    assert "Decide 1 involvement payment and expenses claim" in _texts(cast["manager"], senate)


def test_a_decided_claim_leaves_no_task(cast, senate):
    claim = ClaimFactory()
    claim.status = claim.Status.APPROVED
    claim.save()
    assert _texts(cast["manager"], senate) == []


def test_a_member_is_not_shown_the_teams_tasks(cast, senate):
    ClaimFactory()
    assert _texts(cast["council"], senate) == []


def test_a_member_who_has_said_whether_they_continue_is_not_asked_again(cast, senate):
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_end = TODAY + dt.timedelta(days=20)
    m.save()
    terms.state_wish(membership=m, wishes_to_continue=True, note="", by=cast["council"])
    assert "Tell the Senate team whether you wish to continue" not in _texts(cast["council"], senate)


def test_a_member_whose_term_is_far_from_ending_is_not_asked(cast, senate):
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_end = TODAY + dt.timedelta(days=senate.term_warning_days + 1)
    m.save()
    assert _texts(cast["council"], senate) == []


def test_a_ppv_member_sees_their_induction_items_left_excluding_declaring(cast, senate):
    from senate.participation import induction

    m = Membership.objects.get(profile__user=cast["council"])
    m.role = MembershipRole.PPV
    m.save()
    induction.start_induction(m)
    expected = len(induction.checklist_for(MembershipRole.PPV)) - 1
    assert f"Complete your induction ({expected} items left)" in _texts(cast["council"], senate)
