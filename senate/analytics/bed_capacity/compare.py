"""Baseline against proposal: the figures a bed-test panel compares side by side.

Each side carries the rule-of-thumb figure (beds at target occupancy) next to
the Erlang loss figures at steady demand and, when run, the simulation with
the stated monthly, weekly and hourly swings. Showing all three is the point:
the rule of thumb ignores pool size (Jones 2011) and the Erlang figure
ignores swings in demand (Bagust, Place & Posnett, BMJ 1999).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from . import erlang
from .model import BedPool, Proposal, apply_proposal
from .pools import SystemPool, SystemResult, simulate_system, system_problems
from .required import RequiredBeds, required_beds
from .simulation import (
    Progress,
    SimulationResult,
    SimulationSettings,
    SimulationTooLargeError,
    simulate,
    size_problems,
)
from .uncertainty import UncertaintyResult, UncertaintySettings, analyse

COMPARISON_FORMAT = "senate-bed-comparison/1"


@dataclass(frozen=True)
class SideSummary:
    """Figures for one side (baseline or proposal)."""

    name: str
    admissions_per_year: float
    mean_los_days: float
    length_of_stay: str
    beds: int
    target_occupancy: float
    offered_load: float  # Erlangs: beds that would be busy if nobody were turned away
    mean_occupied_beds: float  # Erlang, steady demand: a(1 - B)
    occupancy_at_beds: float  # mean_occupied_beds / beds
    beds_at_target_occupancy: int  # the rule of thumb: ceil(a / target)
    erlang_b_at_beds: float  # probability of no bed at steady demand
    refused_per_year: float  # Erlang, steady demand
    beds_for_1_percent: int  # smallest pool with B < 1%
    beds_for_0_1_percent: int  # smallest pool with B < 0.1%
    simulation: SimulationResult | None
    required_beds: RequiredBeds | None = None  # found by simulation, the proposal side only
    mean_stay_days: float = 0.0  # days in a bed: the clinical stay plus delayed discharge and discharge times
    pools: SystemResult | None = None  # every pool of the scenario simulated together (outlying, electives)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "name": self.name,
            "admissions_per_year": self.admissions_per_year,
            "mean_los_days": self.mean_los_days,
            "mean_stay_days": self.mean_stay_days,
            "length_of_stay": self.length_of_stay,
            "beds": self.beds,
            "target_occupancy": self.target_occupancy,
            "offered_load": self.offered_load,
            "mean_occupied_beds": self.mean_occupied_beds,
            "occupancy_at_beds": self.occupancy_at_beds,
            "beds_at_target_occupancy": self.beds_at_target_occupancy,
            "erlang_b_at_beds": self.erlang_b_at_beds,
            "refused_per_year": self.refused_per_year,
            "beds_for_1_percent": self.beds_for_1_percent,
            "beds_for_0_1_percent": self.beds_for_0_1_percent,
            "simulation": None if self.simulation is None else self.simulation.to_dict(),
            "required_beds": None if self.required_beds is None else self.required_beds.to_dict(),
        }
        if self.pools is not None:  # only a scenario with several pools or electives has the key
            out["pools"] = self.pools.to_dict()
        return out


@dataclass(frozen=True)
class Comparison:
    """Baseline and proposal summaries plus the assumptions behind the proposal."""

    baseline: SideSummary
    proposal: SideSummary
    assumptions: tuple[str, ...]
    settings: SimulationSettings | None
    uncertainty: UncertaintyResult | None = None  # how sure, when the assumptions were given ranges

    def to_dict(self) -> dict[str, object]:
        """JSON-ready (no NaN or infinity: every figure is finite)."""
        settings = self.settings
        return {
            "format": COMPARISON_FORMAT,
            "baseline": self.baseline.to_dict(),
            "proposal": self.proposal.to_dict(),
            "assumptions": list(self.assumptions),
            "simulation_settings": None
            if settings is None
            else {
                "replications": settings.replications,
                "years": settings.years,
                "warmup_days": settings.warmup_days,
                "when_full": settings.when_full,
                "required_beds_target": settings.required_beds_target,
                "escalation_beds": settings.escalation_beds,
                "escalation_threshold": settings.escalation_threshold,
                "seed": settings.seed,
            },
            "uncertainty": None if self.uncertainty is None else self.uncertainty.to_dict(),
        }


def summarise_side(pool: BedPool, simulation: SimulationResult | None = None) -> SideSummary:
    """The Erlang and rule-of-thumb figures for one pool."""
    load = erlang.offered_load(pool.admissions_per_year, pool.mean_stay_days)
    blocking = erlang.erlang_b(pool.beds, load)
    occupied = load * (1.0 - blocking)
    return SideSummary(
        name=pool.name,
        admissions_per_year=pool.admissions_per_year,
        mean_los_days=pool.mean_los_days,
        mean_stay_days=pool.mean_stay_days,
        length_of_stay=pool.length_of_stay.describe(),
        beds=pool.beds,
        target_occupancy=pool.target_occupancy,
        offered_load=load,
        mean_occupied_beds=occupied,
        occupancy_at_beds=occupied / pool.beds,
        beds_at_target_occupancy=erlang.beds_at_target_occupancy(load, pool.target_occupancy),
        erlang_b_at_beds=blocking,
        refused_per_year=pool.admissions_per_year * blocking,
        beds_for_1_percent=erlang.beds_for_refusal_probability(load, 0.01),
        beds_for_0_1_percent=erlang.beds_for_refusal_probability(load, 0.001),
        simulation=simulation,
    )


def compare(
    baseline: BedPool,
    proposal: Proposal,
    settings: SimulationSettings | None = None,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    uncertainty: UncertaintySettings | None = None,
    system: tuple[SystemPool, ...] = (),
) -> Comparison:
    """Compare baseline and proposal; simulate both when ``settings`` is given.

    ``progress`` receives 0..1 over both runs (baseline first half). Raises
    ValueError if the proposal's reductions exceed demand and
    SimulationTooLargeError if a side is too big to simulate in time.
    ``system`` (the main pool first, its pool the baseline) adds every pool
    simulated together on each side, the proposal changing the main pool only.
    """
    effective = apply_proposal(baseline, proposal)
    pools = (baseline, effective.pool)
    results: list[SimulationResult | None] = [None, None]
    needed = None
    parts = 2 if settings is not None else 0
    searching = settings is not None and settings.required_beds_target is not None
    parts += int(searching) + int(uncertainty is not None)
    together: list[SystemResult | None] = [None, None]
    sides: tuple[tuple[SystemPool, ...], ...] = ()
    if settings is not None and system:
        parts += 2
        # The proposal changes the main pool; it keeps its baseline name so the pools outlying to it still find it.
        changed = replace(effective.pool, name=system[0].pool.name)
        sides = (system, (replace(system[0], pool=changed), *system[1:]))
    if settings is not None:
        _check_size(pools, settings, sides)
        for i, pool in enumerate(pools):
            results[i] = simulate(pool, settings, progress=_scaled(progress, i, parts), workers=workers)
        if settings.required_beds_target is not None:
            target, search = settings.required_beds_target, _scaled(progress, 2, parts)
            needed = required_beds(effective.pool, settings, target=target, progress=search, workers=workers)
        for i, (label, members) in enumerate(zip(("baseline", "proposal"), sides, strict=False)):
            step = _scaled(progress, 2 + int(searching) + i, parts)
            together[i] = simulate_system(members, settings, progress=step, workers=workers, side=label)
    how_sure = None
    if uncertainty is not None:
        step = _scaled(progress, parts - 1, parts)
        how_sure = analyse(baseline, proposal, uncertainty, settings, progress=step, workers=workers)
    return Comparison(
        baseline=replace(summarise_side(baseline, results[0]), pools=together[0]),
        proposal=replace(summarise_side(effective.pool, results[1]), required_beds=needed, pools=together[1]),
        assumptions=effective.assumptions + _pool_notes(system, simulated=settings is not None),
        settings=settings,
        uncertainty=how_sure,
    )


def _pool_notes(system: tuple[SystemPool, ...], *, simulated: bool) -> tuple[str, ...]:
    """The pools simulated together and where each one's patients go when it is full, in plain words."""
    if not system:
        return ()
    notes = []
    for sp in system:
        parts = [f"{sp.pool.name}: {sp.pool.beds:,} beds"]
        if sp.escalation_beds:
            parts.append(f"{sp.escalation_beds:,} escalation beds")
        if sp.outlie_to:
            parts.append(f"outlies to {sp.outlie_to} when full (one step: turned away if that is full too)")
        if (e := sp.electives) is not None:
            parts.append(
                f"{sum(e.per_weekday):,} electives a week at {e.hour:02d}:00, cancelled above "
                f"{e.cancel_above_occupancy:.0%} occupied or with no bed free"
            )
        notes.append(", ".join(parts) + ".")
    head = "Pools simulated together (the proposal changes the first only)"
    if not simulated:
        head += "; not simulated, so no per-pool figures"
    return (head + ": " + " ".join(notes),)


def _check_size(
    pools: tuple[BedPool, BedPool], settings: SimulationSettings, sides: tuple[tuple[SystemPool, ...], ...] = ()
) -> None:
    """Refuse before simulating either side, so no time is spent on half a pair."""
    problems = settings.problems()
    for side, pool in zip(("baseline", "proposal"), pools, strict=True):
        problems += size_problems(pool, settings, beds_field=f"{side}.beds", side=side)
    for side, members in zip(("baseline", "proposal"), sides, strict=False):
        problems += system_problems(members, settings, side)
    if problems:
        raise SimulationTooLargeError("; ".join(dict.fromkeys(problems)))


def _scaled(progress: Progress | None, part: int, parts: int = 2) -> Progress | None:
    if progress is None:
        return None
    report: Callable[[float], None] = progress
    return lambda fraction: report((part + fraction) / parts)
