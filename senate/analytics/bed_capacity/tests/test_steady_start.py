"""Long-stay pools (rehabilitation, community, mental health) read true: each run starts
from the steady state, so the simulation agrees with Erlang's exact figure however long
the stays and however short the warm-up."""

import numpy as np
import pytest

from senate.analytics.bed_capacity.demand import build_calendar
from senate.analytics.bed_capacity.erlang import erlang_b, mean_occupied_beds, offered_load
from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.simulation import SimulationSettings, simulate, start_distribution

MEAN_STAY = 30.0  # days
LOAD = 28.0  # Erlangs
BEDS = 30


@pytest.mark.parametrize(
    "los",
    [
        LengthOfStay.lognormal(MEAN_STAY, 2.0),
        LengthOfStay.exponential(MEAN_STAY),
        LengthOfStay.fixed(MEAN_STAY),
        LengthOfStay.empirical([2.0, 5.0, 10.0, 20.0, 113.0]),
    ],
    ids=["lognormal-cv2", "exponential", "fixed", "empirical"],
)
@pytest.mark.parametrize("warmup_days", [0, 60])
def test_a_long_stay_pool_matches_erlang(los: LengthOfStay, warmup_days: int) -> None:
    # Starting from empty wards read this pool 3-6% low (7 standard errors) even after a warm-up.
    assert los.mean_days == pytest.approx(MEAN_STAY)
    pool = BedPool(LOAD * 365 / MEAN_STAY, los, BEDS)
    settings = SimulationSettings(replications=400, years=5, warmup_days=warmup_days, seed=3)
    result = simulate(pool, settings, workers=2)
    load = offered_load(pool.admissions_per_year, MEAN_STAY)
    fraction, occupied = result.refusal_fraction, result.mean_occupied_beds
    assert abs(fraction.mean - erlang_b(BEDS, load)) < 3 * fraction.standard_error
    assert abs(occupied.mean - mean_occupied_beds(BEDS, load)) < 3 * occupied.standard_error
    assert fraction.standard_error < 0.015 * erlang_b(BEDS, load)  # tight enough to see a 5% bias


def test_the_start_is_erlangs_truncated_poisson() -> None:
    pool = BedPool(LOAD * 365 / MEAN_STAY, LengthOfStay.exponential(MEAN_STAY), BEDS)
    cdf = start_distribution(build_calendar(pool, 1, 0), pool.mean_stay_days, BEDS)
    probabilities = np.diff(cdf, prepend=0.0)
    # All beds full at a random moment is Erlang B itself (PASTA).
    assert probabilities[BEDS] == pytest.approx(erlang_b(BEDS, LOAD), rel=1e-9)
    assert probabilities.sum() == pytest.approx(1.0)
    assert cdf[-1] == 1.0


def test_an_empty_service_starts_empty() -> None:
    pool = BedPool(0, LengthOfStay.exponential(MEAN_STAY), 5)
    result = simulate(pool, SimulationSettings(replications=2, years=1, warmup_days=0), workers=1)
    assert result.mean_occupied_beds.mean == 0
