"""Several bed pools simulated together: outlying to a named other pool, and elective cancellations.

A scenario may name other pools beside its main one (medicine beside surgery, care of the elderly,
stroke, rehabilitation). Each pool has its own demand, stays and beds, as a single pool does, and may
name one other pool its emergency patients **outlie** to when every one of its own beds (escalation
beds included) is full: the patient takes a bed there for the stay they would have had at home. One
step only: a patient who finds the other pool full too is turned away (counted as refused after
outlying), never passed on again, so the order of the pools does not matter.

A pool may also have an **elective** stream: planned admissions on each weekday, arriving at a set
hour. An elective is cancelled (not admitted, counted) when more than a set share of the pool's
permanent beds is occupied, or when no permanent bed is free; electives never outlie and never use
escalation beds.

All pools run in one event loop (compiled with numba): arrivals of every pool are merged in time
order, so an outlier competes for a bed with the receiving pool's own patients. Each pool draws its
patients from its own random stream, seeded from the scenario's seed and the pool's place, so the
patients of a pool are the same whatever the beds or demand of the other pools (common random numbers
kept per pool; its own beds change the census it starts from, as for a single pool).
The main pool (place 0) draws exactly the patients the single-pool simulation draws, so a pool that
never sends an outlier has the same refusals as when simulated alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from .demand import build_calendar
from .model import BedPool, LengthOfStay
from .simulation import (
    MAX_BEDS,
    MAX_SIMULATED_ADMISSIONS,
    Estimate,
    FloatArray,
    IntArray,
    MidnightOccupancy,
    Progress,
    SimulationSettings,
    SimulationTooLargeError,
    _compile,
    _heap_pop,
    _heap_push,
    _heap_replace_top,
    _hours_in_bed,
    _midnight,
    _start_in_steady_state,
    _stay_hours,
    _worker_count,
    discharge_parameters,
    length_biased_cumulative,
    los_parameters,
    replication_seeds,
    run_replications,
    size_problems,
    start_distribution,
)

MAX_POOLS = 10  # the main pool and at most nine others
MAX_ELECTIVES_PER_DAY = 1_000
# Columns of the per-pool counts of one replication.
_ARRIVALS, _OWN, _SENT, _RECEIVED, _REFUSED, _OUTLYING_HOURS, _BED_HOURS, _PLANNED, _CANCELLED = range(9)
_COLUMNS = 9


@dataclass(frozen=True)
class Electives:
    """Planned admissions: ``per_weekday`` (Mon..Sun) arrive each day at ``hour``:00."""

    per_weekday: tuple[int, ...]
    hour: int = 8
    cancel_above_occupancy: float = 1.0  # cancelled when more than this share of the permanent beds is occupied
    length_of_stay: LengthOfStay | None = None  # None: the pool's own

    @property
    def per_year(self) -> float:
        return sum(self.per_weekday) * 365 / 7


@dataclass(frozen=True)
class SystemPool:
    """A pool as part of several: where its patients outlie to, its electives, its escalation beds."""

    pool: BedPool
    outlie_to: str | None = None
    electives: Electives | None = None
    escalation_beds: int = 0


@dataclass(frozen=True)
class PoolResult:
    """One pool's figures per year, each an estimate across replications."""

    name: str
    beds: int
    escalation_beds: int
    outlie_to: str | None
    admissions_per_year: Estimate  # emergency arrivals
    admitted_per_year: Estimate  # emergency arrivals given one of this pool's beds
    refused_per_year: Estimate  # turned away: no bed here and (with outlie_to) none there either
    outliers_sent_per_year: Estimate
    outliers_received_per_year: Estimate
    outlying_bed_days_per_year: Estimate  # days this pool's patients spent in another pool's beds
    mean_occupied_beds: Estimate  # its own patients and the outliers it holds
    electives_planned_per_year: Estimate | None
    electives_cancelled_per_year: Estimate | None
    midnight: MidnightOccupancy

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "beds": self.beds,
            "escalation_beds": self.escalation_beds,
            "outlie_to": self.outlie_to,
            "admissions_per_year": self.admissions_per_year.to_dict(),
            "admitted_per_year": self.admitted_per_year.to_dict(),
            "refused_per_year": self.refused_per_year.to_dict(),
            "outliers_sent_per_year": self.outliers_sent_per_year.to_dict(),
            "outliers_received_per_year": self.outliers_received_per_year.to_dict(),
            "outlying_bed_days_per_year": self.outlying_bed_days_per_year.to_dict(),
            "mean_occupied_beds": self.mean_occupied_beds.to_dict(),
            "electives_planned_per_year": _maybe(self.electives_planned_per_year),
            "electives_cancelled_per_year": _maybe(self.electives_cancelled_per_year),
            "midnight_occupancy": self.midnight.to_dict(),
        }


