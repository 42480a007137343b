"""Erlang loss (Erlang B) formulas for a pool of beds at steady demand.

A bed pool where an admission that finds every bed full goes elsewhere is an
M/G/c/c loss system. Its probability of finding no bed depends on the length
of stay only through the mean (insensitivity), so the Erlang B formula holds
for any LOS distribution *when demand is steady*. Bagust, Place & Posnett
(BMJ 1999) used this model to show that risk rises steeply well below 100%
occupancy and that small units need far more headroom than large ones; Jones
(2011) showed that at any occupancy the turn-away rate falls with size.

The steady-demand figures are a floor: weekly and seasonal swings make things
worse, which is what the simulation in ``simulation.py`` measures.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from scipy.special import gammaincc, gammaln, logsumexp

from .model import DAYS_PER_YEAR

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def offered_load(admissions_per_year: float, mean_los_days: float) -> float:
    """Offered load in Erlangs: admissions a day times mean stay in days.

    It is the mean number of beds that would be occupied if no admission were
    ever turned away.
    """
    return admissions_per_year / DAYS_PER_YEAR * mean_los_days


def erlang_b_curve(max_beds: int, load: float) -> FloatArray:
    """Erlang B for every pool size 0..max_beds (index = beds).

    Uses B(0) = 1, B(n) = a·B(n-1) / (n + a·B(n-1)), the stable form of
    1/B(n) = 1 + n/(a·B(n-1)): every term is positive, each step shrinks the
    relative error, and very small values underflow gracefully to 0 instead of
    overflowing, so thousands of beds and loads are exact to rounding.
    """
    _check(max_beds, load)
    out = np.empty(max_beds + 1, dtype=np.float64)
    b = 1.0
    out[0] = b
    for n in range(1, max_beds + 1):
        ab = load * b
        b = ab / (n + ab)
        out[n] = b
    return out


def erlang_b(beds: int, load: float) -> float:
    """Probability that an arriving patient finds every bed full (steady demand)."""
    return float(erlang_b_curve(beds, load)[beds])


def erlang_b_reference(beds: int, load: float) -> float:
    """Erlang B by an independent route, for checking ``erlang_b``.

    1/B(n, a) = sum_{k=0..n} n! / ((n-k)! a^k), summed in log space with
    log-gamma so neither the factorials nor the powers overflow.
    """
    _check(beds, load)
    if load == 0:
        return 1.0 if beds == 0 else 0.0
    k = np.arange(beds + 1, dtype=np.float64)
    log_terms = gammaln(beds + 1.0) - gammaln(beds - k + 1.0) - k * math.log(load)
    return math.exp(-float(logsumexp(log_terms)))


def mean_occupied_beds(beds: int, load: float) -> float:
    """Mean beds in use: the load that is carried, a·(1 - B)."""
    return load * (1.0 - erlang_b(beds, load))


def beds_at_target_occupancy(load: float, target_occupancy: float) -> int:
    """The rule of thumb: beds so that load / beds is at most the target.

    Shown beside the Erlang figures, never alone, because at the same
    occupancy a small pool turns away many more patients than a large one.
    """
    if not 0 < target_occupancy <= 1:
        raise ValueError("target_occupancy must be above 0 and at most 1")
    # Guard against 0.85 * n landing a hair above an exact integer.
    return max(1, math.ceil(load / target_occupancy - 1e-9))


def refused_per_year(admissions_per_year: float, beds: int, load: float) -> float:
    """Expected admissions a year that find no bed, at steady demand."""
    return admissions_per_year * erlang_b(beds, load)


_WALK_UP_TO = 10_000.0  # Erlangs


def erlang_b_direct(beds: int, load: float) -> float:
    """Erlang B in a few operations whatever the size, for searching over sizes.

    B(n, a) is the Poisson probability of n over the Poisson probability of n or
    fewer, P(n; a) / Q(n + 1, a) with Q the regularised upper incomplete gamma
    function. Far below the load that denominator underflows; there the series
    1/B = sum_k n!/((n-k)! a^k) shrinks by at least n/a a term and is summed.
    """
    _check(beds, load)
    if load == 0:
        return 1.0 if beds == 0 else 0.0
    cdf = float(gammaincc(beds + 1.0, load))
    if cdf < 1e-250:
        total, term = 1.0, 1.0
        for k in range(beds):
            term *= (beds - k) / load
            total += term
            if term < 1e-17 * total:
                break
        return 1.0 / total
    log_pmf = beds * math.log(load) - load - float(gammaln(beds + 1.0))
    return min(1.0, math.exp(log_pmf - math.log(cdf)))


def beds_for_refusal_probability(load: float, max_probability: float) -> int:
    """Smallest pool whose Erlang B is below ``max_probability`` (e.g. 0.01).

    Up to 10,000 Erlangs the stable recursion is walked bed by bed (a few
    milliseconds, exact at the boundary). Above, Erlang B falls as beds are
    added, so the answer is found by doubling then halving: about 2·log2(load)
    evaluations of ``erlang_b_direct``, not one per bed.
    """
    if not 0 < max_probability < 1:
        raise ValueError("max_probability must be between 0 and 1")
    _check(0, load)
    if load <= _WALK_UP_TO:
        b, n = 1.0, 0
        while b >= max_probability:
            n += 1
            ab = load * b
            b = ab / (n + ab)
        return n
    high = max(1, math.ceil(load))
    while erlang_b_direct(high, load) >= max_probability:
        high *= 2
    low = 0  # B(0) = 1, never below the target
    while high - low > 1:
        middle = (low + high) // 2
        if erlang_b_direct(middle, load) < max_probability:
            high = middle
        else:
            low = middle
    return high


def refusal_curve(
    admissions_per_year: float, mean_los_days: float, beds: IntArray | range
) -> tuple[IntArray, FloatArray]:
    """Expected refused admissions a year for each pool size in ``beds``."""
    sizes = np.asarray(beds, dtype=np.int64)
    if sizes.size == 0 or sizes.min() < 0:
        raise ValueError("beds must be a non-empty range of sizes of zero or more")
    curve = erlang_b_curve(int(sizes.max()), offered_load(admissions_per_year, mean_los_days))
    return sizes, admissions_per_year * curve[sizes]


def _check(beds: int, load: float) -> None:
    if beds < 0:
        raise ValueError(f"beds must be zero or more (got {beds})")
    if not math.isfinite(load) or load < 0:
        raise ValueError(f"offered load must be a finite number of zero or more (got {load})")
