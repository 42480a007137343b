"""Our compiled simulation against an independent SimPy model of the same
time-varying loss system (strong weekday, hourly and seasonal pattern).

The reference builds its own hourly rates with plain loops, generates
arrivals by thinning (Lewis & Shedler) rather than by inverting the
cumulative rate, and lets simpy.Resource hold the beds.
"""

import math
import random
import statistics

import simpy

from senate.analytics.bed_capacity.erlang import erlang_b, offered_load
from senate.analytics.bed_capacity.model import DAYS_IN_MONTH, BedPool, LengthOfStay
from senate.analytics.bed_capacity.simulation import SimulationSettings, simulate

BEDS = 12
ADMISSIONS = 6 * 365  # 6 a day
MEAN_LOS, CV = 1.5, 1.0  # 9 Erlangs offered on 12 beds
WARMUP_DAYS = 28
MONTHS = (0.11, 0.1, 0.09, 0.08, 0.07, 0.06, 0.06, 0.07, 0.08, 0.09, 0.09, 0.1)
WEEKDAYS = (0.26, 0.2, 0.15, 0.14, 0.13, 0.06, 0.06)
# Nothing overnight, a surge in the afternoon.
HOURS = (0, 0, 0, 0, 0, 0, 0, 0, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.14, 0.12, 0.08, 0.06, 0.04, 0.02, 0, 0, 0, 0)


def reference_hourly_rates(days: int) -> list[float]:
    """Expected admissions in each hour, from day -WARMUP_DAYS, written out longhand."""
    month_of_day = [m for m, n in enumerate(DAYS_IN_MONTH) for _ in range(n)]
    rates: list[float] = []
    for t in range(-WARMUP_DAYS, days):
        year_start = (t // 365) * 365
        month = month_of_day[t - year_start]
        month_days = [year_start + d for d in range(365) if month_of_day[d] == month]
        weight_sum = sum(WEEKDAYS[d % 7] for d in month_days)  # day 0 is a Monday
        daily = ADMISSIONS * MONTHS[month] * WEEKDAYS[t % 7] / weight_sum
        rates.extend(daily * h for h in HOURS)
    return rates


def thinned_arrivals(rng: random.Random, rates: list[float]) -> list[float]:
    """Arrival times in hours: a Poisson stream at the peak rate, thinned to the hourly rate."""
    peak = max(rates)
    times: list[float] = []
    t = 0.0
    while True:
        t += rng.expovariate(peak)
        if t >= len(rates):
            return times
        if rng.random() * peak < rates[int(t)]:
            times.append(t)


def simpy_replication(seed: int, rates: list[float]) -> tuple[float, float]:
    """Refusal fraction and refused admissions in the counted year."""
    rng = random.Random(seed)
    sigma = math.sqrt(math.log1p(CV**2))
    mu = math.log(MEAN_LOS) - sigma**2 / 2
    env = simpy.Environment()
    beds = simpy.Resource(env, capacity=BEDS)
    counted = {"arrivals": 0, "refused": 0}
    warm = WARMUP_DAYS * 24

    def stay(request: simpy.resources.resource.Request, hours: float):  # type: ignore[no-untyped-def]
        yield env.timeout(hours)
        beds.release(request)

    def arrivals(times: list[float]):  # type: ignore[no-untyped-def]
        for t in times:
            yield env.timeout(t - env.now)
            refused = beds.count >= BEDS
            if t >= warm:
                counted["arrivals"] += 1
                counted["refused"] += refused
            if not refused:
                env.process(stay(beds.request(), 24 * rng.lognormvariate(mu, sigma)))

    env.process(arrivals(thinned_arrivals(rng, rates)))
    env.run(until=len(rates))
    return counted["refused"] / counted["arrivals"], float(counted["refused"])


def test_time_varying_demand_agrees_with_simpy() -> None:
    rates = reference_hourly_rates(365)
    reference = [simpy_replication(seed, rates) for seed in range(40)]
    ref_fraction = [r[0] for r in reference]
    ref_mean = statistics.fmean(ref_fraction)
    ref_se = statistics.stdev(ref_fraction) / math.sqrt(len(ref_fraction))

    pool = BedPool(
        ADMISSIONS,
        LengthOfStay.lognormal(MEAN_LOS, CV),
        BEDS,
        month_shares=MONTHS,
        weekday_shares=WEEKDAYS,
        hour_shares=tuple(float(h) for h in HOURS),
    )
    ours = simulate(pool, SimulationSettings(replications=200, years=1, warmup_days=WARMUP_DAYS, seed=7), workers=1)
    fraction = ours.refusal_fraction
    combined_se = math.hypot(fraction.standard_error, ref_se)
    assert abs(fraction.mean - ref_mean) < 3 * combined_se

    # The comparison can tell: the swings raise refusals well above steady-demand Erlang B,
    # by far more than the tolerance used above.
    steady = erlang_b(BEDS, offered_load(ADMISSIONS, MEAN_LOS))
    assert ref_mean - steady > 10 * combined_se
    refused_per_year = statistics.fmean(r[1] for r in reference)
    assert abs(ours.refused_per_year.mean - refused_per_year) < 3 * math.hypot(
        ours.refused_per_year.standard_error, statistics.stdev(r[1] for r in reference) / math.sqrt(len(reference))
    )