def _maybe(estimate: Estimate | None) -> dict[str, float] | None:
    return None if estimate is None else estimate.to_dict()


@dataclass(frozen=True)
class SystemResult:
    """Every pool of one side, simulated together."""

    pools: tuple[PoolResult, ...]
    replications: int
    years: int
    simulated_arrivals: int

    def to_dict(self) -> dict[str, object]:
        return {
            "pools": [p.to_dict() for p in self.pools],
            "replications": self.replications,
            "years": self.years,
            "simulated_arrivals": self.simulated_arrivals,
        }


def system_problems(pools: tuple[SystemPool, ...], settings: SimulationSettings, side: str) -> list[str]:
    """Why these pools cannot be simulated together in time (each message names its field)."""
    out: list[str] = []
    for i, sp in enumerate(pools):
        where = "baseline" if i == 0 else f"pools[{i - 1}]"
        extra = settings.escalation_beds if i == 0 else sp.escalation_beds
        sized = replace(settings, escalation_beds=extra, when_full="turned_away")
        out += size_problems(sp.pool, sized, beds_field=f"{where}.beds", side=f"{side}, {sp.pool.name}")
    work = settings.replications * settings.years * sum(_yearly_arrivals(sp) for sp in pools)
    if work > 2 * MAX_SIMULATED_ADMISSIONS:
        out.append(
            f"simulation.replications: replications x years x admissions a year of every pool ({side}) = "
            f"{work:,.0f} simulated admissions, more than the {2 * MAX_SIMULATED_ADMISSIONS:,} that can be "
            "simulated in time; reduce simulation.replications or simulation.years"
        )
    return out


def _yearly_arrivals(sp: SystemPool) -> float:
    return sp.pool.admissions_per_year + (0.0 if sp.electives is None else sp.electives.per_year)


# --------------------------------------------------------------------------
# Compiled parts
# --------------------------------------------------------------------------


@_compile
def _grow(a: FloatArray, n: int) -> FloatArray:
    out = np.empty(max(2 * a.shape[0], n + 16), dtype=np.float64)
    out[: a.shape[0]] = a
    return out


