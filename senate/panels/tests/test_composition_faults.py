"""What the Senate team is told when the members who accepted fall short of the panel's specification."""

from senate.panels.checks import Seat, composition_faults

NURSE = Seat(frozenset({"profession:nurse"}), out_of_region=False)
VOICE = Seat(frozenset({"ppv"}), out_of_region=False)
VISITOR = Seat(frozenset({"profession:nurse"}), out_of_region=True)


def _faults(seats, **rules):
    values = {"min_size": 0, "rules": [], "min_out_of_region": 0, "out_of_region_only": False} | rules
    return composition_faults(seats, **values)


def test_a_panel_that_meets_its_specification_has_no_faults():
    assert _faults([NURSE, VOICE], min_size=2, rules=[("ppv", 1, "a patient voice")]) == []


def test_too_few_accepted_members_says_how_many_have_so_far():
    assert _faults([NURSE], min_size=3) == ["The panel needs at least 3 members who have accepted; 1 have so far"]


def test_a_missing_skill_is_named_by_its_label():
    assert _faults([NURSE], rules=[("ppv", 1, "Patient and public voice")]) == [
        "The panel needs 1 (Patient and public voice) among those who have accepted; it has 0"
    ]


def test_each_unmet_rule_is_its_own_fault():
    rules = [("ppv", 1, "a patient voice"), ("profession:nurse", 2, "nurses")]
    assert len(_faults([NURSE], rules=rules)) == 2


def test_too_few_from_outside_the_region_says_how_many_there_are():
    assert _faults([NURSE, VISITOR], min_out_of_region=2) == [
        "The panel needs 2 members from outside the region; it has 1"
    ]


def test_a_panel_that_must_come_from_outside_counts_those_who_do_not():
    assert _faults([NURSE, VOICE, VISITOR], out_of_region_only=True) == [
        "Every member must come from outside the region; 2 do not"
    ]


def test_a_panel_wholly_from_outside_the_region_meets_that_rule():
    assert _faults([VISITOR], out_of_region_only=True, min_out_of_region=1) == []
