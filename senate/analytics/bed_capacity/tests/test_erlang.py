"""Erlang loss formulas: exact, stable for thousands of beds, and matching textbook values."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import poisson

from senate.analytics.bed_capacity.erlang import (
    beds_at_target_occupancy,
    beds_for_refusal_probability,
    erlang_b,
    erlang_b_curve,
    erlang_b_reference,
    mean_occupied_beds,
    offered_load,
    refusal_curve,
    refused_per_year,
)

# Below this both formulas are at the edge of double precision; the point is
# that the recursion stays exact wherever the answer is representable.
_TINY = 1e-250


@settings(max_examples=300, deadline=None, database=None)
@given(
    beds=st.integers(min_value=0, max_value=6000),
    load=st.floats(min_value=1e-3, max_value=8000, allow_nan=False, allow_infinity=False),
)
def test_recursion_matches_log_gamma_sum(beds: int, load: float) -> None:
    b = erlang_b(beds, load)
    ref = erlang_b_reference(beds, load)
    assert 0.0 <= b <= 1.0
    if ref > _TINY:
        assert b == pytest.approx(ref, rel=1e-9)
    else:
        assert b < 1e-240


@settings(max_examples=200, deadline=None, database=None)
@given(
    beds=st.integers(min_value=1, max_value=5000),
    ratio=st.floats(min_value=0.3, max_value=1.5),
)
def test_recursion_matches_truncated_poisson(beds: int, ratio: float) -> None:
    # B(n, a) = P(N = n) / P(N <= n) for N ~ Poisson(a): a third route, via scipy.
    load = beds * ratio
    log_ref = poisson.logpmf(beds, load) - poisson.logcdf(beds, load)
    if log_ref > math.log(_TINY):
        assert erlang_b(beds, load) == pytest.approx(math.exp(log_ref), rel=1e-9)


@pytest.mark.parametrize(
    ("beds", "load", "expected", "rel"),
    [
        (1, 1.0, 0.5, 1e-15),  # a / (1 + a)
        (2, 1.0, 0.2, 1e-15),  # (a^2/2) / (1 + a + a^2/2)
        (10, 5.0, 0.018384, 5e-5),  # standard Erlang B table
        (20, 15.0, 0.04559, 2e-4),
    ],
)
def test_textbook_values(beds: int, load: float, expected: float, rel: float) -> None:
    assert erlang_b(beds, load) == pytest.approx(expected, rel=rel)


def test_thousands_of_beds_stay_finite_and_exact() -> None:
    curve = erlang_b_curve(6000, 5500.0)
    assert np.all(np.isfinite(curve))
    assert np.all(np.diff(curve) < 0)  # more beds, fewer refusals
    assert curve[6000] == pytest.approx(erlang_b_reference(6000, 5500.0), rel=1e-9)
    assert curve[6000] > 0


def test_zero_load_and_zero_beds() -> None:
    assert erlang_b(0, 3.0) == 1.0  # no beds: everybody is refused
    assert erlang_b(5, 0.0) == 0.0
    assert erlang_b_reference(5, 0.0) == 0.0


def test_offered_load_and_occupied_beds() -> None:
    load = offered_load(40_000, 5.0)
    assert load == pytest.approx(40_000 / 365 * 5.0)
    b = erlang_b(600, load)
    assert mean_occupied_beds(600, load) == pytest.approx(load * (1 - b))
    assert refused_per_year(40_000, 600, load) == pytest.approx(40_000 * b)


def test_beds_at_target_occupancy_is_the_rule_of_thumb() -> None:
    assert beds_at_target_occupancy(85.0, 0.85) == 100  # exactly 85% must not round up to 101
    assert beds_at_target_occupancy(85.1, 0.85) == 101
    assert beds_at_target_occupancy(547.945, 0.85) == math.ceil(547.945 / 0.85)


@pytest.mark.parametrize("probability", [0.01, 0.001])
@pytest.mark.parametrize("load", [3.0, 17.0, 548.0, 4000.0])
def test_smallest_beds_under_a_refusal_probability(load: float, probability: float) -> None:
    n = beds_for_refusal_probability(load, probability)
    assert erlang_b(n, load) < probability <= erlang_b(n - 1, load)


def test_refusal_curve_falls_with_beds() -> None:
    beds, refused = refusal_curve(40_000, 5.0, range(500, 701))
    assert beds[0] == 500 and beds[-1] == 700
    assert np.all(np.diff(refused) < 0)
    assert refused[100] == pytest.approx(40_000 * erlang_b(600, offered_load(40_000, 5.0)))


def test_small_unit_turns_away_far_more_at_the_same_occupancy() -> None:
    # The 85% rule treats these alike; Jones (2011) and Bagust et al. (1999) do not.
    small = erlang_b(20, 0.85 * 20)
    large = erlang_b(400, 0.85 * 400)
    assert small > 0.08  # about 1 admission in 12 finds no bed
    assert large < 0.001
    assert small > 100 * large


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="beds"):
        erlang_b(-1, 2.0)
    with pytest.raises(ValueError, match="load"):
        erlang_b(3, -2.0)
    with pytest.raises(ValueError, match="target_occupancy"):
        beds_at_target_occupancy(10, 1.5)
