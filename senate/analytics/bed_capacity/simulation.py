"""Discrete-event simulation of a bed pool as a loss system with time-varying demand.

The Erlang formula assumes steady demand. Real admissions swing by hour,
weekday and season, and Bagust, Place & Posnett (BMJ 1999) found that those
swings, not the shape of the length-of-stay distribution, decide how many
patients find no bed. This module simulates the M_t/G/c/c system directly:
non-homogeneous Poisson arrivals from ``demand.build_calendar``, a length of
stay drawn for each admitted patient, and refusal when all beds are full.

Each replication starts from the steady state, not from empty wards: the
number of patients already in beds is drawn from the stationary distribution
of the loss system (the truncated Poisson of Erlang's formula, which holds for
any length-of-stay distribution), and each of them is given the rest of a stay
drawn from the equilibrium ("residual") distribution, a length-biased stay cut
at a uniform point. Starting empty biased long-stay pools (rehabilitation,
community, mental health) low even after the longest warm-up; the warm-up now
only lets the start settle into the demand pattern.

The event loop is compiled with numba. Each replication seeds numba's own
generator from a ``numpy.random.SeedSequence``, so results depend only on
the seed and the replication number (not on thread scheduling).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, replace
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt
from numba import njit
from scipy.special import gammaln, logsumexp, stdtrit

from .demand import DemandCalendar, build_calendar
from .model import DAYS_PER_YEAR, WEEKDAY_NAMES, BedPool, LengthOfStay

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Progress = Callable[[float], None]
# How a pool is simulated when its patients wait for a bed rather than go elsewhere: waiting.py adds
# "waits" when it is imported (the package imports it), so this module never imports it back.
QUEUE_RUNNERS: dict[str, Callable[..., SimulationResult]] = {}
_F = TypeVar("_F", bound=Callable[..., Any])

# Limits that keep one run inside the time a panel can wait for. Measured on a
# 2-core machine: about 4-5 million simulated admissions a second per thread,
# and a pair of 100 x 10-year runs at 40,000 admissions a year in 11-26 s.
MAX_BEDS = 5_000
MAX_REPLICATIONS = 1_000
MAX_YEARS = 50
MAX_WARMUP_DAYS = 3 * DAYS_PER_YEAR
# replications x years x admissions a year, for one side of a comparison.
MAX_SIMULATED_ADMISSIONS = 150_000_000
MAX_EMPIRICAL_VALUES = 1_000_000

WHEN_FULL = ("turned_away", "waits")
_LOS_CODES = {"exponential": 0, "lognormal": 1, "fixed": 2, "empirical": 3}
_HOURS_PER_WEEK = 168


@dataclass(frozen=True)
class SimulationSettings:
    """How much to simulate. ``seed`` makes the run repeatable."""

    replications: int = 100
    years: int = 10
    warmup_days: int = 60
    seed: int = 1
    when_full: str = "turned_away"  # or "waits": a patient who finds every bed full waits for one
    required_beds_target: float | None = None  # search the proposal for the beds meeting this chance of no bed
    escalation_beds: int = 0  # extra beds opened when the pool is busy (escalation, surge), on each side
    # They open while more than this share of the permanent beds is occupied: 1.0 is only when every bed is full.
    escalation_threshold: float = 1.0

    def problems(self) -> list[str]:
        """Messages naming the bad field, empty if the settings are usable."""
        out: list[str] = []
        checks = (
            ("replications", self.replications, 2, MAX_REPLICATIONS),
            ("years", self.years, 1, MAX_YEARS),
            ("warmup_days", self.warmup_days, 0, MAX_WARMUP_DAYS),
            ("seed", self.seed, 0, 2**63 - 1),
            ("escalation_beds", self.escalation_beds, 0, MAX_BEDS),
        )
        for name, value, low, high in checks:
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                out.append(f"{name}: must be a whole number from {low:,} to {high:,} (got {value!r})")
        target = self.required_beds_target
        if target is not None and (
            isinstance(target, bool) or not isinstance(target, float | int) or not 0 < target < 1
        ):
            out.append(f"required_beds_target: must be a chance above 0 and below 1, like 0.01 (got {target!r})")
        threshold = self.escalation_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, float | int) or not 0 < threshold <= 1:
            out.append(
                "escalation_threshold: must be a share of the beds above 0 and at most 1, like 0.95 "
                f"(got {threshold!r})"
            )
        if self.when_full not in WHEN_FULL:
            out.append(f"when_full: must be one of {', '.join(WHEN_FULL)} (got {self.when_full!r})")
        return out


class SimulationTooLargeError(ValueError):
    """The scenario cannot be simulated in the time a panel can wait."""


def size_problems(
    pool: BedPool,
    settings: SimulationSettings,
    *,
    beds_field: str = "beds",
    los_field: str = "length_of_stay.values_days",
    side: str = "",
) -> list[str]:
    """Why ``pool`` cannot be simulated in time with ``settings``.

    Each message starts with the field to change (e.g. ``baseline.beds``);
    ``side`` labels the pool in the message about total work.
    """
    out: list[str] = []
    capacity = pool.beds + settings.escalation_beds
    if capacity > MAX_BEDS:
        out.append(
            f"{beds_field}: {capacity:,} beds is more than the {MAX_BEDS:,} that can be "
            "simulated in time; split the pool or use the Erlang figures only"
        )
    los = pool.length_of_stay
    if los.distribution == "empirical" and len(los.values_days) > MAX_EMPIRICAL_VALUES:
        out.append(f"{los_field}: {len(los.values_days):,} values is more than the {MAX_EMPIRICAL_VALUES:,} allowed")
    load = pool.admissions_per_day * pool.mean_stay_days
    if settings.when_full == "waits" and load >= capacity:
        out.append(
            f"{beds_field}: with patients waiting for a bed, the beds ({capacity:,}) must be more than the "
            f"offered load ({load:,.1f} beds' worth of admissions), or the queue grows without end"
        )
    work = settings.replications * settings.years * pool.admissions_per_year
    if work > MAX_SIMULATED_ADMISSIONS:
        out.append(
            f"simulation.replications: replications x years x admissions a year"
            f"{' (' + side + ')' if side else ''} = {work:,.0f} simulated admissions, more than "
            f"the {MAX_SIMULATED_ADMISSIONS:,} that can be simulated in time; reduce "
            "simulation.replications or simulation.years"
        )
    return out


@dataclass(frozen=True)
class Estimate:
    """A mean across replications with its 95% confidence interval."""

    mean: float
    low: float
    high: float
    standard_error: float

    @classmethod
    def of(cls, samples: FloatArray) -> Estimate:
        """Student-t interval across independent replications.

        Every figure here is a count or a proportion, so the lower end is
        clipped at zero rather than showing an impossible negative.
        """
        x = np.asarray(samples, dtype=np.float64)
        n = x.size
        mean = float(x.mean()) if n else 0.0
        se = float(x.std(ddof=1) / math.sqrt(n)) if n > 1 else 0.0
        half = float(stdtrit(n - 1, 0.975)) * se if n > 1 else 0.0
        return cls(mean=mean, low=max(0.0, mean - half), high=mean + half, standard_error=se)

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


MIDNIGHT_CENTILES = (5, 25, 50, 75, 95)
OCCUPANCY_LEVELS = (0.85, 0.92, 0.95)


@dataclass(frozen=True)
class MidnightOccupancy:
    """Beds occupied at midnight, the census hospitals report: never the 85% rule alone."""

    beds: int
    centiles: tuple[tuple[int, int], ...]  # (centile, beds occupied), pooled over replications
    days_above: tuple[tuple[float, Estimate], ...]  # (level, days a year above level x beds)
    days_full: Estimate  # days a year with every permanent bed occupied at midnight
    escalation_beds: int = 0
    escalation_nights: Estimate | None = None  # nights a year with escalation beds in use
    escalation_bed_nights: Estimate | None = None  # escalation beds in use, summed over the nights of a year
    escalation_threshold: float = 1.0  # they are open while more than this share of the permanent beds is occupied
    escalation_nights_open: Estimate | None = None  # nights a year the escalation beds are open (staffed)
    escalation_bed_nights_open: Estimate | None = None  # escalation beds open, summed over the nights of a year

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "beds": self.beds,
            "centiles": {str(c): v for c, v in self.centiles},
            "days_above": {f"{level:.2f}": e.to_dict() for level, e in self.days_above},
            "days_full": self.days_full.to_dict(),
        }
        if self.escalation_beds and self.escalation_nights and self.escalation_bed_nights:
            escalation: dict[str, object] = {
                "beds": self.escalation_beds,
                "nights_in_use": self.escalation_nights.to_dict(),
                "bed_nights": self.escalation_bed_nights.to_dict(),
            }
            if self.escalation_nights_open and self.escalation_bed_nights_open:
                escalation |= {
                    "threshold": self.escalation_threshold,
                    "nights_open": self.escalation_nights_open.to_dict(),
                    "bed_nights_open": self.escalation_bed_nights_open.to_dict(),
                }
            out["escalation"] = escalation
        return out


@dataclass(frozen=True)
class SimulationResult:
    """Figures per simulated year, each with a 95% CI across replications."""

    refused_per_year: Estimate
    refused_per_month: tuple[Estimate, ...]  # Jan..Dec
    refused_per_weekday: tuple[Estimate, ...]  # Mon..Sun
    peak_hour_of_week: int  # 0 = Monday 00:00-01:00
    no_bed_probability_at_peak_hour: Estimate
    days_with_refusals_per_year: Estimate
    mean_occupied_beds: Estimate
    refusal_fraction: Estimate
    admissions_per_year: Estimate  # arrivals, admitted or refused
    midnight: MidnightOccupancy
    replications: int
    years: int
    warmup_days: int
    seed: int
    simulated_arrivals: int  # including warm-up, all replications
    waiting: Any = None  # waiting.WaitingResult when patients wait for a bed instead of being turned away

    @property
    def peak_hour_label(self) -> str:
        return hour_of_week_label(self.peak_hour_of_week)

    def to_dict(self) -> dict[str, object]:
        return {
            "refused_per_year": self.refused_per_year.to_dict(),
            "refused_per_month": [e.to_dict() for e in self.refused_per_month],
            "refused_per_weekday": [e.to_dict() for e in self.refused_per_weekday],
            "peak_hour_of_week": self.peak_hour_of_week,
            "peak_hour_label": self.peak_hour_label,
            "no_bed_probability_at_peak_hour": self.no_bed_probability_at_peak_hour.to_dict(),
            "days_with_refusals_per_year": self.days_with_refusals_per_year.to_dict(),
            "mean_occupied_beds": self.mean_occupied_beds.to_dict(),
            "refusal_fraction": self.refusal_fraction.to_dict(),
            "admissions_per_year": self.admissions_per_year.to_dict(),
            "midnight_occupancy": self.midnight.to_dict(),
            "replications": self.replications,
            "years": self.years,
            "warmup_days": self.warmup_days,
            "seed": self.seed,
            "simulated_arrivals": self.simulated_arrivals,
            "when_full": "turned_away" if self.waiting is None else "waits",
            "waiting": None if self.waiting is None else self.waiting.to_dict(),
        }


def hour_of_week_label(hour: int) -> str:
    day, h = divmod(hour, 24)
    return f"{WEEKDAY_NAMES[day]} {h:02d}:00-{(h + 1) % 24:02d}:00"


# --------------------------------------------------------------------------
# Compiled core
# --------------------------------------------------------------------------


def _compile(fn: _F) -> _F:
    """numba-compile ``fn``, caching the machine code on disk where possible.

    The cache cuts the first call in a new process from a few seconds of JIT
    to well under one. numba refuses ``cache=True`` at import if it finds no
    writable cache directory (read-only install and home); compile each run then.
    """
    try:
        return cast(_F, njit(cache=True, nogil=True)(fn))
    except RuntimeError:
        return cast(_F, njit(cache=False, nogil=True)(fn))


@_compile
def _heap_push(heap: FloatArray, size: int, value: float) -> int:
    i = size
    while i > 0:
        parent = (i - 1) >> 1
        if heap[parent] <= value:
            break
        heap[i] = heap[parent]
        i = parent
    heap[i] = value
    return size + 1


@_compile
def _heap_replace_top(heap: FloatArray, size: int, value: float) -> None:
    """Drop the earliest discharge and insert ``value`` in one sift-down."""
    i = 0
    while True:
        child = 2 * i + 1
        if child >= size:
            break
        if child + 1 < size and heap[child + 1] < heap[child]:
            child += 1
        if heap[child] >= value:
            break
        heap[i] = heap[child]
        i = child
    heap[i] = value


@_compile
def _heap_pop(heap: FloatArray, size: int) -> int:
    """Drop the earliest discharge."""
    size -= 1
    if size > 0:
        _heap_replace_top(heap, size, heap[size])
    return size


@_compile
def _stay_hours(kind: int, p1: float, p2: float, values: FloatArray) -> float:
    if kind == 0:
        return float(np.random.exponential(p1)) * 24.0
    if kind == 1:
        return float(np.random.lognormal(p1, p2)) * 24.0
    if kind == 2:
        return p1 * 24.0
    return float(values[np.random.randint(0, values.shape[0])]) * 24.0


@_compile
def _hours_in_bed(t: float, kind: int, p1: float, p2: float, values: FloatArray, discharge: FloatArray) -> float:
    """Hours in a bed of a patient admitted at hour ``t``: the clinical stay, then any delay once ready
    to leave, then the wait for a discharge slot (``BedPool.discharge_profile``).

    ``discharge`` holds the share of patients delayed, their mean delay in hours, the weekday of
    hour 0 and, when discharges follow a profile, the 168 weights of the hours of the week. The extra
    random numbers are drawn for every patient only when the feature is on, so a scenario without
    them gives the same patients as before.
    """
    stay = _stay_hours(kind, p1, p2, values)
    if discharge[0] > 0.0:
        delayed = np.random.random() < discharge[0]
        delay = np.random.exponential(discharge[1])
        if delayed:
            stay += delay
    if discharge.shape[0] > 3:
        u = 1.0 - np.random.random()  # (0, 1]: an hour of weight 0 lets nobody go
        ready = t + stay
        hour = int(math.floor(ready))
        first = hour
        while True:
            how = ((int(discharge[2]) + hour // 24) % 7) * 24 + hour % 24
            if discharge[3 + how] >= u:
                break
            hour += 1
        if hour > first:
            stay = hour - t
    return stay


@_compile
def _residual_hours(kind: int, p1: float, p2: float, values: FloatArray, biased_cum: FloatArray) -> float:
    """The rest of the stay of a patient found in a bed at a random moment.

    A patient in a bed is more likely to be a long-stayer (length bias), and is
    found at a uniform point of that stay. Length-biased exponential stays cut
    at a uniform point are exponential again; a length-biased lognormal(mu,
    sigma) is lognormal(mu + sigma^2, sigma); an empirical stay is picked with
    probability proportional to its length.
    """
    u = np.random.random()
    if kind == 0:
        return float(np.random.exponential(p1)) * 24.0
    if kind == 1:
        return u * float(np.random.lognormal(p1 + p2 * p2, p2)) * 24.0
    if kind == 2:
        return u * p1 * 24.0
    i = np.searchsorted(biased_cum, np.random.random() * biased_cum[-1], side="right")
    return u * float(values[min(i, values.shape[0] - 1)]) * 24.0


@_compile
def _start_in_steady_state(
    heap: FloatArray,
    beds: int,
    start_cdf: FloatArray,
    kind: int,
    p1: float,
    p2: float,
    values: FloatArray,
    biased_cum: FloatArray,
) -> int:
    """Fill the heap with the discharge times of the patients in beds at hour 0."""
    occupied = min(int(np.searchsorted(start_cdf, np.random.random(), side="right")), beds)
    size = 0
    for _ in range(occupied):
        size = _heap_push(heap, size, _residual_hours(kind, p1, p2, values, biased_cum))
    return size


@_compile
def _run_replication(
    rates: FloatArray,
    day_month: IntArray,
    day_weekday: IntArray,
    warmup_hours: int,
    beds: int,
    los_kind: int,
    p1: float,
    p2: float,
    los_values: FloatArray,
    biased_cum: FloatArray,
    start_cdf: FloatArray,
    discharge: FloatArray,
    seed: int,
    by_month: IntArray,  # (12, 2): arrivals, refused
    by_weekday: IntArray,  # (7, 2)
    by_hour_of_week: IntArray,  # (168, 2)
    by_midnight: IntArray,  # (beds + 1,): counted days by the beds occupied at midnight
    totals: FloatArray,  # arrivals incl. warm-up, days with refusals, occupied bed-hours
) -> None:
    np.random.seed(seed)
    # Discharge times of admitted patients. Entries already in the past are
    # dropped lazily: a bed is free exactly when the heap is not full or its
    # earliest discharge has passed, so one sift per admission is enough.
    heap = np.empty(beds, dtype=np.float64)
    start = float(warmup_hours)
    end = float(rates.shape[0])
    size = _start_in_steady_state(heap, beds, start_cdf, los_kind, p1, p2, los_values, biased_cum)
    bed_hours = 0.0
    for i in range(size):
        if heap[i] > start:
            bed_hours += min(heap[i], end) - start
    # Inversion of the cumulative intensity: ``left`` is the intensity still
    # to run before the next arrival (a unit-rate exponential).
    left = np.random.exponential(1.0)
    plain = discharge[0] <= 0.0 and discharge.shape[0] <= 3  # no delays or discharge slots: the stay alone
    arrivals = 0
    days_with_refusals = 0
    last_refused_day = -1
    for h in range(rates.shape[0]):
        if h % 24 == 0 and h >= warmup_hours:
            # Midnight census: discharges already due leave the heap, so its size is the occupancy.
            while size > 0 and heap[0] <= h:
                size = _heap_pop(heap, size)
            by_midnight[size] += 1
        rate = rates[h]
        used = 0.0
        arrived = 0
        refused = 0
        while rate > 0.0 and left <= rate - used:
            used += left
            left = np.random.exponential(1.0)
            t = h + used / rate
            arrived += 1
            # Every arrival draws its stay, admitted or not, so the same seed gives the same patients
            # whatever the number of beds (common random numbers for the required-beds search).
            if plain:
                leaves = t + _stay_hours(los_kind, p1, p2, los_values)
            else:
                leaves = t + _hours_in_bed(t, los_kind, p1, p2, los_values, discharge)
            if size < beds:
                size = _heap_push(heap, size, leaves)
            elif heap[0] <= t:
                _heap_replace_top(heap, size, leaves)
            else:
                refused += 1
                continue
            overlap = min(leaves, end) - max(t, start)
            if overlap > 0.0:
                bed_hours += overlap
        left -= rate - used
        arrivals += arrived
        if h < warmup_hours or arrived == 0:
            continue
        # Counted hour: calendar lookups once per hour, not per arrival.
        day = h // 24
        month = day_month[day]
        weekday = day_weekday[day]
        how = weekday * 24 + h % 24
        by_month[month, 0] += arrived
        by_weekday[weekday, 0] += arrived
        by_hour_of_week[how, 0] += arrived
        if refused > 0:
            by_month[month, 1] += refused
            by_weekday[weekday, 1] += refused
            by_hour_of_week[how, 1] += refused
            if day != last_refused_day:
                days_with_refusals += 1
                last_refused_day = day
    totals[0] = arrivals
    totals[1] = days_with_refusals
    totals[2] = bed_hours


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


@dataclass
class _Counts:
    """Raw counts, one row per replication."""

    by_month: IntArray
    by_weekday: IntArray
    by_hour_of_week: IntArray
    by_midnight: IntArray
    totals: FloatArray

    @classmethod
    def empty(cls, replications: int, beds: int) -> _Counts:
        return cls(
            by_month=np.zeros((replications, 12, 2), dtype=np.int64),
            by_weekday=np.zeros((replications, 7, 2), dtype=np.int64),
            by_hour_of_week=np.zeros((replications, _HOURS_PER_WEEK, 2), dtype=np.int64),
            by_midnight=np.zeros((replications, beds + 1), dtype=np.int64),
            totals=np.zeros((replications, 3), dtype=np.float64),
        )


def discharge_parameters(pool: BedPool, calendar: DemandCalendar) -> FloatArray:
    """What ``_hours_in_bed`` needs about delays and discharge times (see its docstring)."""
    delayed = pool.delayed_discharge
    head = [0.0, 0.0, float(calendar.day_weekday[0]) if calendar.day_weekday.size else 0.0]
    if delayed is not None and delayed.share_of_patients > 0 and delayed.mean_days > 0:
        head[:2] = [delayed.share_of_patients, delayed.mean_days * 24.0]
    weights = [] if pool.discharge_profile is None else list(pool.discharge_profile.weights())
    return np.asarray(head + weights, dtype=np.float64)


def los_parameters(los: LengthOfStay) -> tuple[int, float, float, FloatArray]:
    """Kernel code and parameters for a length-of-stay distribution."""
    values = np.asarray(los.values_days or (0.0,), dtype=np.float64)
    if los.distribution == "lognormal":
        # Match the stated mean and cv: sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2.
        sigma2 = math.log1p((los.cv or 0.0) ** 2)
        return 1, math.log(los.mean_days) - sigma2 / 2, math.sqrt(sigma2), values
    return _LOS_CODES[los.distribution], los.mean_days, 0.0, values


def start_distribution(calendar: DemandCalendar, mean_stay_days: float, beds: int) -> FloatArray:
    """Cumulative probabilities of 0..beds patients in beds at the start.

    The stationary distribution of an M/G/c/c pool: Poisson with the offered
    load (mean admissions an hour over the whole run times the mean time in a bed),
    truncated at the number of beds. Computed in log space so thousands of
    beds and loads neither overflow nor underflow.
    """
    rates = calendar.hourly_rates
    load = float(rates.mean()) * mean_stay_days * 24.0 if rates.size else 0.0
    if load <= 0.0:
        return np.ones(beds + 1, dtype=np.float64)
    k = np.arange(beds + 1, dtype=np.float64)
    log_weights = k * math.log(load) - gammaln(k + 1.0)
    probabilities = np.exp(log_weights - logsumexp(log_weights))
    cdf = np.cumsum(probabilities)
    cdf[-1] = 1.0
    return cdf


def length_biased_cumulative(values: FloatArray) -> FloatArray:
    """Cumulative weights for picking an empirical stay in proportion to its length."""
    return np.cumsum(np.maximum(values, 0.0))


def replication_seeds(seed: int, replications: int) -> list[int]:
    """Independent 32-bit seeds for numba's Mersenne Twister, one per replication."""
    state = np.random.SeedSequence(seed).generate_state(replications, dtype=np.uint32)
    return [int(s) for s in state]


