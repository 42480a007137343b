"""Inputs for the bed test: a bed pool, a proposal stated as the NHS bed-test
conditions, and the rule that turns the proposal into the pool it implies.

A bed pool is treated as a loss system (M_t/G/c/c): an admission that finds
every bed full is "refused" (finds no bed). Bagust, Place & Posnett (BMJ 1999)
showed that it is the *variation* in demand, not average occupancy, that
decides how often that happens, so a pool carries its month, weekday and hour
patterns alongside its annual total.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field, replace
from typing import Literal

DAYS_PER_YEAR = 365
# Model years have no 29 February; the simulation uses the same calendar, so
# Erlang and simulated figures are per the same 365-day year.
DAYS_IN_MONTH: tuple[int, ...] = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MONTH_NAMES: tuple[str, ...] = tuple("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())
WEEKDAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Flat patterns: demand per day constant across the year (so month shares are
# proportional to month length), across weekdays and across hours.
FLAT_MONTH_SHARES: tuple[float, ...] = tuple(d / DAYS_PER_YEAR for d in DAYS_IN_MONTH)
FLAT_WEEKDAY_SHARES: tuple[float, ...] = (1 / 7,) * 7
FLAT_HOUR_SHARES: tuple[float, ...] = (1 / 24,) * 24

SHARE_TOLERANCE = 1e-6

# Plausibility bounds, so a slip of the keyboard is named instead of running for hours. The longest
# stays (secure mental health care) are counted in years, not decades; no pool in England admits five
# million patients a year or needs anything like 100,000 beds (the whole NHS in England has about that).
MAX_MEAN_STAY_DAYS = 3_650.0
MAX_STAY_DAYS = 36_500.0  # one stay in an empirical list: a hundred years
MAX_ADMISSIONS_PER_YEAR = 5_000_000.0
MAX_OFFERED_LOAD = 100_000.0  # Erlangs: beds that would be in use if no one were turned away
DEFAULT_TARGET_OCCUPANCY = 0.85

LosDistribution = Literal["lognormal", "exponential", "fixed", "empirical"]
LOS_DISTRIBUTIONS: tuple[str, ...] = ("lognormal", "exponential", "fixed", "empirical")


# --------------------------------------------------------------------------
# Small checks shared by the dataclasses and the scenario validator, so a
# Python caller and a JSON upload are refused for the same reasons.
# --------------------------------------------------------------------------


def share_problem(values: tuple[float, ...] | list[float], count: int) -> str | None:
    """Why ``values`` is not a list of ``count`` non-negative shares summing to 1."""
    if len(values) != count:
        return f"expected {count} shares, got {len(values)}"
    bad = [i for i, v in enumerate(values) if not math.isfinite(v) or v < 0]
    if bad:
        return f"share {bad[0] + 1} is negative or not a number ({values[bad[0]]})"
    total = math.fsum(values)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        return f"{count} shares must sum to 1 (they sum to {total:.6g})"
    return None


def positive_problem(value: float, *, allow_zero: bool = False) -> str | None:
    """Why ``value`` is not a finite positive (or non-negative) number."""
    if not math.isfinite(value):
        return f"must be a finite number (got {value})"
    if value < 0 or (value == 0 and not allow_zero):
        return f"must be {'zero or more' if allow_zero else 'more than zero'} (got {value:g})"
    return None


def load_problem(admissions_per_year: float, mean_days: float) -> str | None:
    """Why admissions times stay is more than any real pool could carry."""
    load = admissions_per_year / DAYS_PER_YEAR * mean_days
    if load <= MAX_OFFERED_LOAD:
        return None
    return (
        f"times the mean length of stay is an offered load of {load:,.0f} beds in use, more than the "
        f"{MAX_OFFERED_LOAD:,.0f} any pool could need; check the admissions and the length of stay"
    )


def _raise_if(problems: list[str], what: str) -> None:
    if problems:
        raise ValueError(f"invalid {what}: " + "; ".join(problems))


# --------------------------------------------------------------------------
# Length of stay
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class LengthOfStay:
    """Length of stay in days.

    Only the mean matters for the Erlang loss formula (the insensitivity
    property), but the shape is kept so the simulation can show that this
    holds also when demand varies over the week and the year.
    """

    distribution: LosDistribution
    mean_days: float
    cv: float | None = None  # coefficient of variation, lognormal only
    values_days: tuple[float, ...] = ()  # empirical only

    def __post_init__(self) -> None:
        _raise_if(self.problems(), "length of stay")

    @classmethod
    def lognormal(cls, mean_days: float, cv: float) -> LengthOfStay:
        return cls("lognormal", float(mean_days), cv=float(cv))

    @classmethod
    def exponential(cls, mean_days: float) -> LengthOfStay:
        return cls("exponential", float(mean_days))

    @classmethod
    def fixed(cls, mean_days: float) -> LengthOfStay:
        return cls("fixed", float(mean_days))

    @classmethod
    def empirical(cls, values_days: list[float] | tuple[float, ...]) -> LengthOfStay:
        values = tuple(float(v) for v in values_days)
        mean = math.fsum(values) / len(values) if values else 0.0
        return cls("empirical", mean, values_days=values)

    def problems(self) -> list[str]:
        out: list[str] = []
        if self.distribution not in LOS_DISTRIBUTIONS:
            out.append(f"distribution must be one of {', '.join(LOS_DISTRIBUTIONS)}")
        if (p := positive_problem(self.mean_days)) is not None:
            out.append(f"mean_days {p}")
        elif self.mean_days > MAX_MEAN_STAY_DAYS:
            out.append(f"mean_days must be at most {MAX_MEAN_STAY_DAYS:,.0f} days, ten years (got {self.mean_days:g})")
        cv_problem = None if self.cv is None else positive_problem(self.cv)
        if self.distribution == "lognormal" and (self.cv is None or cv_problem is not None):
            out.append(f"cv {cv_problem or 'is required for a lognormal length of stay'}")
        if self.distribution == "empirical":
            if not self.values_days:
                out.append("values_days must hold at least one length of stay")
            elif any(not math.isfinite(v) or v < 0 for v in self.values_days):
                out.append("values_days must all be zero or more")
            elif max(self.values_days) > MAX_STAY_DAYS:
                out.append(f"values_days must each be at most {MAX_STAY_DAYS:,.0f} days")
        return out

    def scaled(self, factor: float) -> LengthOfStay:
        """The same shape with every stay multiplied by ``factor``.

        Scaling keeps the cv (and the empirical shape), which is the neutral
        assumption when a proposal only states a new mean length of stay.
        """
        if self.distribution == "empirical":
            return LengthOfStay.empirical([v * factor for v in self.values_days])
        return replace(self, mean_days=self.mean_days * factor)

    def describe(self) -> str:
        if self.distribution == "lognormal":
            return f"lognormal, mean {self.mean_days:.2f} days, cv {self.cv:.2f}"
        if self.distribution == "empirical":
            n = len(self.values_days)
            return f"empirical ({n:,} stays), mean {self.mean_days:.2f} days"
        return f"{self.distribution}, mean {self.mean_days:.2f} days"


class LosCsvError(ValueError):
    """A length-of-stay CSV that cannot be read; ``errors`` name the lines."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


