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


def test_someone_recruited_starts_their_induction_when_appointed(cast):
    """Issue 16: a vacancy filled through fair selection gives the new member their induction checklist
    in the same act, so their first sign-in shows what to do."""
    from senate.recruitment import appointing, selection
    from senate.recruitment.tests.factories import apply, close, open_vacancy, panel_of, score_all

    vacancy = open_vacancy(cast["manager"])
    chosen = apply(vacancy, "Ada Applicant", email="ada.inducted@example.org")
    close(vacancy)
    members = panel_of(vacancy, cast["council"], cast["assembly"])
    score_all(vacancy, members, selection.Step.SHORTLISTING)
    selection.shortlist(vacancy, chosen=[chosen], by=cast["manager"])
    score_all(vacancy, members, selection.Step.INTERVIEW)
    selection.decide(vacancy, chosen=chosen, reasons="Best", feedback={chosen.pk: "Well done"}, by=cast["manager"])
    membership = appointing.appoint_chosen(vacancy, by=cast["manager"])
    items = list(membership.induction_steps.values_list("item", flat=True))
    assert len(items) >= 5, items