def simulate(
    pool: BedPool,
    settings: SimulationSettings,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> SimulationResult:
    """Simulate ``pool`` for ``settings.replications`` independent runs.

    ``progress`` is called with the fraction done after each replication.
    ``workers`` threads share the replications (the compiled loop releases
    the GIL); by default one per CPU, at most 4. Raises SimulationTooLargeError
    (naming the field) for runs that would take too long.
    """
    problems = settings.problems() + size_problems(pool, settings)
    if problems:
        raise SimulationTooLargeError("; ".join(problems))
    # Escalation beds are simply more beds while they are needed; the census says how often.
    permanent, pool = pool.beds, _with_escalation(pool, settings)
    calendar = build_calendar(pool, settings.years, settings.warmup_days)
    counts = _Counts.empty(settings.replications, pool.beds)
    if settings.when_full == "waits":
        run = QUEUE_RUNNERS["waits"]
        return run(pool, calendar, settings, counts, progress, _worker_count(workers), permanent)
    _run_all(pool, calendar, settings, counts, progress, _worker_count(workers))
    return _summarise(counts, settings, permanent)


def _with_escalation(pool: BedPool, settings: SimulationSettings) -> BedPool:
    return replace(pool, beds=pool.beds + settings.escalation_beds) if settings.escalation_beds else pool


def _worker_count(workers: int | None) -> int:
    if workers is None:
        return max(1, min(4, os.cpu_count() or 1))
    if workers < 1:
        raise ValueError("workers must be at least 1")
    return workers


def kernel_inputs(
    pool: BedPool, calendar: DemandCalendar, settings: SimulationSettings
) -> tuple[list[int], tuple[int, float, float, FloatArray], FloatArray, FloatArray, FloatArray]:
    """What every replication's compiled loop is given, whatever happens when the beds are full: the
    seeds, the stay's kernel code and parameters, the length-biased weights, the starting census and
    the discharge parameters. The patients in beds at the start have the rest of a clinical stay;
    delays and discharge times apply from then on (the warm-up settles the difference)."""
    seeds = replication_seeds(settings.seed, settings.replications)
    los = los_parameters(pool.length_of_stay)
    start = start_distribution(calendar, pool.mean_stay_days, pool.beds)
    return seeds, los, length_biased_cumulative(los[3]), start, discharge_parameters(pool, calendar)


def _run_all(
    pool: BedPool,
    calendar: DemandCalendar,
    settings: SimulationSettings,
    counts: _Counts,
    progress: Progress | None,
    workers: int,
) -> None:
    seeds, (kind, p1, p2, values), biased_cum, start_cdf, discharge = kernel_inputs(pool, calendar, settings)

    def one(r: int) -> None:
        _run_replication(
            calendar.hourly_rates,
            calendar.day_month,
            calendar.day_weekday,
            calendar.warmup_hours,
            pool.beds,
            kind,
            p1,
            p2,
            values,
            biased_cum,
            start_cdf,
            discharge,
            seeds[r],
            counts.by_month[r],
            counts.by_weekday[r],
            counts.by_hour_of_week[r],
            counts.by_midnight[r],
            counts.totals[r],
        )

    run_replications(one, settings.replications, progress, workers)


def run_replications(one: Callable[[int], None], total: int, progress: Progress | None, workers: int) -> None:
    """Run ``one(r)`` for every replication, on ``workers`` threads, reporting progress."""
    one(0)  # compiles on first use, outside the pool
    _report(progress, 1, total)
    if workers == 1:
        for r in range(1, total):
            one(r)
            _report(progress, r + 1, total)
        return
    with ThreadPoolExecutor(max_workers=workers) as executor:
        futures = [executor.submit(one, r) for r in range(1, total)]
        for done, future in enumerate(as_completed(futures), start=2):
            future.result()
            _report(progress, done, total)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done / total)