@_compile
def _emergency_patients(
    rates: FloatArray,
    beds: int,
    start_cdf: FloatArray,
    kind: int,
    p1: float,
    p2: float,
    values: FloatArray,
    biased_cum: FloatArray,
    discharge: FloatArray,
    seed: int,
    guess: int,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The patients in beds at the start (their discharge hours) and every arrival's hour and leaving hour.

    The random numbers are drawn in the order of the single-pool loop (``_run_replication``), so
    with the same seed the same patients arrive with the same stays.
    """
    np.random.seed(seed)
    heap = np.empty(beds, dtype=np.float64)
    size = _start_in_steady_state(heap, beds, start_cdf, kind, p1, p2, values, biased_cum)
    times = np.empty(guess, dtype=np.float64)
    leaves = np.empty(guess, dtype=np.float64)
    n = 0
    left = np.random.exponential(1.0)
    plain = discharge[0] <= 0.0 and discharge.shape[0] <= 3
    for h in range(rates.shape[0]):
        rate = rates[h]
        used = 0.0
        while rate > 0.0 and left <= rate - used:
            used += left
            left = np.random.exponential(1.0)
            t = h + used / rate
            if plain:
                stay = _stay_hours(kind, p1, p2, values)
            else:
                stay = _hours_in_bed(t, kind, p1, p2, values, discharge)
            if n == times.shape[0]:
                times = _grow(times, n)
                leaves = _grow(leaves, n)
            times[n] = t
            leaves[n] = t + stay
            n += 1
        left -= rate - used
    return heap[:size].copy(), times[:n], leaves[:n]


@_compile
def _elective_patients(
    day_weekday: IntArray,
    per_weekday: IntArray,
    hour: int,
    kind: int,
    p1: float,
    p2: float,
    values: FloatArray,
    discharge: FloatArray,
    seed: int,
) -> tuple[FloatArray, FloatArray]:
    """Planned admissions at ``hour`` of every day, and their leaving hours (their own random stream)."""
    np.random.seed(seed)
    total = 0
    for d in range(day_weekday.shape[0]):
        total += per_weekday[day_weekday[d]]
    times = np.empty(total, dtype=np.float64)
    leaves = np.empty(total, dtype=np.float64)
    n = 0
    for d in range(day_weekday.shape[0]):
        t = d * 24.0 + hour
        for _ in range(per_weekday[day_weekday[d]]):
            times[n] = t
            leaves[n] = t + _hours_in_bed(t, kind, p1, p2, values, discharge)
            n += 1
    return times, leaves


@_compile
def _admit(heap: FloatArray, size: int, capacity: int, t: float, leaves: float) -> int:
    """Put a patient in a bed if one is free at ``t``: the new heap size, or -1 if every bed is full."""
    if size < capacity:
        return _heap_push(heap, size, leaves)
    if heap[0] <= t:
        _heap_replace_top(heap, size, leaves)
        return size
    return -1


@_compile
def _run_system(
    beds: IntArray,  # (P,) permanent beds
    capacity: IntArray,  # (P,) with escalation beds
    outlie: IntArray,  # (P,) pool patients outlie to, -1 for none
    cancel_above: FloatArray,  # (P,) electives cancelled above this many patients in beds
    start_leaves: FloatArray,
    start_offsets: IntArray,  # (P + 1,)
    times: FloatArray,
    leaves: FloatArray,
    offsets: IntArray,  # (S + 1,) streams
    stream_pool: IntArray,  # (S,)
    stream_elective: IntArray,  # (S,) 1 for a planned stream
    warmup_hours: int,
    end_hours: int,
    heaps: FloatArray,  # (P, max capacity)
    sizes: IntArray,  # (P,)
    by_midnight: IntArray,  # (P, max capacity + 1)
    counts: FloatArray,  # (P, _COLUMNS)
) -> None:
    pools = beds.shape[0]
    streams = stream_pool.shape[0]
    start = float(warmup_hours)
    end = float(end_hours)
    for p in range(pools):
        sizes[p] = 0
        for i in range(start_offsets[p], start_offsets[p + 1]):
            sizes[p] = _heap_push(heaps[p], sizes[p], start_leaves[i])
            if start_leaves[i] > start:
                counts[p, 6] += min(start_leaves[i], end) - start
    pointer = offsets[:-1].copy()
    midnight = warmup_hours
    while True:
        best = -1
        t = math.inf
        for s in range(streams):
            if pointer[s] < offsets[s + 1] and times[pointer[s]] < t:
                t = times[pointer[s]]
                best = s
        while midnight < end_hours and (best < 0 or midnight <= t):
            for p in range(pools):
                while sizes[p] > 0 and heaps[p, 0] <= midnight:
                    sizes[p] = _heap_pop(heaps[p], sizes[p])
                by_midnight[p, sizes[p]] += 1
            midnight += 24
        if best < 0:
            break
        i = pointer[best]
        pointer[best] += 1
        p = stream_pool[best]
        out = leaves[i]
        counted = t >= start
        overlap = min(out, end) - max(t, start)
        if stream_elective[best] == 1:
            while sizes[p] > 0 and heaps[p, 0] <= t:
                sizes[p] = _heap_pop(heaps[p], sizes[p])
            if counted:
                counts[p, 7] += 1
            if sizes[p] >= beds[p] or sizes[p] > cancel_above[p]:
                if counted:
                    counts[p, 8] += 1
                continue
            sizes[p] = _heap_push(heaps[p], sizes[p], out)
            if overlap > 0.0:
                counts[p, 6] += overlap
            continue
        if counted:
            counts[p, 0] += 1
        size = _admit(heaps[p], sizes[p], capacity[p], t, out)
        if size >= 0:
            sizes[p] = size
            if counted:
                counts[p, 1] += 1
            if overlap > 0.0:
                counts[p, 6] += overlap
            continue
        q = outlie[p]
        if q >= 0:
            size = _admit(heaps[q], sizes[q], capacity[q], t, out)
            if size >= 0:
                sizes[q] = size
                if counted:
                    counts[p, 2] += 1
                    counts[q, 3] += 1
                if overlap > 0.0:
                    counts[p, 5] += overlap
                    counts[q, 6] += overlap
                continue
        if counted:
            counts[p, 4] += 1


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


def pool_seeds(seed: int, place: int, replications: int) -> list[int]:
    """Seeds of a pool's replications: the main pool (place 0) has the single-pool seeds."""
    if place == 0:
        return replication_seeds(seed, replications)
    sequence = np.random.SeedSequence(seed, spawn_key=(place,))
    return [int(s) for s in sequence.generate_state(replications, dtype=np.uint32)]


def _elective_seeds(seed: int, place: int, replications: int) -> list[int]:
    sequence = np.random.SeedSequence(seed, spawn_key=(1_000 + place,))
    return [int(s) for s in sequence.generate_state(replications, dtype=np.uint32)]


def simulate_system(
    pools: tuple[SystemPool, ...],
    settings: SimulationSettings,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    side: str = "baseline",
) -> SystemResult:
    """Simulate ``pools`` together; the first is the main pool, whose escalation beds are the settings'."""
    if settings.when_full != "turned_away":
        raise SimulationTooLargeError(
            "simulation.when_full: with several pools a patient who finds no bed outlies or is turned away; "
            'use "turned_away"'
        )
    problems = settings.problems() + system_problems(pools, settings, side)
    if problems:
        raise SimulationTooLargeError("; ".join(dict.fromkeys(problems)))
    names = [sp.pool.name for sp in pools]
    reps, years = settings.replications, settings.years
    extra = [settings.escalation_beds] + [sp.escalation_beds for sp in pools[1:]]
    beds = np.asarray([sp.pool.beds for sp in pools], dtype=np.int64)
    capacity = beds + np.asarray(extra, dtype=np.int64)
    outlie = np.asarray([-1 if sp.outlie_to is None else names.index(sp.outlie_to) for sp in pools], dtype=np.int64)
    cancel_above = np.asarray(
        [sp.pool.beds * (1.0 if sp.electives is None else sp.electives.cancel_above_occupancy) for sp in pools]
    )
    calendars = [build_calendar(sp.pool, years, settings.warmup_days) for sp in pools]
    inputs = []
    for place, (sp, calendar) in enumerate(zip(pools, calendars, strict=True)):
        los = los_parameters(sp.pool.length_of_stay)
        # The patients at the start are drawn at the pool's whole load: its emergencies and its electives.
        stay = sp.pool.mean_stay_days
        daily = float(calendar.hourly_rates.mean()) * 24.0
        if sp.electives is not None and daily > 0:
            elective_los = sp.electives.length_of_stay or sp.pool.length_of_stay
            stay += sp.electives.per_year / 365 * elective_los.mean_days / daily
        inputs.append(
            (
                los,
                length_biased_cumulative(los[3]),
                start_distribution(calendar, stay, int(capacity[place])),
                discharge_parameters(sp.pool, calendar),
                pool_seeds(settings.seed, place, reps),
                _elective_seeds(settings.seed, place, reps),
            )
        )
    width = int(capacity.max())
    heaps_shape = (len(pools), width)
    by_midnight = np.zeros((reps, len(pools), width + 1), dtype=np.int64)
    counts = np.zeros((reps, len(pools), _COLUMNS), dtype=np.float64)
    arrivals = np.zeros(reps, dtype=np.int64)
    end_hours = calendars[0].hourly_rates.shape[0]
    warmup_hours = calendars[0].warmup_hours

    def one(r: int) -> None:
        starts: list[FloatArray] = []
        streams: list[tuple[FloatArray, FloatArray, int, int]] = []
        for place, (sp, calendar, (los, biased, start_cdf, discharge, seeds, elective_seeds)) in enumerate(
            zip(pools, calendars, inputs, strict=True)
        ):
            kind, p1, p2, values = los
            guess = int(calendar.hourly_rates.sum() * 1.05) + 64
            start, times, leaves = _emergency_patients(
                calendar.hourly_rates,
                int(capacity[place]),
                start_cdf,
                kind,
                p1,
                p2,
                values,
                biased,
                discharge,
                seeds[r],
                guess,
            )
            starts.append(start)
            streams.append((times, leaves, place, 0))
            if sp.electives is not None:
                e = sp.electives
                ekind, ep1, ep2, evalues = los_parameters(e.length_of_stay or sp.pool.length_of_stay)
                etimes, eleaves = _elective_patients(
                    calendar.day_weekday,
                    np.asarray(e.per_weekday, dtype=np.int64),
                    e.hour,
                    ekind,
                    ep1,
                    ep2,
                    evalues,
                    discharge,
                    elective_seeds[r],
                )
                streams.append((etimes, eleaves, place, 1))
        start_offsets = np.cumsum([0] + [s.shape[0] for s in starts]).astype(np.int64)
        offsets = np.cumsum([0] + [s[0].shape[0] for s in streams]).astype(np.int64)
        arrivals[r] = int(offsets[-1])
        _run_system(
            beds,
            capacity,
            outlie,
            cancel_above,
            np.concatenate(starts),
            start_offsets,
            np.concatenate([s[0] for s in streams]),
            np.concatenate([s[1] for s in streams]),
            offsets,
            np.asarray([s[2] for s in streams], dtype=np.int64),
            np.asarray([s[3] for s in streams], dtype=np.int64),
            warmup_hours,
            end_hours,
            np.empty(heaps_shape, dtype=np.float64),
            np.zeros(len(pools), dtype=np.int64),
            by_midnight[r],
            counts[r],
        )

    run_replications(one, reps, progress, _worker_count(workers))
    hours = years * 365 * 24
    results = []
    for p, sp in enumerate(pools):
        c = counts[:, p, :]
        planned = sp.electives is not None
        results.append(
            PoolResult(
                name=sp.pool.name,
                beds=sp.pool.beds,
                escalation_beds=int(extra[p]),
                outlie_to=sp.outlie_to,
                admissions_per_year=Estimate.of(c[:, _ARRIVALS] / years),
                admitted_per_year=Estimate.of(c[:, _OWN] / years),
                refused_per_year=Estimate.of(c[:, _REFUSED] / years),
                outliers_sent_per_year=Estimate.of(c[:, _SENT] / years),
                outliers_received_per_year=Estimate.of(c[:, _RECEIVED] / years),
                outlying_bed_days_per_year=Estimate.of(c[:, _OUTLYING_HOURS] / 24 / years),
                mean_occupied_beds=Estimate.of(c[:, _BED_HOURS] / hours),
                electives_planned_per_year=Estimate.of(c[:, _PLANNED] / years) if planned else None,
                electives_cancelled_per_year=Estimate.of(c[:, _CANCELLED] / years) if planned else None,
                # The main pool's escalation beds open above the settings' threshold; the others' when full.
                midnight=_midnight(
                    by_midnight[:, p, : int(capacity[p]) + 1],
                    sp.pool.beds,
                    years,
                    settings.escalation_threshold if p == 0 else 1.0,
                ),
            )
        )
    return SystemResult(tuple(results), reps, years, int(arrivals.sum()))


__all__ = [
    "MAX_BEDS",
    "MAX_POOLS",
    "Electives",
    "PoolResult",
    "SystemPool",
    "SystemResult",
    "simulate_system",
    "system_problems",
]
