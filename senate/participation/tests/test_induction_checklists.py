"""Induction checklists by role, and ticking items off."""

import pytest

from senate.core.models import AuditEvent
from senate.members.models import Body, MembershipRole
from senate.members.tests.factories import MembershipFactory
from senate.participation import induction
from senate.participation.models import InductionItem as Item
from senate.participation.models import InductionStep


def test_a_patient_and_public_voice_member_learns_about_payments_and_expenses():
    assert induction.checklist_for(MembershipRole.PPV)[-1] == Item.PPV_ROLE
    assert Item.CHAIRING not in induction.checklist_for(MembershipRole.PPV)


@pytest.mark.parametrize("role", [MembershipRole.CHAIR, MembershipRole.VICE_CHAIR])
def test_the_chair_and_vice_chair_learn_about_chairing(role):
    assert Item.CHAIRING in induction.checklist_for(role)


def test_a_clinical_member_gets_the_checklist_everyone_gets():
    assert induction.checklist_for(MembershipRole.CLINICAL) == induction.EVERYONE


def test_ticking_an_item_twice_keeps_the_first_time_and_records_it_once(senate):
    m = MembershipFactory(senate=senate, body=Body.COUNCIL, role=MembershipRole.CLINICAL)
    induction.start_induction(m)
    step = m.induction_steps.get(item=Item.CODE_OF_CONDUCT)
    induction.complete_step(step, by=m.profile.user)
    first = step.completed_at
    induction.complete_step(InductionStep.objects.get(pk=step.pk), by=m.profile.user)
    assert InductionStep.objects.get(pk=step.pk).completed_at == first
    assert AuditEvent.objects.filter(action="participation.induction_item_completed").count() == 1


def test_a_ticked_item_says_when_it_was_completed_and_the_rest_say_nothing(senate):
    m = MembershipFactory(senate=senate, body=Body.COUNCIL, role=MembershipRole.CLINICAL)
    induction.start_induction(m)
    induction.complete_step(m.induction_steps.get(item=Item.CONFIDENTIALITY), by=None)
    rows = {r.step.item: r for r in induction.rows(induction.steps_with_progress(m.induction_steps.all()))}
    assert rows[Item.CONFIDENTIALITY].done and rows[Item.CONFIDENTIALITY].how.startswith("Completed ")
    assert (rows[Item.CODE_OF_CONDUCT].done, rows[Item.CODE_OF_CONDUCT].how) == (False, "")
    assert (rows[Item.DECLARATIONS].done, rows[Item.DECLARATIONS].how) == (False, "")


def test_every_item_has_guidance_for_the_member():
    assert set(induction.GUIDANCE) == set(Item)


def test_starting_an_induction_is_recorded_once(senate):
    m = MembershipFactory(senate=senate, body=Body.ASSEMBLY, role=MembershipRole.RECRUITED)
    induction.start_induction(m)
    induction.start_induction(m)
    assert AuditEvent.objects.filter(action="participation.induction_started").count() == 1