def _summarise(counts: _Counts, settings: SimulationSettings, beds: int) -> SimulationResult:
    years = settings.years
    arrivals = counts.by_month[:, :, 0].sum(axis=1).astype(np.float64)
    refused = counts.by_month[:, :, 1].sum(axis=1).astype(np.float64)
    peak, peak_fraction = _peak_hour(counts.by_hour_of_week)
    hours = years * DAYS_PER_YEAR * 24
    return SimulationResult(
        refused_per_year=Estimate.of(refused / years),
        refused_per_month=tuple(Estimate.of(c / years) for c in counts.by_month[:, :, 1].T),
        refused_per_weekday=tuple(Estimate.of(c / years) for c in counts.by_weekday[:, :, 1].T),
        peak_hour_of_week=peak,
        no_bed_probability_at_peak_hour=peak_fraction,
        days_with_refusals_per_year=Estimate.of(counts.totals[:, 1] / years),
        mean_occupied_beds=Estimate.of(counts.totals[:, 2] / hours),
        refusal_fraction=Estimate.of(_ratio(refused, arrivals)),
        admissions_per_year=Estimate.of(arrivals / years),
        midnight=_midnight(counts.by_midnight, beds, years, settings.escalation_threshold),
        replications=settings.replications,
        years=years,
        warmup_days=settings.warmup_days,
        seed=settings.seed,
        simulated_arrivals=int(counts.totals[:, 0].sum()),
    )