MAX_LOS_CSV_ERRORS = 20


def parse_los_csv(text: str) -> list[float]:
    """Read a single column of lengths of stay in days (one per patient).

    The first non-blank line may be a header (any non-numeric text). Blank
    lines are skipped. Every problem is reported with its line number.
    """
    errors: list[str] = []
    values: list[float] = []
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    first = True
    for row in rows:
        line = rows.line_num
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        value, problem = _los_cell(cells)
        if problem is not None and first and len(cells) == 1 and value is None:
            first = False  # a header
            continue
        first = False
        if problem is not None:
            errors.append(f"line {line}: {problem}")
        elif value is not None:
            values.append(value)
    if not values and not errors:
        errors.append("no lengths of stay found: expected one column of days")
    elif values and math.fsum(values) <= 0:
        errors.append("every length of stay is zero: the mean must be more than zero")
    if errors:
        more = len(errors) - MAX_LOS_CSV_ERRORS
        shown = errors[:MAX_LOS_CSV_ERRORS] + ([f"... and {more} more"] if more > 0 else [])
        raise LosCsvError(shown)
    return values


def _los_cell(cells: list[str]) -> tuple[float | None, str | None]:
    if len(cells) != 1:
        return None, f"expected one column (days), found {len(cells)}"
    try:
        value = float(cells[0])
    except ValueError:
        return None, f"{cells[0]!r} is not a number of days"
    if not math.isfinite(value) or value < 0:
        return (
            value,
            f"{cells[0]!r} is not a length of stay (must be zero or more days)",
        )
    return value, None


