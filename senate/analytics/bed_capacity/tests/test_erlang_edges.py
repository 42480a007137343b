"""Erlang figures at their edges: empty pools, no demand, bad sizes and loads."""

import math

import numpy as np
import pytest

from senate.analytics.bed_capacity.erlang import (
    beds_at_target_occupancy,
    beds_for_refusal_probability,
    erlang_b,
    erlang_b_direct,
    erlang_b_reference,
    mean_occupied_beds,
    offered_load,
    refusal_curve,
    refused_per_year,
)


def test_a_pool_of_no_beds_turns_every_patient_away() -> None:
    assert erlang_b(0, 7.5) == 1.0
    assert erlang_b_direct(0, 7.5) == 1.0


def test_with_no_demand_a_pool_of_beds_never_turns_anyone_away() -> None:
    assert erlang_b_direct(5, 0.0) == 0.0
    assert erlang_b_reference(5, 0.0) == 0.0


def test_one_bed_turns_away_the_share_load_over_one_plus_load() -> None:
    # B(1, a) = a / (1 + a): the one-server loss system.
    assert erlang_b(1, 3.0) == pytest.approx(0.75)


def test_an_infinite_load_is_refused() -> None:
    with pytest.raises(ValueError, match="offered load must be a finite number"):
        erlang_b(10, math.inf)


def test_a_load_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="offered load"):
        erlang_b_direct(10, math.nan)


def test_a_negative_pool_is_refused_by_every_route() -> None:
    for formula in (erlang_b, erlang_b_direct, erlang_b_reference):
        with pytest.raises(ValueError, match=r"beds must be zero or more \(got -1\)"):
            formula(-1, 2.0)


def test_the_direct_formula_agrees_far_below_the_load_where_it_sums_the_series() -> None:
    # 10 beds for 900 Erlangs: the incomplete gamma underflows and the series is used.
    assert erlang_b_direct(10, 900.0) == pytest.approx(erlang_b(10, 900.0), rel=1e-9)


def test_an_empty_pool_carries_no_patients() -> None:
    assert mean_occupied_beds(0, 4.0) == 0.0


def test_a_huge_pool_carries_the_whole_load() -> None:
    assert mean_occupied_beds(200, 20.0) == pytest.approx(20.0)


def test_refused_a_year_is_admissions_times_the_chance_of_no_bed() -> None:
    assert refused_per_year(1_000, 1, 3.0) == pytest.approx(750.0)


def test_offered_load_is_admissions_a_day_times_the_stay() -> None:
    assert offered_load(3_650, 2.0) == pytest.approx(20.0)


def test_the_rule_of_thumb_never_offers_fewer_than_one_bed() -> None:
    assert beds_at_target_occupancy(0.0, 0.85) == 1


def test_the_rule_of_thumb_at_full_occupancy_is_the_load_rounded_up() -> None:
    assert beds_at_target_occupancy(10.2, 1.0) == 11


@pytest.mark.parametrize("target", [0.0, 1.01, -0.5])
def test_a_target_occupancy_out_of_range_is_refused(target: float) -> None:
    with pytest.raises(ValueError, match="target_occupancy must be above 0"):
        beds_at_target_occupancy(10.0, target)


@pytest.mark.parametrize("chance", [0.0, 1.0])
def test_a_refusal_target_of_never_or_always_is_refused(chance: float) -> None:
    with pytest.raises(ValueError, match="max_probability must be between 0 and 1"):
        beds_for_refusal_probability(10.0, chance)


def test_with_no_demand_one_bed_meets_any_refusal_target() -> None:
    assert beds_for_refusal_probability(0.0, 0.01) == 1


def test_a_negative_load_is_refused_when_sizing_for_a_target() -> None:
    with pytest.raises(ValueError, match="offered load"):
        beds_for_refusal_probability(-1.0, 0.01)


def test_an_empty_range_of_sizes_is_refused() -> None:
    with pytest.raises(ValueError, match="beds must be a non-empty range"):
        refusal_curve(1_000, 5.0, range(0))


def test_a_negative_size_in_the_curve_is_refused() -> None:
    with pytest.raises(ValueError, match="beds must be a non-empty range"):
        refusal_curve(1_000, 5.0, np.array([-1, 3]))


def test_the_curve_answers_for_the_sizes_asked_in_their_order() -> None:
    sizes, refused = refusal_curve(3_650, 1.0, np.array([3, 0, 1]))
    assert list(sizes) == [3, 0, 1]
    assert refused[1] == pytest.approx(3_650.0)  # no beds: everyone
    assert refused[0] < refused[2]
