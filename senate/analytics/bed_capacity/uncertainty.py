"""How sure we are that a proposal meets its target, when its own assumptions are uncertain.

Simulation noise is only part of the doubt in a bed test: the proposal's demand growth, the
admissions it says it will avoid and the cut in length of stay it plans are estimates. Each is given
a range (uniform, or triangular with the stated value as its most likely value); the model draws every
assumption at random, builds the proposal pool for each draw and asks whether that pool meets the
target (its chance that a patient finds no bed on arrival at most the target). The answer is the
share of draws that meet it, with a 95% interval (Wilson), and a tornado: each assumption alone at the
ends of its range, the others at their stated values, ordered by how far it moves the answer.

Every draw is simulated on the same random numbers (the scenario's seed), so draws differ only by
their assumptions, never by luck; with no simulation the Erlang figure at steady demand is used.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from . import erlang
from .model import AlternativeProvision, BedPool, DemographicGrowth, LosReduction, Proposal, apply_proposal
from .simulation import Progress, SimulationSettings, simulate

MAX_DRAWS = 1_000
# Draws x replications x years x admissions: about two minutes of simulation at 4 million a second.
MAX_UNCERTAIN_ADMISSIONS = 600_000_000
DISTRIBUTIONS = ("uniform", "triangular")


@dataclass(frozen=True)
class Assumption:
    """One uncertain input of a proposal: where it sits in the scenario, its words, its bounds."""

    path: str
    label: str
    low: float
    high: float
    read: Callable[[Proposal], float | None]
    write: Callable[[Proposal, float], Proposal]


def _growth_rate(p: Proposal) -> float | None:
    return None if p.growth is None else p.growth.annual_rate


def _avoided(p: Proposal) -> float | None:
    return None if p.alternative_provision is None else p.alternative_provision.admissions_avoided_per_year


def _gap_closed(p: Proposal) -> float | None:
    return None if p.los_reduction is None else p.los_reduction.gap_share_closed


def _with_growth(p: Proposal, v: float) -> Proposal:
    assert p.growth is not None
    return replace(p, growth=DemographicGrowth(v, p.growth.base_year, p.growth.horizon_year))


def _with_avoided(p: Proposal, v: float) -> Proposal:
    alt = p.alternative_provision
    assert alt is not None
    return replace(p, alternative_provision=AlternativeProvision(v, alt.workforce_note, alt.description))


def _with_gap(p: Proposal, v: float) -> Proposal:
    assert p.los_reduction is not None
    return replace(p, los_reduction=LosReduction(p.los_reduction.benchmark_mean_los_days, v))


ASSUMPTIONS: dict[str, Assumption] = {
    a.path: a
    for a in (
        Assumption("demographic_growth.annual_rate", "Demand growth a year", -0.5, 0.5, _growth_rate, _with_growth),
        Assumption(
            "alternative_provision.admissions_avoided_per_year",
            "Admissions avoided a year (alternative provision)",
            0.0,
            5_000_000.0,
            _avoided,
            _with_avoided,
        ),
        Assumption(
            "los_reduction.gap_share_closed",
            "Share of the length-of-stay gap closed",
            0.0,
            1.0,
            _gap_closed,
            _with_gap,
        ),
    )
}


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    distribution: str = "uniform"  # or "triangular": most likely at the stated value


@dataclass(frozen=True)
class UncertaintySettings:
    target: float  # the chance of finding no bed on arrival the proposal must not exceed
    ranges: dict[str, Range]  # by assumption path, as in ASSUMPTIONS
    draws: int = 200
    seed: int = 1
    replications: int = 20  # simulated for each draw (the scenario's seed, so draws share them)
    years: int = 2


@dataclass(frozen=True)
class TornadoBar:
    path: str
    label: str
    low_value: float
    high_value: float
    at_low: float  # the chance of no bed with this assumption at the low end of its range
    at_high: float

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)

    def to_dict(self) -> dict[str, object]:
        return {
            "assumption": self.path,
            "label": self.label,
            "low_value": self.low_value,
            "high_value": self.high_value,
            "no_bed_probability_at_low": self.at_low,
            "no_bed_probability_at_high": self.at_high,
            "swing": self.swing,
        }


@dataclass(frozen=True)
class UncertaintyResult:
    target: float
    draws: int
    met: int  # draws whose proposal pool met the target
    interval: tuple[float, float]  # 95% Wilson interval of the probability of meeting it
    at_stated: float  # the chance of no bed with every assumption as stated
    centiles: dict[str, float]  # the chance of no bed across draws: 5, 25, 50, 75, 95
    tornado: tuple[TornadoBar, ...]  # the assumption that moves the answer most first
    measure: str  # "simulation" or "erlang"

    @property
    def probability(self) -> float:
        return self.met / self.draws

    def to_dict(self) -> dict[str, object]:
        return {
            "target": self.target,
            "draws": self.draws,
            "met": self.met,
            "probability_meets_target": self.probability,
            "interval": list(self.interval),
            "no_bed_probability_as_stated": self.at_stated,
            "no_bed_probability_centiles": self.centiles,
            "tornado": [bar.to_dict() for bar in self.tornado],
            "measure": self.measure,
        }


def problems(
    baseline: BedPool, proposal: Proposal, unc: UncertaintySettings, sim: SimulationSettings | None
) -> list[str]:
    """Every reason the analysis cannot run, each starting with its field's path."""
    found: list[str] = []
    for path, rng in unc.ranges.items():
        where = f"uncertainty.ranges.{path}"
        assumption = ASSUMPTIONS.get(path)
        if assumption is None:
            found.append(f"{where}: not an assumption that can be uncertain (one of {', '.join(ASSUMPTIONS)})")
            continue
        stated = assumption.read(proposal)
        if stated is None:
            found.append(f"{where}: the proposal states no {path.split('.')[0]}; state it first, then give its range")
            continue
        if not assumption.low <= rng.low < rng.high <= assumption.high:
            found.append(
                f"{where}: low must be below high, both from {assumption.low:g} to {assumption.high:g} "
                f"(got {rng.low:g} to {rng.high:g})"
            )
        elif not rng.low <= stated <= rng.high:
            found.append(f"{where}: the range {rng.low:g} to {rng.high:g} must include the stated value {stated:g}")
        if rng.distribution not in DISTRIBUTIONS:
            found.append(f"{where}.distribution: must be one of {', '.join(DISTRIBUTIONS)}")
    if not unc.ranges:
        found.append("uncertainty.ranges: give a range for at least one assumption")
    if found:
        return found
    worst = _at(proposal, {p: (r.high if "avoided" in p else r.low) for p, r in unc.ranges.items()})
    try:
        apply_proposal(baseline, worst)
    except ValueError as exc:
        found.append(f"uncertainty.ranges: at the ends of the ranges {exc}")
    if sim is not None:
        size = unc.draws * unc.replications * unc.years * baseline.admissions_per_year
        if size > MAX_UNCERTAIN_ADMISSIONS:
            found.append(
                f"uncertainty.draws: {unc.draws} draws x {unc.replications} replications x {unc.years} years of "
                f"{baseline.admissions_per_year:,.0f} admissions is more than {MAX_UNCERTAIN_ADMISSIONS:,} to simulate; "
                "give fewer draws, replications or years"
            )
    return found


