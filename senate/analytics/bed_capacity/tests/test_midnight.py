"""Occupancy as a hospital sees it: the midnight census, its spread, and nights a year above
85%, 92% and 95% occupied, agreeing with Erlang's distribution at steady demand."""

import math

import numpy as np
import pytest
from scipy.special import gammaln

from senate.analytics.bed_capacity.erlang import erlang_b
from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.simulation import SimulationSettings, simulate

BEDS, LOAD = 10, 8.0


def erlang_occupancy() -> np.ndarray:
    k = np.arange(BEDS + 1)
    weights = np.exp(k * math.log(LOAD) - gammaln(k + 1.0))
    return weights / weights.sum()


@pytest.fixture(scope="module")
def midnight():
    pool = BedPool(LOAD * 365, LengthOfStay.lognormal(1.0, 1.5), BEDS)
    return simulate(pool, SimulationSettings(replications=200, years=5, warmup_days=30, seed=2), workers=2).midnight


def test_nights_full_match_erlang(midnight) -> None:
    # At steady demand the chance all beds are full at a given moment is Erlang B itself.
    expected = erlang_b(BEDS, LOAD) * 365
    assert abs(midnight.days_full.mean - expected) < 3 * midnight.days_full.standard_error
    assert midnight.days_full.standard_error < 0.02 * expected


def test_nights_above_each_level_match_the_stationary_distribution(midnight) -> None:
    p = erlang_occupancy()
    for level, nights in midnight.days_above:
        expected = p[np.arange(BEDS + 1) > level * BEDS].sum() * 365
        assert abs(nights.mean - expected) < 3 * nights.standard_error, level


def test_the_spread_is_in_beds_and_ordered(midnight) -> None:
    centiles = dict(midnight.centiles)
    assert list(centiles) == [5, 25, 50, 75, 95]
    assert 0 <= centiles[5] <= centiles[50] <= centiles[95] <= BEDS
    median = int(np.searchsorted(np.cumsum(erlang_occupancy()), 0.5))
    assert centiles[50] == median


def test_the_census_is_in_the_comparison_json(midnight) -> None:
    shown = midnight.to_dict()
    assert set(shown["days_above"]) == {"0.85", "0.92", "0.95"}
    assert shown["centiles"]["50"] == dict(midnight.centiles)[50]
