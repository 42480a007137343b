"""Quorum per item after recusals, as a plain function (no database)."""

from hypothesis import given
from hypothesis import strategies as st

from senate.council.quorum import Rule, Seat, check, needed

ROLES = ["chair", "vice_chair", "clinical", "ppv", "nominated", "recruited"]
DEFAULT = Rule()


def _seats(*roles):
    return [Seat(key=i, role=role) for i, role in enumerate(roles)]


def test_half_the_council_with_the_chair_and_a_ppv_member_is_quorate():
    verdict = check(rule=DEFAULT, council_size=6, present=_seats("chair", "clinical", "ppv"))
    assert verdict.quorate and verdict.reasons == () and verdict.needed == 3


def test_a_recusal_that_drops_below_half_loses_quorum_and_says_why():
    verdict = check(rule=DEFAULT, council_size=6, present=_seats("chair", "clinical", "ppv"), recused={1})
    assert not verdict.quorate
    assert verdict.reasons == ("2 Council members can take part but 3 are needed (50% of 6).",)


def test_without_the_chair_or_vice_chair_it_is_not_quorate():
    verdict = check(rule=DEFAULT, council_size=4, present=_seats("clinical", "clinical", "ppv", "clinical"))
    assert verdict.reasons == (
        "Neither the Chair nor the Vice-chair can take part, and no acting chair has been chosen.",
    )


def test_an_acting_chair_chosen_for_the_item_takes_the_chairs_place():
    seats = _seats("chair", "vice_chair", "clinical", "ppv", "clinical")
    without = check(rule=DEFAULT, council_size=5, present=seats, recused={0, 1})
    assert not without.quorate
    assert check(rule=DEFAULT, council_size=5, present=seats, recused={0, 1}, acting_chair=2).quorate
    # An acting chair who is out of the item through a declared interest does not count.
    assert not check(rule=DEFAULT, council_size=5, present=seats, recused={0, 1, 2}, acting_chair=2).quorate


def test_the_vice_chair_stands_in_for_the_chair():
    assert check(rule=DEFAULT, council_size=4, present=_seats("vice_chair", "clinical", "ppv")).quorate


def test_a_recused_ppv_member_means_no_patient_voice():
    verdict = check(rule=DEFAULT, council_size=4, present=_seats("chair", "clinical", "ppv", "clinical"), recused={2})
    assert verdict.reasons == ("0 patient and public voice members can take part; at least 1 is needed.",)


def test_the_senate_can_set_a_minimum_number_as_well_as_a_share():
    rule = Rule(share_percent=25, min_members=5, min_ppv=0)
    assert needed(rule=rule, council_size=8) == 5
    assert not check(rule=rule, council_size=8, present=_seats("chair", "clinical", "clinical", "clinical")).quorate


seats = st.lists(st.sampled_from(ROLES), max_size=12).map(lambda roles: _seats(*roles))
rules = st.builds(
    Rule,
    share_percent=st.integers(1, 100),
    min_members=st.integers(0, 10),
    needs_chair=st.booleans(),
    min_ppv=st.integers(0, 3),
)


@given(rule=rules, present=seats, extra=st.integers(0, 10), recused=st.sets(st.integers(0, 11)))
def test_quorate_exactly_when_every_condition_holds_among_those_not_recused(rule, present, extra, recused):
    size = len(present) + extra
    verdict = check(rule=rule, council_size=size, present=present, recused=recused)
    counting = [s for s in present if s.key not in recused]
    expected = (
        len(counting) >= needed(rule=rule, council_size=size)
        and (not rule.needs_chair or any(s.role in ("chair", "vice_chair") for s in counting))
        and sum(s.role == "ppv" for s in counting) >= rule.min_ppv
    )
    assert verdict.quorate == expected
    assert verdict.counted == len(counting)
    assert bool(verdict.reasons) == (not verdict.quorate)


@given(rule=rules, present=seats, recused=st.sets(st.integers(0, 11)), more=st.sets(st.integers(0, 11)))
def test_more_recusals_never_make_an_item_quorate(rule, present, recused, more):
    size = len(present)
    fewer = check(rule=rule, council_size=size, present=present, recused=recused)
    after = check(rule=rule, council_size=size, present=present, recused=recused | more)
    assert not (after.quorate and not fewer.quorate)
    assert after.counted <= fewer.counted


@given(rule=rules, present=seats)
def test_absent_members_still_count_towards_the_size_of_the_council(rule, present):
    bigger = check(rule=rule, council_size=len(present) + 20, present=present)
    smaller = check(rule=rule, council_size=len(present), present=present)
    assert bigger.needed >= smaller.needed
    assert not (bigger.quorate and not smaller.quorate)
