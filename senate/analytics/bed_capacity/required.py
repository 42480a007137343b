"""How many beds a pool really needs under its stated demand pattern, found by simulation.

The Erlang figures ("beds for under 1% finding no bed") assume steady demand, so under monthly,
weekday and hourly swings they understate. Here the simulation itself is searched: the same seeds
give the same patients whatever the number of beds (each arrival draws its stay whether admitted or
not), so neighbouring bed counts are compared on common random numbers and the curve of refusals
against beds is smooth. The search starts from the Erlang answer, steps up by doubling until the
target is met and halves back down: a handful of simulations, each at the scenario's settings.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from .erlang import beds_for_refusal_probability, offered_load
from .model import BedPool
from .simulation import MAX_BEDS, Estimate, Progress, SimulationSettings, simulate


@dataclass(frozen=True)
class CurvePoint:
    beds: int
    no_bed_probability: Estimate
    refused_per_year: Estimate

    def to_dict(self) -> dict[str, object]:
        return {
            "beds": self.beds,
            "no_bed_probability": self.no_bed_probability.to_dict(),
            "refused_per_year": self.refused_per_year.to_dict(),
        }


@dataclass(frozen=True)
class RequiredBeds:
    """The fewest beds whose simulated chance of finding no bed is at most ``target``."""

    target: float
    beds: int | None  # None: not reached within the beds that can be simulated
    erlang_beds: int  # the same target at steady demand, for comparison
    curve: tuple[CurvePoint, ...]  # every bed count simulated, fewest first

    def to_dict(self) -> dict[str, object]:
        return {
            "target": self.target,
            "beds": self.beds,
            "erlang_beds": self.erlang_beds,
            "curve": [p.to_dict() for p in self.curve],
        }


def required_beds(
    pool: BedPool,
    settings: SimulationSettings,
    *,
    target: float,
    progress: Progress | None = None,
    workers: int | None = None,
) -> RequiredBeds:
    """Search the simulated pool for the fewest beds meeting ``target`` (probability of no bed)."""
    if not 0 < target < 1:
        raise ValueError("target must be a probability between 0 and 1")
    settings = replace(settings, when_full="turned_away")
    erlang_beds = beds_for_refusal_probability(offered_load(pool.admissions_per_year, pool.mean_stay_days), target)
    seen: dict[int, CurvePoint] = {}

    def at(beds: int) -> CurvePoint:
        if beds not in seen:
            result = simulate(replace(pool, beds=beds), settings, workers=workers)
            seen[beds] = CurvePoint(beds, result.refusal_fraction, result.refused_per_year)
            _tick(progress, len(seen))
        return seen[beds]

    def chance(beds: int) -> float:
        return at(beds).no_bed_probability.mean

    found = _search(chance, target, start=min(max(1, erlang_beds), MAX_BEDS))
    return RequiredBeds(target, found, erlang_beds, tuple(seen[b] for b in sorted(seen)))


def _search(chance: Callable[[int], float], target: float, *, start: int) -> int | None:
    """The smallest bed count whose chance of no bed is at most ``target`` (more beds never do worse).

    First a bracket, stepping by doubling from the start; then inside it the next bed count is read
    off a straight line through the bracket's ends on a log scale (the Erlang curve is close to
    that), falling back to halving when one end has not moved twice running.
    """
    low, high = start - 1, start
    step = max(1, start // 20)
    while chance(high) > target:
        if high == MAX_BEDS:
            return None
        low, high = high, min(MAX_BEDS, high + step)
        step *= 2
    if low == start - 1:  # met at the first try: bracket downwards
        step = max(1, start // 20)
        while low >= 1 and chance(low) <= target:
            high, low = low, max(0, low - step)
            step *= 2
    last, repeats = "", 0  # which end moved last, and how many times running
    while high - low > 1:
        middle = _interpolate(chance, target, low, high) if repeats < 2 and low >= 1 else (low + high) // 2
        side = "high" if middle >= 1 and chance(middle) <= target else "low"
        if side == "high":
            high = middle
        else:
            low = middle
        repeats = repeats + 1 if side == last else 1
        last = side
    return high


def _interpolate(chance: Callable[[int], float], target: float, low: int, high: int) -> int:
    """Where the line through (low, log chance) and (high, log chance) crosses the target."""
    floor = 1e-12
    a, b = math.log(max(chance(low), floor)), math.log(max(chance(high), floor))
    if a <= b:
        return (low + high) // 2
    guess = low + (a - math.log(target)) / (a - b) * (high - low)
    return min(high - 1, max(low + 1, math.ceil(guess)))


def _tick(progress: Progress | None, done: int) -> None:
    # The number of simulations is not known in advance: report a fraction that approaches 1.
    if progress is not None:
        progress(done / (done + 4))