def analyse(
    baseline: BedPool,
    proposal: Proposal,
    unc: UncertaintySettings,
    sim: SimulationSettings | None,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> UncertaintyResult:
    """The probability that the proposal meets ``unc.target``, and which assumption matters most."""
    if found := problems(baseline, proposal, unc, sim):
        raise ValueError("; ".join(found))
    paths = list(unc.ranges)
    draws = _draw(proposal, unc)
    steps = unc.draws + 2 * len(paths) + 1
    done = 0

    def chance(values: dict[str, float]) -> float:
        nonlocal done
        pool = apply_proposal(baseline, _at(proposal, values)).pool
        found = _no_bed_chance(pool, unc, sim, workers)
        done += 1
        if progress is not None:
            progress(done / steps)
        return found

    stated = {p: ASSUMPTIONS[p].read(proposal) or 0.0 for p in paths}
    chances = np.array([chance(dict(zip(paths, row, strict=True))) for row in draws])
    at_stated = chance(stated)
    bars = []
    for p in paths:
        r = unc.ranges[p]
        at_low, at_high = chance(stated | {p: r.low}), chance(stated | {p: r.high})
        bars.append(TornadoBar(p, ASSUMPTIONS[p].label, r.low, r.high, at_low, at_high))
    met = int((chances <= unc.target).sum())
    return UncertaintyResult(
        target=unc.target,
        draws=unc.draws,
        met=met,
        interval=wilson(met, unc.draws),
        at_stated=at_stated,
        centiles={str(c): float(np.percentile(chances, c)) for c in (5, 25, 50, 75, 95)},
        tornado=tuple(sorted(bars, key=lambda b: -b.swing)),
        measure="erlang" if sim is None else "simulation",
    )


def _draw(proposal: Proposal, unc: UncertaintySettings) -> np.ndarray:
    """One row per draw, one column per assumption, in the order of ``unc.ranges``."""
    rng = np.random.default_rng(unc.seed)
    columns = []
    for path, r in unc.ranges.items():
        if r.distribution == "triangular":
            mode = ASSUMPTIONS[path].read(proposal) or 0.0
            columns.append(rng.triangular(r.low, mode, r.high, size=unc.draws))
        else:
            columns.append(rng.uniform(r.low, r.high, size=unc.draws))
    return np.column_stack(columns)


def _at(proposal: Proposal, values: dict[str, float]) -> Proposal:
    for path, value in values.items():
        proposal = ASSUMPTIONS[path].write(proposal, float(value))
    return proposal


def _no_bed_chance(
    pool: BedPool, unc: UncertaintySettings, sim: SimulationSettings | None, workers: int | None
) -> float:
    """The chance a patient finds no bed on arrival: turned away, or (when patients wait) made to wait."""
    if sim is None:
        return erlang.erlang_b(pool.beds, erlang.offered_load(pool.admissions_per_year, pool.mean_stay_days))
    settings = replace(sim, replications=unc.replications, years=unc.years, required_beds_target=None)
    if (
        settings.when_full == "waits"
        and pool.admissions_per_day * pool.mean_stay_days >= pool.beds + sim.escalation_beds
    ):
        return 1.0  # more demand than beds: the queue grows without end and, in time, everyone waits
    result = simulate(pool, settings, workers=workers)
    if settings.when_full == "waits":
        return float(result.waiting.share_waiting.mean)
    return float(result.refusal_fraction.mean)


def wilson(successes: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion (sound near 0 and 1, unlike the normal one)."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))
