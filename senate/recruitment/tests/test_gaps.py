"""The vacancies the coverage view proposes: professions missing from a body, and terms ending."""

import datetime as dt

from senate.members.models import CLINICAL_PROFESSIONS, Body, MembershipRole, Profession
from senate.members.tests.factories import MembershipFactory
from senate.recruitment import gaps

TODAY = dt.date.today()


def test_a_missing_council_profession_is_proposed_as_a_clinical_role():
    proposed = gaps._professions(Body.COUNCIL, "Council", held=set())
    assert {p.code for p in proposed} == {f"profession:{c}" for c in CLINICAL_PROFESSIONS}
    assert {p.role for p in proposed} == {MembershipRole.CLINICAL}


def test_a_missing_assembly_profession_is_proposed_as_a_recruited_role():
    proposed = gaps._professions(Body.ASSEMBLY, "Assembly", held=set())
    assert {p.role for p in proposed} == {MembershipRole.RECRUITED}


def test_a_profession_the_body_has_is_not_proposed():
    held = {Profession.NURSE}
    assert "profession:nurse" not in {p.code for p in gaps._professions(Body.COUNCIL, "Council", held)}


def test_the_reason_reads_as_english_before_a_vowel_and_a_consonant():
    assert gaps._a("allied health professional") == "an allied health professional"
    assert gaps._a("nurse") == "a nurse"


def test_a_proposed_vacancy_names_its_body():
    [first, *_] = gaps._professions(Body.COUNCIL, "Council", held=set())
    assert first.body_label == "Council"


def test_a_term_ending_after_six_months_is_not_proposed_yet(cast, senate):
    later = MembershipFactory(senate=senate, body=Body.COUNCIL, term_end=TODAY + dt.timedelta(days=200))
    soon = MembershipFactory(senate=senate, body=Body.COUNCIL, term_end=TODAY + dt.timedelta(days=100))
    codes = {p.code for p in gaps.proposed_vacancies(senate, today=TODAY)}
    assert f"term:{soon.pk}" in codes and f"term:{later.pk}" not in codes


def test_a_ppv_members_ending_term_is_proposed_as_a_ppv_role(cast, senate):
    ending = MembershipFactory(
        senate=senate, body=Body.COUNCIL, role=MembershipRole.PPV, term_end=TODAY + dt.timedelta(days=30)
    )
    [proposed] = [p for p in gaps.proposed_vacancies(senate, today=TODAY) if p.code == f"term:{ending.pk}"]
    assert proposed.role == MembershipRole.PPV
