"""The search for the fewest beds meeting a target, on plain curves of the chance of finding no bed."""

from senate.analytics.bed_capacity.required import _search
from senate.analytics.bed_capacity.simulation import MAX_BEDS


def _falling(threshold: int) -> object:
    """A chance of no bed that halves with each bed and first meets 0.01 at ``threshold`` beds."""
    return lambda beds: min(1.0, 0.01 * 2.0 ** max(-60, min(60, threshold - beds)))


def test_the_search_finds_the_first_bed_count_meeting_the_target_above_the_start() -> None:
    assert _search(_falling(57), 0.01, start=40) == 57


def test_the_search_finds_it_below_the_start_too() -> None:
    assert _search(_falling(23), 0.01, start=40) == 23


def test_a_target_met_at_the_start_and_not_one_bed_below_is_the_start() -> None:
    assert _search(_falling(40), 0.01, start=40) == 40


def test_a_target_no_number_of_beds_meets_has_no_answer() -> None:
    assert _search(lambda beds: 0.5, 0.01, start=40) is None


def test_a_target_met_with_any_beds_still_asks_for_one_bed() -> None:
    # A pool has at least one bed (BedPool refuses fewer), so the search never answers none.
    assert _search(lambda beds: 0.0, 0.01, start=5) == 1


def test_a_step_curve_is_searched_exactly_whatever_the_straight_line_guesses() -> None:
    # No straight line on a log scale fits a cliff: the search must fall back to halving.
    assert _search(lambda beds: 0.9 if beds < 1_234 else 0.001, 0.01, start=100) == 1_234


def test_the_answer_may_be_the_most_beds_that_can_be_simulated() -> None:
    assert _search(_falling(MAX_BEDS), 0.01, start=MAX_BEDS // 2) == MAX_BEDS