# --------------------------------------------------------------------------
# Discharges: delays after a patient is ready to leave, and when discharges happen
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DelayedDischarge:
    """Days in a bed after a patient is clinically ready to leave (waiting for care elsewhere),
    separate from the clinical stay: ``share_of_patients`` are delayed, each by an exponential
    number of days with mean ``mean_days``."""

    share_of_patients: float
    mean_days: float

    @property
    def mean_days_per_patient(self) -> float:
        return self.share_of_patients * self.mean_days


@dataclass(frozen=True)
class DischargeProfile:
    """When patients can leave: the split of discharges by weekday (Mon..Sun) and by hour.

    Each hour of the week gets a weight, weekday share x hour share, scaled so the busiest hour is 1.
    A patient ready to leave draws a number u from 0 to 1 and leaves in the first hour, from the one
    in which they are ready, whose weight is at least u: at once if that is the hour they are ready
    in, otherwise at the start of that hour. The busiest hours let everyone go; an hour of weight 0.4
    lets go the patients whose u is at most 0.4, and the others wait for the next busier slot.
    """

    weekday_shares: tuple[float, ...]
    hour_shares: tuple[float, ...]

    def weights(self) -> tuple[float, ...]:
        """168 weights, Monday 00:00 first, the largest 1."""
        raw = [d * h for d in self.weekday_shares for h in self.hour_shares]
        top = max(raw)
        return tuple(w / top for w in raw)

    def mean_wait_days(self) -> float:
        """Mean wait for a discharge slot of a patient ready at a moment spread evenly over the week.

        For u between two neighbouring weight levels the open hours are those at or above the
        higher level; a patient ready in a closed hour waits the rest of it (half an hour on
        average) and every closed hour after it until the next open one.
        """
        w = self.weights()
        levels = sorted(set(w) | {0.0})
        total = 0.0
        for below, level in zip(levels, levels[1:], strict=False):
            open_hours = [x >= level for x in w]
            wait = 0.0
            for h in range(168):
                if open_hours[h]:
                    continue
                gap = 1
                while not open_hours[(h + gap) % 168]:
                    gap += 1
                wait += gap - 0.5
            total += (level - below) * wait / 168
        return total / 24


# --------------------------------------------------------------------------
# Bed pool
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class BedPool:
    """One pool of interchangeable beds and the admissions it serves."""

    admissions_per_year: float
    length_of_stay: LengthOfStay
    beds: int
    month_shares: tuple[float, ...] = FLAT_MONTH_SHARES
    weekday_shares: tuple[float, ...] = FLAT_WEEKDAY_SHARES  # Mon..Sun
    hour_shares: tuple[float, ...] = FLAT_HOUR_SHARES  # 00:00..23:00
    target_occupancy: float = DEFAULT_TARGET_OCCUPANCY
    name: str = "Bed pool"
    delayed_discharge: DelayedDischarge | None = None  # None: patients leave when clinically ready
    discharge_profile: DischargeProfile | None = None  # None: at any hour of any day

    def __post_init__(self) -> None:
        # Accept lists from callers but store tuples so the pool stays hashable.
        for name in ("month_shares", "weekday_shares", "hour_shares"):
            object.__setattr__(self, name, tuple(float(v) for v in getattr(self, name)))
        _raise_if(self.problems(), f"bed pool {self.name!r}")

    def problems(self) -> list[str]:
        out: list[str] = []
        if (p := positive_problem(self.admissions_per_year, allow_zero=True)) is not None:
            out.append(f"admissions_per_year {p}")
        elif self.admissions_per_year > MAX_ADMISSIONS_PER_YEAR:
            out.append(
                f"admissions_per_year must be at most {MAX_ADMISSIONS_PER_YEAR:,.0f} (got {self.admissions_per_year:g})"
            )
        elif (p := load_problem(self.admissions_per_year, self.length_of_stay.mean_days)) is not None:
            out.append(f"admissions_per_year {p}")
        if isinstance(self.beds, bool) or not isinstance(self.beds, int) or self.beds < 1:
            out.append(f"beds must be a whole number of at least 1 (got {self.beds!r})")
        for name, count in (
            ("month_shares", 12),
            ("weekday_shares", 7),
            ("hour_shares", 24),
        ):
            if (p := share_problem(getattr(self, name), count)) is not None:
                out.append(f"{name}: {p}")
        if not 0 < self.target_occupancy <= 1:
            out.append(f"target_occupancy must be above 0 and at most 1 (got {self.target_occupancy})")
        return out

    @property
    def mean_los_days(self) -> float:
        """The clinical stay (what a proposal's shorter stays act on)."""
        return self.length_of_stay.mean_days

    @property
    def mean_stay_days(self) -> float:
        """Days in a bed: the clinical stay, any delay once ready to leave, and the wait for a
        discharge slot (for a patient ready at a moment spread evenly over the week)."""
        delay = 0.0 if self.delayed_discharge is None else self.delayed_discharge.mean_days_per_patient
        slot = 0.0 if self.discharge_profile is None else self.discharge_profile.mean_wait_days()
        return self.length_of_stay.mean_days + delay + slot

    @property
    def admissions_per_day(self) -> float:
        return self.admissions_per_year / DAYS_PER_YEAR