def _midnight(by_midnight: IntArray, beds: int, years: int, threshold: float = 1.0) -> MidnightOccupancy:
    """Midnight occupancy as a ward sees it: its spread, and days a year above each level.

    ``beds`` are the permanent beds; the census may run past them into escalation beds, whose
    nights in use and bed-nights are counted separately. The escalation beds are open (staffed) on
    a night whose census is above ``threshold`` x ``beds``, whether or not anyone is in them yet;
    they are always open when every permanent bed is full, so the threshold changes how long they
    are staffed, not who finds a bed.
    """
    pooled = by_midnight.sum(axis=0)
    cumulative = np.cumsum(pooled) / max(1, int(pooled.sum()))
    centiles = tuple((c, int(np.searchsorted(cumulative, c / 100))) for c in MIDNIGHT_CENTILES)
    occupancy = np.arange(by_midnight.shape[1])
    above = tuple(
        (level, Estimate.of(by_midnight[:, occupancy > level * beds].sum(axis=1) / years)) for level in OCCUPANCY_LEVELS
    )
    escalation = occupancy > beds
    extra = by_midnight.shape[1] - 1 - beds
    open_nights = by_midnight[:, occupancy > threshold * beds].sum(axis=1) / years
    return MidnightOccupancy(
        beds=beds,
        centiles=centiles,
        days_above=above,
        days_full=Estimate.of(by_midnight[:, beds:].sum(axis=1) / years),
        escalation_beds=extra,
        escalation_nights=Estimate.of(by_midnight[:, escalation].sum(axis=1) / years),
        escalation_bed_nights=Estimate.of((by_midnight * np.maximum(occupancy - beds, 0)).sum(axis=1) / years),
        escalation_threshold=threshold,
        escalation_nights_open=Estimate.of(open_nights),
        escalation_bed_nights_open=Estimate.of(open_nights * extra),
    )


def _peak_hour(by_how: IntArray) -> tuple[int, Estimate]:
    """The hour of the week with the highest pooled refusal fraction.

    Ties (e.g. no refusals at all) go to the busiest hour, so the figure is
    still about the hour when a bed is hardest to find.
    """
    pooled = by_how.sum(axis=0)
    fraction = _ratio(pooled[:, 1].astype(np.float64), pooled[:, 0].astype(np.float64))
    peak = int(np.lexsort((pooled[:, 0], fraction))[-1])
    per_rep = by_how[:, peak, :]
    seen = per_rep[:, 0] > 0
    return peak, Estimate.of(per_rep[seen, 1] / per_rep[seen, 0])


def _ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    out = np.zeros_like(num, dtype=np.float64)
    np.divide(num, den, out=out, where=den > 0)
    return out
