import pytest

from senate.interests.models import Kind
from senate.interests.tests.factories import declared
from senate.members.models import Membership, MembershipRole
from senate.participation import induction
from senate.participation.models import InductionItem, InductionStep


def test_each_role_gets_its_checklist_once(cast):
    m = Membership.objects.get(profile__user=cast["council"])
    m.role = MembershipRole.PPV
    steps = induction.start_induction(m, by=cast["manager"])
    assert [s.item for s in steps] == [*induction.EVERYONE, InductionItem.PPV_ROLE]
    induction.start_induction(m, by=cast["manager"])
    assert InductionStep.objects.filter(membership=m).count() == 6


def test_declaring_completes_its_item_and_cannot_be_ticked(cast):
    m = Membership.objects.get(profile__user=cast["council"])
    induction.start_induction(m, by=cast["manager"])
    steps = InductionStep.objects.filter(membership=m, item=InductionItem.DECLARATIONS)
    assert [r.done for r in induction.rows(induction.steps_with_progress(steps))] == [False]
    with pytest.raises(induction.InductionRefused):
        induction.complete_step(steps.get(), by=cast["council"])
    declared(m.profile, kind=Kind.NIL)
    assert [r.done for r in induction.rows(induction.steps_with_progress(steps))] == [True]