# --------------------------------------------------------------------------
# Proposal: the bed-test conditions
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AlternativeProvision:
    """Condition (a): admissions avoided by provision outside the pool.

    The workforce note is required because the condition is about provision
    *with its workforce*; a claim with no staffing plan is not credible.
    """

    admissions_avoided_per_year: float
    workforce_note: str
    description: str = "Alternative provision"

    def __post_init__(self) -> None:
        problems: list[str] = []
        if (p := positive_problem(self.admissions_avoided_per_year, allow_zero=True)) is not None:
            problems.append(f"admissions_avoided_per_year {p}")
        if not self.workforce_note.strip():
            problems.append("workforce_note must say how the provision will be staffed")
        _raise_if(problems, "alternative provision")


@dataclass(frozen=True)
class NewTreatment:
    """Condition (b): a new treatment that reduces a category of admissions."""

    category: str
    admissions_reduced_per_year: float

    def __post_init__(self) -> None:
        problems: list[str] = []
        if not self.category.strip():
            problems.append("category must be named")
        if (p := positive_problem(self.admissions_reduced_per_year, allow_zero=True)) is not None:
            problems.append(f"admissions_reduced_per_year {p}")
        _raise_if(problems, "new treatment")


@dataclass(frozen=True)
class LosReduction:
    """Condition (c): close part of the gap to a benchmark mean length of stay."""

    benchmark_mean_los_days: float
    gap_share_closed: float  # 0..1

    def __post_init__(self) -> None:
        problems: list[str] = []
        if (p := positive_problem(self.benchmark_mean_los_days)) is not None:
            problems.append(f"benchmark_mean_los_days {p}")
        if not 0 <= self.gap_share_closed <= 1:
            problems.append(f"gap_share_closed must be between 0 and 1 (got {self.gap_share_closed})")
        _raise_if(problems, "length-of-stay reduction")


@dataclass(frozen=True)
class DemographicGrowth:
    """Compound growth in demand from a base year to a horizon year."""

    annual_rate: float  # e.g. 0.012 for 1.2% a year
    base_year: int
    horizon_year: int

    def __post_init__(self) -> None:
        problems: list[str] = []
        if not math.isfinite(self.annual_rate) or self.annual_rate <= -1:
            problems.append(f"annual_rate must be above -1 (got {self.annual_rate})")
        if self.horizon_year < self.base_year:
            problems.append("horizon_year must not be before base_year")
        _raise_if(problems, "demographic growth")

    @property
    def years(self) -> int:
        return self.horizon_year - self.base_year

    @property
    def factor(self) -> float:
        return (1 + self.annual_rate) ** self.years


@dataclass(frozen=True)
class Proposal:
    """A change to a baseline pool, stated in the terms of the bed test."""

    proposed_beds: int
    alternative_provision: AlternativeProvision | None = None
    new_treatments: tuple[NewTreatment, ...] = ()
    los_reduction: LosReduction | None = None
    growth: DemographicGrowth | None = None
    name: str = "Proposal"
    delayed_discharge_avoided: float | None = None  # share (0..1) of the baseline's delayed-discharge days avoided


@dataclass(frozen=True)
class EffectiveProposal:
    """The pool a proposal implies, with every assumption spelt out."""

    pool: BedPool
    assumptions: tuple[str, ...] = field(default_factory=tuple)


