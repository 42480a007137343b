"""The skills a member brings to a panel's rules: profession, patient voice, Council membership, and
only from memberships in force on the day."""

import datetime as dt

from senate.members.models import Body, MembershipRole, Profession
from senate.members.tests.factories import MemberProfileFactory, MembershipFactory
from senate.panels import skills

TODAY = dt.date.today()


def test_a_council_member_counts_as_one_who_may_chair_for_their_own_senate_only(cast, senate, other_senate):
    profile = MemberProfileFactory()
    MembershipFactory(profile=profile, senate=senate, body=Body.COUNCIL, role=MembershipRole.CLINICAL)
    assert skills.COUNCIL in skills.skills_of(profile, council_of=senate.pk)
    assert skills.COUNCIL not in skills.skills_of(profile, council_of=other_senate.pk)


def test_a_patient_and_public_voice_role_counts_as_patient_voice_whatever_the_profession(cast, senate):
    profile = MemberProfileFactory(profession=Profession.DOCTOR)
    MembershipFactory(profile=profile, senate=senate, role=MembershipRole.PPV)
    assert skills.PPV in skills.skills_of(profile)


def test_a_patient_voice_role_that_has_ended_no_longer_counts(cast, senate):
    profile = MemberProfileFactory(profession=Profession.DOCTOR)
    MembershipFactory(
        profile=profile,
        senate=senate,
        role=MembershipRole.PPV,
        term_start=TODAY - dt.timedelta(days=400),
        term_end=TODAY + dt.timedelta(days=400),
        ended_on=TODAY,
    )
    assert skills.PPV not in skills.skills_of(profile)


def test_a_members_profession_is_a_skill(cast):
    assert "profession:doctor" in skills.skills_of(MemberProfileFactory(profession=Profession.DOCTOR))


def test_a_council_skill_is_labelled_as_the_chair(cast):
    assert skills.skill_label(skills.COUNCIL) == "Clinical Council member (to chair)"


def test_a_skill_is_labelled_without_its_kind(cast):
    assert skills.skill_label(skills.PPV) == "Patient and public voice"
    assert skills.skill_label("profession:nurse", {"profession:nurse": "Profession: Nurse"}) == "Nurse"


def test_an_unknown_skill_is_shown_as_it_is(cast):
    assert skills.skill_label("juggling", {}) == "juggling"


def test_patient_voice_is_the_first_skill_offered(cast):
    assert skills.skill_choices()[0] == (skills.PPV, "Patient and public voice")
