"""The panel's agreement rule as plain values: seats are stand-ins with a number and a name."""

from dataclasses import dataclass

import pytest

from senate.reports.agreement import Agreement, JudgementRefused, Seating, mark


@dataclass(frozen=True)
class Seat:
    """A panel seat as the rule reads it: its number and the member's name."""

    pk: int
    profile: str


def _seats(*names):
    return [Seat(pk=i, profile=name) for i, name in enumerate(names, start=1)]


def _positions(marked):
    return {m.seat.profile: m.position for m in marked}


@pytest.mark.parametrize(("seated", "needed"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3)])
def test_more_than_half_of_those_who_may_take_part_must_agree(seated, needed):
    assert Seating(may_take_part=_seats(*"ABCDE"[:seated]), excluded=[]).needed == needed


def test_a_member_left_unmarked_did_not_take_part_but_still_counts_towards_the_bar():
    ann, bob, cat, dan = _seats("Ann", "Bob", "Cat", "Dan")
    seated = Seating(may_take_part=[ann, bob, cat, dan], excluded=[])
    with pytest.raises(JudgementRefused, match="3 of 4 must be recorded as agreeing, and 2 are"):
        mark(seated, agreed=[ann, bob], dissents={})
    marked = mark(seated, agreed=[ann, bob, cat], dissents={})
    assert _positions(marked) == {"Ann": "agreed", "Bob": "agreed", "Cat": "agreed", "Dan": "absent"}


def test_the_refusal_says_is_for_one_member_agreeing():
    seated = Seating(may_take_part=_seats("Ann", "Bob", "Cat"), excluded=[])
    with pytest.raises(JudgementRefused, match="2 of 3 must be recorded as agreeing, and 1 is"):
        mark(seated, agreed=[seated.may_take_part[0]], dissents={})


def test_a_member_excluded_by_restriction_cannot_be_marked_as_agreeing():
    ann, bob = _seats("Ann", "Bob")
    with pytest.raises(JudgementRefused, match="Bob is excluded from this judgement by their restriction"):
        mark(Seating(may_take_part=[ann], excluded=[bob]), agreed=[ann, bob], dissents={})


def test_someone_not_on_the_panel_cannot_be_marked():
    (ann,) = _seats("Ann")
    with pytest.raises(JudgementRefused, match="Mark only members who have accepted a place on this panel"):
        mark(Seating(may_take_part=[ann], excluded=[]), agreed=[ann, 99], dissents={})


def test_a_member_cannot_both_agree_and_dissent():
    ann, bob, cat = _seats("Ann", "Bob", "Cat")
    with pytest.raises(JudgementRefused, match="Ann cannot both agree and dissent"):
        mark(Seating(may_take_part=[ann, bob, cat], excluded=[]), agreed=[ann, bob], dissents={ann: "No"})


def test_a_dissent_needs_the_members_view():
    ann, bob, cat = _seats("Ann", "Bob", "Cat")
    with pytest.raises(JudgementRefused, match="Enter Cat's view, as they dissent"):
        mark(Seating(may_take_part=[ann, bob, cat], excluded=[]), agreed=[ann, bob], dissents={cat: "  "})


def test_a_panel_with_nobody_free_to_take_part_cannot_judge():
    (bob,) = _seats("Bob")
    with pytest.raises(JudgementRefused, match="No member of the panel may take part in this judgement"):
        mark(Seating(may_take_part=[], excluded=[bob]), agreed=[], dissents={})


def test_excluded_members_are_recorded_as_excluded_and_dissents_with_their_view():
    ann, bob, cat, dan = _seats("Ann", "Bob", "Cat", "Dan")
    marked = mark(Seating(may_take_part=[ann, bob, cat], excluded=[dan]), agreed=[ann, bob], dissents={cat: " Unsafe "})
    assert _positions(marked)["Dan"] == "excluded"
    assert [m.view for m in marked if m.position == "dissented"] == ["Unsafe"]


def test_a_judgement_recorded_before_agreement_was_kept_says_so():
    assert Agreement([], [], [], []).sentences() == ["Who agreed was not recorded with this judgement."]


def test_the_report_says_who_agreed_out_of_those_who_could_and_who_did_not_take_part():
    lines = Agreement(
        agreed=["Ann", "Bob"], dissented=[("Cat", "Unsafe")], excluded=["Dan"], absent=["Eve"]
    ).sentences()
    assert lines == [
        "Agreed by 2 of the 4 members who could take part: Ann, Bob.",
        "Cat dissented: Unsafe",
        "Excluded by restriction: Dan.",
        "Did not take part: Eve.",
    ]