def apply_proposal(baseline: BedPool, proposal: Proposal) -> EffectiveProposal:
    """Apply the proposal's changes to the baseline pool.

    Order: grow demand to the horizon year, then take off the admissions the
    proposal says it will avoid or reduce (as stated, for the horizon year),
    then shorten stays. Raises ValueError if the reductions exceed demand.
    """
    notes: list[str] = [f"Baseline: {baseline.name}, {_pool_summary(baseline)}."]
    admissions = _grown_admissions(baseline, proposal.growth, notes)
    admissions -= _admissions_taken_off(proposal, notes)
    if admissions < 0:
        raise ValueError(
            "proposal: the admissions avoided and reduced exceed the projected admissions"
            f" (projected minus reductions = {admissions:,.0f})"
        )
    los = _reduced_los(baseline.length_of_stay, proposal.los_reduction, notes)
    delayed = _fewer_delays(baseline.delayed_discharge, proposal.delayed_discharge_avoided, notes)
    pool = replace(
        baseline,
        admissions_per_year=admissions,
        length_of_stay=los,
        delayed_discharge=delayed,
        beds=proposal.proposed_beds,
        name=proposal.name,
    )
    notes.append(
        "Seasonal, weekday and hourly patterns of demand are unchanged from the baseline; "
        f"target occupancy stays at {baseline.target_occupancy:.0%}."
    )
    notes.append(f"Proposal: {_pool_summary(pool)}.")
    return EffectiveProposal(pool=pool, assumptions=tuple(notes))


def _fewer_delays(delayed: DelayedDischarge | None, avoided: float | None, notes: list[str]) -> DelayedDischarge | None:
    if delayed is None or not avoided:
        return delayed
    fewer = replace(delayed, mean_days=delayed.mean_days * (1 - avoided))
    notes.append(
        f"Delayed discharges: the proposal avoids {avoided:.0%} of the days patients stay once ready to leave "
        f"({delayed.mean_days_per_patient:.2f} -> {fewer.mean_days_per_patient:.2f} days a patient on average)."
    )
    return fewer


def _pool_summary(pool: BedPool) -> str:
    return (
        f"{pool.admissions_per_year:,.0f} admissions a year, length of stay "
        f"{pool.length_of_stay.describe()}, {pool.beds:,} beds"
    ) + (
        ""
        if pool.mean_stay_days == pool.mean_los_days
        else f" (with delayed discharges and discharge times, {pool.mean_stay_days:.2f} days in a bed on average)"
    )


def _grown_admissions(baseline: BedPool, growth: DemographicGrowth | None, notes: list[str]) -> float:
    if growth is None:
        notes.append("No demographic growth is assumed.")
        return baseline.admissions_per_year
    grown = baseline.admissions_per_year * growth.factor
    notes.append(
        f"Demand grows {growth.annual_rate:.2%} a year from {growth.base_year} to "
        f"{growth.horizon_year} ({growth.years} years): {baseline.admissions_per_year:,.0f} "
        f"-> {grown:,.0f} admissions a year before the proposal's reductions."
    )
    return grown


def _admissions_taken_off(proposal: Proposal, notes: list[str]) -> float:
    total = 0.0
    alt = proposal.alternative_provision
    if alt is not None:
        total += alt.admissions_avoided_per_year
        notes.append(
            f"Alternative provision ({alt.description}) avoids "
            f"{alt.admissions_avoided_per_year:,.0f} admissions a year (bed-test condition: "
            f"alternative provision). Workforce: {alt.workforce_note.strip()}"
        )
    for t in proposal.new_treatments:
        total += t.admissions_reduced_per_year
        notes.append(
            f"New treatment for {t.category} reduces admissions by "
            f"{t.admissions_reduced_per_year:,.0f} a year (bed-test condition: new treatments)."
        )
    if total > 0:
        notes.append(
            "Reductions are taken as stated for the horizon year (not grown), and the avoided "
            "admissions are assumed to have the same length of stay as those that remain."
        )
    return total


def _reduced_los(los: LengthOfStay, cut: LosReduction | None, notes: list[str]) -> LengthOfStay:
    if cut is None:
        notes.append(f"Length of stay unchanged ({los.describe()}).")
        return los
    gap = los.mean_days - cut.benchmark_mean_los_days
    if gap <= 0:
        notes.append(
            f"Mean length of stay {los.mean_days:.2f} days is already at or below the benchmark "
            f"{cut.benchmark_mean_los_days:.2f} days, so it is left unchanged."
        )
        return los
    new_mean = los.mean_days - cut.gap_share_closed * gap
    notes.append(
        f"Mean length of stay falls from {los.mean_days:.2f} to {new_mean:.2f} days by closing "
        f"{cut.gap_share_closed:.0%} of the gap to the benchmark {cut.benchmark_mean_los_days:.2f} "
        "days (bed-test condition: efficiency); every stay is scaled, so the shape (cv) is kept."
    )
    return los.scaled(new_mean / los.mean_days)
