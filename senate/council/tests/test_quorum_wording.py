"""The words a quorum refusal uses, as a plain function: singular and plural, and the Senate's own
minimum named when it has one."""

from senate.council.quorum import Rule, Seat, check


def _seats(*roles):
    return [Seat(key=i, role=role) for i, role in enumerate(roles)]


def test_one_member_taking_part_is_said_in_the_singular():
    verdict = check(rule=Rule(min_ppv=0), council_size=4, present=_seats("chair"))
    assert verdict.reasons == ("1 Council member can take part but 2 are needed (50% of 4).",)


def test_the_senates_minimum_is_named_when_it_has_one():
    verdict = check(rule=Rule(share_percent=25, min_members=3, min_ppv=0), council_size=4, present=_seats("chair"))
    assert verdict.reasons == ("1 Council member can take part but 3 are needed (25% of 4, and at least 3).",)


def test_when_two_patient_voices_are_needed_the_refusal_says_are():
    verdict = check(rule=Rule(min_ppv=2), council_size=2, present=_seats("chair", "ppv"))
    assert verdict.reasons == ("1 patient and public voice member can take part; at least 2 are needed.",)


def test_a_senate_that_does_not_need_the_chair_is_quorate_without_them():
    assert check(rule=Rule(needs_chair=False), council_size=4, present=_seats("clinical", "ppv")).quorate


def test_every_failing_condition_is_given_at_once():
    verdict = check(rule=Rule(), council_size=6, present=_seats("clinical"))
    assert len(verdict.reasons) == 3 and not verdict.quorate


def test_a_share_that_is_not_a_whole_number_of_members_rounds_up():
    verdict = check(rule=Rule(min_ppv=0), council_size=5, present=_seats("chair", "clinical"))
    assert verdict.needed == 3 and not verdict.quorate
