"""The JSON scenario format ``senate-bed-scenario/1`` and its validator.

A scenario is what a panel member uploads: a baseline pool, a proposal in the
terms of the bed test, and how much to simulate. The validator reads the
whole document and reports *every* problem, each message starting with the
field's path (``baseline.month_shares: ...``), so a panel can fix an upload in
one go. See docs/beds/scenario-format.md.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .compare import Comparison, compare
from .model import (
    FLAT_HOUR_SHARES,
    FLAT_WEEKDAY_SHARES,
    LOS_DISTRIBUTIONS,
    MAX_ADMISSIONS_PER_YEAR,
    MAX_MEAN_STAY_DAYS,
    MAX_STAY_DAYS,
    AlternativeProvision,
    BedPool,
    DelayedDischarge,
    DemographicGrowth,
    DischargeProfile,
    LengthOfStay,
    LosReduction,
    NewTreatment,
    Proposal,
    apply_proposal,
    load_problem,
    share_problem,
)
from .pools import MAX_ELECTIVES_PER_DAY, MAX_POOLS, Electives, SystemPool, system_problems
from .simulation import (
    MAX_BEDS,
    MAX_EMPIRICAL_VALUES,
    MAX_REPLICATIONS,
    MAX_WARMUP_DAYS,
    MAX_YEARS,
    WHEN_FULL,
    Progress,
    SimulationSettings,
    size_problems,
)
from .uncertainty import ASSUMPTIONS, DISTRIBUTIONS, MAX_DRAWS, Range, UncertaintySettings
from .uncertainty import problems as uncertainty_problems

SCENARIO_FORMAT = "senate-bed-scenario/1"
_MISSING = object()
_MAX_GROWTH_YEARS = 50


class ScenarioError(ValueError):
    """A scenario that cannot be used; ``errors`` holds one message per problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Scenario:
    baseline: BedPool
    proposal: Proposal
    simulation: SimulationSettings | None  # None: Erlang figures only
    title: str = ""
    uncertainty: UncertaintySettings | None = None  # None: the assumptions are taken as stated
    # Several pools simulated together (outlying, electives): the main pool first, its pool the baseline.
    # Empty for a single pool without electives, which is simulated exactly as before.
    system: tuple[SystemPool, ...] = ()


# --------------------------------------------------------------------------
# Field reader: records a message per problem and carries on.
# --------------------------------------------------------------------------


class _Reader:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def obj(self, parent: dict[str, Any], key: str, path: str, *, required: bool = True) -> dict[str, Any] | None:
        value = parent.get(key, _MISSING)
        if value is _MISSING or (value is None and not required):
            if required:
                self.error(path, "missing (an object is required)")
            return None
        if not isinstance(value, dict):
            self.error(path, f"must be an object (got {_kind(value)})")
            return None
        return value

    def unknown(self, data: dict[str, Any], allowed: tuple[str, ...], path: str) -> None:
        for key in data:
            if key not in allowed:
                self.error(
                    f"{path}.{key}" if path else key,
                    f"unknown field (allowed: {', '.join(allowed)})",
                )

    def number(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        *,
        low: float = 0.0,
        high: float = math.inf,
        low_open: bool = False,
        default: float | None = None,
    ) -> float | None:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                self.error(path, "missing (a number is required)")
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.error(path, f"must be a number (got {_kind(value)})")
            return None
        too_low = value <= low if low_open else value < low
        if too_low or value > high:
            self.error(path, f"must be {_range_text(low, high, low_open)} (got {value:g})")
            return None
        return float(value)

    def integer(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        *,
        low: int,
        high: int,
        default: int | None = None,
    ) -> int | None:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if default is None:
                self.error(path, "missing (a whole number is required)")
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            self.error(path, f"must be a whole number (got {_kind(value)})")
            return None
        if not low <= value <= high:
            self.error(path, f"must be a whole number from {low:,} to {high:,} (got {value:g})")
            return None
        return int(value)

    def text(self, data: dict[str, Any], key: str, path: str, *, default: str | None = None) -> str | None:
        value = data.get(key, _MISSING)
        if value is _MISSING and default is not None:
            return default
        if not isinstance(value, str) or not value.strip():
            self.error(
                path,
                "missing (a non-empty text is required)" if value is _MISSING else "must be non-empty text",
            )
            return None
        return value.strip()

    def numbers(self, data: dict[str, Any], key: str, path: str) -> list[float] | None:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            self.error(path, "missing (a list of numbers is required)")
            return None
        if not isinstance(value, list):
            self.error(path, f"must be a list of numbers (got {_kind(value)})")
            return None
        for i, v in enumerate(value):
            if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
                self.error(f"{path}[{i}]", f"must be a number (got {_kind(v)})")
                return None
        return [float(v) for v in value]

    def shares(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        count: int,
        default: tuple[float, ...] | None = None,
    ) -> tuple[float, ...] | None:
        if default is not None and key not in data:
            return default
        values = self.numbers(data, key, path)
        if values is None:
            return None
        if (problem := share_problem(values, count)) is not None:
            self.error(path, problem)
            return None
        return tuple(values)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text {value[:40]!r}"
    if isinstance(value, int | float):
        return f"{value:g}"
    return type(value).__name__.replace("dict", "object")


def _range_text(low: float, high: float, low_open: bool) -> str:
    above = f"above {_n(low)}" if low_open else ("zero or more" if low == 0 else f"at least {_n(low)}")
    return above if math.isinf(high) else f"{above} and at most {_n(high)}"


def _n(value: float) -> str:
    """A bound as people write it: 5,000,000 rather than 5e+06."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


# --------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------

_TOP = ("format", "title", "baseline", "proposal", "simulation", "uncertainty", "pools")
_BASELINE = (
    "name",
    "admissions_per_year",
    "length_of_stay",
    "beds",
    "month_shares",
    "weekday_shares",
    "hour_shares",
    "target_occupancy",
    "delayed_discharge",
    "discharge_profile",
    "outlie_to",
    "electives",
)
_OTHER_POOL = (*_BASELINE, "escalation_beds")
_ELECTIVES = ("per_weekday", "hour", "cancel_above_occupancy", "length_of_stay")
_DELAYED = ("share_of_patients", "mean_days")
_PROFILE = ("weekday_shares", "hour_shares")
MAX_DELAY_DAYS = 365
_LOS = ("distribution", "mean_days", "cv", "values_days")
_PROPOSAL = (
    "name",
    "proposed_beds",
    "alternative_provision",
    "new_treatments",
    "los_reduction",
    "demographic_growth",
    "delayed_discharge_avoided",
)
_ALT = ("admissions_avoided_per_year", "workforce_note", "description")
_TREATMENT = ("category", "admissions_reduced_per_year")
_LOS_CUT = ("benchmark_mean_los_days", "gap_share_closed")
_GROWTH = ("annual_rate", "base_year", "horizon_year")
_UNCERTAINTY = ("target", "ranges", "draws", "seed", "replications", "years")
_RANGE = ("low", "high", "distribution")
_SIMULATION = (
    "replications",
    "years",
    "warmup_days",
    "seed",
    "when_full",
    "required_beds_target",
    "escalation_beds",
    "escalation_threshold",
)
# Beds are checked against the simulation limit separately, so a scenario
# with simulation null may describe a larger pool for the Erlang figures.
_BEDS_LIMIT = 1_000_000


def _read_los(r: _Reader, data: dict[str, Any], path: str) -> LengthOfStay | None:
    r.unknown(data, _LOS, path)
    kind = data.get("distribution", _MISSING)
    if kind not in LOS_DISTRIBUTIONS:
        got = "missing" if kind is _MISSING else f"got {_kind(kind)}"
        r.error(
            f"{path}.distribution",
            f"must be one of {', '.join(LOS_DISTRIBUTIONS)} ({got})",
        )
        return None
    if kind == "empirical":
        return _read_empirical(r, data, path)
    mean = r.number(data, "mean_days", f"{path}.mean_days", low_open=True, high=MAX_MEAN_STAY_DAYS)
    if kind == "lognormal":
        cv = r.number(data, "cv", f"{path}.cv", low_open=True, high=20)
        return None if mean is None or cv is None else LengthOfStay.lognormal(mean, cv)
    if mean is None:
        return None
    return LengthOfStay.exponential(mean) if kind == "exponential" else LengthOfStay.fixed(mean)


def _read_empirical(r: _Reader, data: dict[str, Any], path: str) -> LengthOfStay | None:
    values = r.numbers(data, "values_days", f"{path}.values_days")
    if values is None:
        return None
    problem = None
    if not values:
        problem = "must hold at least one length of stay"
    elif len(values) > MAX_EMPIRICAL_VALUES:
        problem = f"{len(values):,} values is more than the {MAX_EMPIRICAL_VALUES:,} allowed"
    elif (bad := next((i for i, v in enumerate(values) if v < 0), None)) is not None:
        problem = f"value {bad + 1} is negative ({values[bad]:g}); lengths of stay are zero or more days"
    elif (bad := next((i for i, v in enumerate(values) if v > MAX_STAY_DAYS), None)) is not None:
        problem = f"value {bad + 1} is {values[bad]:g} days; a length of stay is at most {MAX_STAY_DAYS:,.0f} days"
    elif math.fsum(values) <= 0:
        problem = "every length of stay is zero; the mean must be more than zero"
    if problem is not None:
        r.error(f"{path}.values_days", problem)
        return None
    return LengthOfStay.empirical(values)


def _read_baseline(
    r: _Reader, data: dict[str, Any], p: str = "baseline", allowed: tuple[str, ...] = _BASELINE
) -> BedPool | None:
    r.unknown(data, allowed, p)
    name = r.text(data, "name", f"{p}.name", default="Baseline" if p == "baseline" else None)
    admissions = r.number(data, "admissions_per_year", f"{p}.admissions_per_year", high=MAX_ADMISSIONS_PER_YEAR)
    los_data = r.obj(data, "length_of_stay", f"{p}.length_of_stay")
    los = None if los_data is None else _read_los(r, los_data, f"{p}.length_of_stay")
    beds = r.integer(data, "beds", f"{p}.beds", low=1, high=_BEDS_LIMIT)
    months = r.shares(data, "month_shares", f"{p}.month_shares", 12)
    weekdays = r.shares(data, "weekday_shares", f"{p}.weekday_shares", 7)
    hours = r.shares(data, "hour_shares", f"{p}.hour_shares", 24, FLAT_HOUR_SHARES)
    target = r.number(
        data,
        "target_occupancy",
        f"{p}.target_occupancy",
        low_open=True,
        high=1,
        default=0.85,
    )
    before = len(r.errors)
    delayed = _read_delayed(r, r.obj(data, "delayed_discharge", f"{p}.delayed_discharge", required=False), p)
    profile = _read_profile(r, r.obj(data, "discharge_profile", f"{p}.discharge_profile", required=False), p)
    parts = (name, admissions, los, beds, months, weekdays, hours, target)
    if any(v is None for v in parts) or len(r.errors) > before:
        return None
    assert admissions is not None and los is not None
    if (problem := load_problem(admissions, los.mean_days)) is not None:
        r.error(f"{p}.admissions_per_year", problem)
        return None
    assert name is not None and admissions is not None and los is not None and beds is not None
    assert months is not None and weekdays is not None and hours is not None and target is not None
    return BedPool(admissions, los, beds, months, weekdays, hours, target, name, delayed, profile)


def _read_delayed(r: _Reader, data: dict[str, Any] | None, pool: str = "baseline") -> DelayedDischarge | None:
    if data is None:
        return None
    p = f"{pool}.delayed_discharge"
    r.unknown(data, _DELAYED, p)
    share = r.number(data, "share_of_patients", f"{p}.share_of_patients", high=1)
    mean = r.number(data, "mean_days", f"{p}.mean_days", low_open=True, high=MAX_DELAY_DAYS)
    if share is None or mean is None:
        return None
    return DelayedDischarge(share, mean)


def _read_profile(r: _Reader, data: dict[str, Any] | None, pool: str = "baseline") -> DischargeProfile | None:
    if data is None:
        return None
    p = f"{pool}.discharge_profile"
    r.unknown(data, _PROFILE, p)
    weekdays = r.shares(data, "weekday_shares", f"{p}.weekday_shares", 7, FLAT_WEEKDAY_SHARES)
    hours = r.shares(data, "hour_shares", f"{p}.hour_shares", 24, FLAT_HOUR_SHARES)
    if weekdays is None or hours is None:
        return None
    return DischargeProfile(tuple(weekdays), tuple(hours))


def _read_electives(r: _Reader, data: dict[str, Any] | None, p: str) -> Electives | None:
    if data is None:
        return None
    r.unknown(data, _ELECTIVES, p)
    before = len(r.errors)
    counts = r.numbers(data, "per_weekday", f"{p}.per_weekday")
    if counts is not None:
        if len(counts) != 7:
            r.error(f"{p}.per_weekday", f"expected 7 numbers, Mon..Sun (got {len(counts)})")
        elif any(c != int(c) or not 0 <= c <= MAX_ELECTIVES_PER_DAY for c in counts):
            r.error(
                f"{p}.per_weekday",
                f"each must be a whole number of planned admissions from 0 to {MAX_ELECTIVES_PER_DAY:,}",
            )
    hour = r.integer(data, "hour", f"{p}.hour", low=0, high=23, default=8)
    share = r.number(data, "cancel_above_occupancy", f"{p}.cancel_above_occupancy", low_open=True, high=1, default=1.0)
    los = None
    if (los_data := r.obj(data, "length_of_stay", f"{p}.length_of_stay", required=False)) is not None:
        los = _read_los(r, los_data, f"{p}.length_of_stay")
    if counts is None or hour is None or share is None or len(r.errors) > before:
        return None
    return Electives(tuple(int(c) for c in counts), hour, share, los)


def _read_system(r: _Reader, top: dict[str, Any], baseline: BedPool | None) -> tuple[SystemPool, ...]:
    """The other pools and the links between pools; empty when the scenario has a single plain pool."""
    base = top.get("baseline") if isinstance(top.get("baseline"), dict) else {}
    assert isinstance(base, dict)
    main_electives = _read_electives(
        r, r.obj(base, "electives", "baseline.electives", required=False), "baseline.electives"
    )
    listed = top.get("pools", _MISSING)
    if listed is _MISSING and main_electives is None and base.get("outlie_to") is None:
        return ()
    if listed is _MISSING:
        listed = []
    if not isinstance(listed, list):
        r.error("pools", f"must be a list of pools (got {_kind(listed)})")
        return ()
    if len(listed) > MAX_POOLS - 1:
        r.error("pools", f"at most {MAX_POOLS - 1} other pools beside the baseline (got {len(listed)})")
        return ()
    found: list[tuple[SystemPool, str]] = []
    if baseline is not None:
        found.append((SystemPool(baseline, None, main_electives), "baseline"))
    for i, item in enumerate(listed):
        p = f"pools[{i}]"
        if not isinstance(item, dict):
            r.error(p, f"must be an object (got {_kind(item)})")
            continue
        pool = _read_baseline(r, item, p, _OTHER_POOL)
        electives = _read_electives(r, r.obj(item, "electives", f"{p}.electives", required=False), f"{p}.electives")
        escalation = r.integer(item, "escalation_beds", f"{p}.escalation_beds", low=0, high=MAX_BEDS, default=0)
        if pool is not None and escalation is not None:
            found.append((SystemPool(pool, None, electives, escalation), p))
    names = [sp.pool.name for sp, _ in found]
    for i, (_, p) in enumerate(found):
        if names[i] in names[:i]:
            r.error(f"{p}.name", f"{names[i]!r} names two pools; each pool needs its own name")
    raw = [base, *listed]
    out: list[SystemPool] = []
    for sp, p in found:
        data = raw[0] if p == "baseline" else raw[int(p[6:-1]) + 1]
        target = data.get("outlie_to")
        if target is not None:
            if not isinstance(target, str) or target not in names:
                r.error(f"{p}.outlie_to", f"must name another pool (one of {', '.join(repr(n) for n in names)})")
            elif target == sp.pool.name:
                r.error(f"{p}.outlie_to", "a pool cannot outlie to itself; name another pool")
            else:
                sp = replace(sp, outlie_to=target)
        out.append(sp)
    return tuple(out)


def _read_proposal(r: _Reader, data: dict[str, Any]) -> Proposal | None:
    p = "proposal"
    r.unknown(data, _PROPOSAL, p)
    name = r.text(data, "name", f"{p}.name", default="Proposal")
    beds = r.integer(data, "proposed_beds", f"{p}.proposed_beds", low=1, high=_BEDS_LIMIT)
    before = len(r.errors)
    alt = _read_alternative(
        r,
        r.obj(data, "alternative_provision", f"{p}.alternative_provision", required=False),
    )
    treatments = _read_treatments(r, data.get("new_treatments", []), f"{p}.new_treatments")
    cut = _read_los_cut(r, r.obj(data, "los_reduction", f"{p}.los_reduction", required=False))
    growth = _read_growth(r, r.obj(data, "demographic_growth", f"{p}.demographic_growth", required=False))
    avoided = None
    if data.get("delayed_discharge_avoided") is not None:
        avoided = r.number(data, "delayed_discharge_avoided", f"{p}.delayed_discharge_avoided", high=1)
    if name is None or beds is None or len(r.errors) > before:
        return None
    return Proposal(beds, alt, tuple(treatments), cut, growth, name=name, delayed_discharge_avoided=avoided)


def _read_alternative(r: _Reader, data: dict[str, Any] | None) -> AlternativeProvision | None:
    if data is None:
        return None
    p = "proposal.alternative_provision"
    r.unknown(data, _ALT, p)
    avoided = r.number(data, "admissions_avoided_per_year", f"{p}.admissions_avoided_per_year")
    note = r.text(data, "workforce_note", f"{p}.workforce_note")
    description = r.text(data, "description", f"{p}.description", default="Alternative provision")
    if avoided is None or note is None or description is None:
        return None
    return AlternativeProvision(avoided, note, description)


def _read_treatments(r: _Reader, data: object, path: str) -> list[NewTreatment]:
    if data is None:
        return []
    if not isinstance(data, list):
        r.error(path, f"must be a list of objects (got {_kind(data)})")
        return []
    out: list[NewTreatment] = []
    for i, item in enumerate(data):
        p = f"{path}[{i}]"
        if not isinstance(item, dict):
            r.error(p, f"must be an object (got {_kind(item)})")
            continue
        r.unknown(item, _TREATMENT, p)
        category = r.text(item, "category", f"{p}.category")
        reduced = r.number(item, "admissions_reduced_per_year", f"{p}.admissions_reduced_per_year")
        if category is not None and reduced is not None:
            out.append(NewTreatment(category, reduced))
    return out


def _read_los_cut(r: _Reader, data: dict[str, Any] | None) -> LosReduction | None:
    if data is None:
        return None
    p = "proposal.los_reduction"
    r.unknown(data, _LOS_CUT, p)
    benchmark = r.number(data, "benchmark_mean_los_days", f"{p}.benchmark_mean_los_days", low_open=True)
    share = r.number(data, "gap_share_closed", f"{p}.gap_share_closed", high=1)
    if benchmark is None or share is None:
        return None
    return LosReduction(benchmark, share)


def _read_growth(r: _Reader, data: dict[str, Any] | None) -> DemographicGrowth | None:
    if data is None:
        return None
    p = "proposal.demographic_growth"
    r.unknown(data, _GROWTH, p)
    rate = r.number(data, "annual_rate", f"{p}.annual_rate", low=-0.5, high=0.5)
    base = r.integer(data, "base_year", f"{p}.base_year", low=1900, high=2200)
    horizon = r.integer(data, "horizon_year", f"{p}.horizon_year", low=1900, high=2200)
    if rate is None or base is None or horizon is None:
        return None
    if not base <= horizon <= base + _MAX_GROWTH_YEARS:
        r.error(
            f"{p}.horizon_year",
            f"must be from base_year ({base}) to {_MAX_GROWTH_YEARS} years after it",
        )
        return None
    return DemographicGrowth(rate, base, horizon)


def _read_simulation(r: _Reader, top: dict[str, Any]) -> SimulationSettings | None:
    if "simulation" in top and top["simulation"] is None:
        return None
    data = r.obj(top, "simulation", "simulation", required=False)
    data = {} if data is None else data
    r.unknown(data, _SIMULATION, "simulation")
    defaults = SimulationSettings()
    reps = r.integer(
        data,
        "replications",
        "simulation.replications",
        low=2,
        high=MAX_REPLICATIONS,
        default=defaults.replications,
    )
    years = r.integer(data, "years", "simulation.years", low=1, high=MAX_YEARS, default=defaults.years)
    warmup = r.integer(
        data,
        "warmup_days",
        "simulation.warmup_days",
        low=0,
        high=MAX_WARMUP_DAYS,
        default=defaults.warmup_days,
    )
    seed = r.integer(data, "seed", "simulation.seed", low=0, high=2**63 - 1, default=defaults.seed)
    when_full = data.get("when_full", defaults.when_full)
    if when_full not in WHEN_FULL:
        r.error("simulation.when_full", f"must be one of {', '.join(WHEN_FULL)} (got {_kind(when_full)})")
        return None
    target = None
    if data.get("required_beds_target") is not None:
        target = r.number(data, "required_beds_target", "simulation.required_beds_target", low_open=True, high=0.5)
        if target is None:
            return None
    escalation = r.integer(data, "escalation_beds", "simulation.escalation_beds", low=0, high=MAX_BEDS, default=0)
    threshold: float | None = 1.0
    if data.get("escalation_threshold") is not None:
        threshold = r.number(data, "escalation_threshold", "simulation.escalation_threshold", low_open=True, high=1)
        if threshold is None:
            return None
        if not escalation and threshold < 1:
            r.error("simulation.escalation_threshold", "there are no escalation beds to open: give their number too")
            return None
    if reps is None or years is None or warmup is None or seed is None or escalation is None or threshold is None:
        return None
    return SimulationSettings(reps, years, warmup, seed, when_full, target, escalation, threshold)


def _read_uncertainty(r: _Reader, top: dict[str, Any]) -> UncertaintySettings | None:
    data = r.obj(top, "uncertainty", "uncertainty", required=False)
    if data is None:
        return None
    r.unknown(data, _UNCERTAINTY, "uncertainty")
    defaults = UncertaintySettings(target=0.01, ranges={})
    target = r.number(data, "target", "uncertainty.target", low_open=True, high=0.5)
    draws = r.integer(data, "draws", "uncertainty.draws", low=10, high=MAX_DRAWS, default=defaults.draws)
    seed = r.integer(data, "seed", "uncertainty.seed", low=0, high=2**63 - 1, default=defaults.seed)
    reps = r.integer(
        data, "replications", "uncertainty.replications", low=2, high=MAX_REPLICATIONS, default=defaults.replications
    )
    years = r.integer(data, "years", "uncertainty.years", low=1, high=MAX_YEARS, default=defaults.years)
    ranges_data = r.obj(data, "ranges", "uncertainty.ranges")
    ranges: dict[str, Range] = {}
    for path, item in (ranges_data or {}).items():
        where = f"uncertainty.ranges.{path}"
        if path not in ASSUMPTIONS:
            r.error(where, f"not an assumption that can be uncertain (one of {', '.join(ASSUMPTIONS)})")
            continue
        if not isinstance(item, dict):
            r.error(where, f"must be an object with low and high (got {_kind(item)})")
            continue
        r.unknown(item, _RANGE, where)
        assumption = ASSUMPTIONS[path]
        low = r.number(item, "low", f"{where}.low", low=assumption.low, high=assumption.high)
        high = r.number(item, "high", f"{where}.high", low=assumption.low, high=assumption.high)
        distribution = item.get("distribution", "uniform")
        if distribution not in DISTRIBUTIONS:
            r.error(f"{where}.distribution", f"must be one of {', '.join(DISTRIBUTIONS)} (got {_kind(distribution)})")
            continue
        if low is not None and high is not None:
            ranges[path] = Range(low, high, distribution)
    if target is None or draws is None or seed is None or reps is None or years is None:
        return None
    return UncertaintySettings(target, ranges, draws, seed, reps, years)


# --------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------


def load_scenario(data: object) -> Scenario:
    """Build a scenario from parsed JSON; raise ScenarioError with every problem."""
    r = _Reader()
    if not isinstance(data, dict):
        raise ScenarioError([f"scenario: must be a JSON object (got {_kind(data)})"])
    r.unknown(data, _TOP, "")
    if data.get("format") != SCENARIO_FORMAT:
        r.error("format", f'must be "{SCENARIO_FORMAT}" (got {_kind(data.get("format"))})')
    title = data.get("title", "")
    if not isinstance(title, str):
        r.error("title", "must be text")
    baseline_data = r.obj(data, "baseline", "baseline")
    proposal_data = r.obj(data, "proposal", "proposal")
    baseline = None if baseline_data is None else _read_baseline(r, baseline_data)
    proposal = None if proposal_data is None else _read_proposal(r, proposal_data)
    settings = _read_simulation(r, data)
    uncertainty = _read_uncertainty(r, data)
    system = _read_system(r, data, baseline)
    if system and settings is not None and settings.when_full != "turned_away":
        r.error(
            "simulation.when_full",
            'with several pools or electives a patient who finds no bed outlies or is turned away; use "turned_away"',
        )
    if baseline is not None and proposal is not None and not r.errors:
        _check_combined(
            r,
            baseline,
            proposal,
            settings,
            "simulation" in data and data["simulation"] is None,
        )
        if uncertainty is not None:
            r.errors.extend(uncertainty_problems(baseline, proposal, uncertainty, settings))
        if system and settings is not None and not r.errors:
            effective = apply_proposal(baseline, proposal).pool
            r.errors.extend(system_problems(system, settings, "baseline"))
            r.errors.extend(system_problems((replace(system[0], pool=effective), *system[1:]), settings, "proposal"))
            r.errors[:] = list(dict.fromkeys(r.errors))
    if r.errors or baseline is None or proposal is None:
        raise ScenarioError(r.errors or ["scenario: could not be read"])
    title_text = title if isinstance(title, str) else ""
    return Scenario(baseline, proposal, settings, title_text, uncertainty, system)


def _check_combined(
    r: _Reader,
    baseline: BedPool,
    proposal: Proposal,
    settings: SimulationSettings | None,
    erlang_only: bool,
) -> None:
    """Checks that need the whole scenario: demand left after reductions, simulation size."""
    if proposal.delayed_discharge_avoided and baseline.delayed_discharge is None:
        r.errors.append(
            "proposal.delayed_discharge_avoided: the baseline states no delayed discharges to avoid; "
            "give baseline.delayed_discharge first"
        )
        return
    try:
        effective = apply_proposal(baseline, proposal).pool
    except ValueError as exc:
        r.errors.append(str(exc))
        return
    if erlang_only or settings is None:
        return
    problems = size_problems(baseline, settings, beds_field="baseline.beds", side="baseline")
    problems += size_problems(
        effective,
        settings,
        beds_field="proposal.proposed_beds",
        los_field="baseline.length_of_stay.values_days",
        side="proposal after its changes",
    )
    r.errors.extend(dict.fromkeys(problems))


def validate_scenario(data: object) -> list[str]:
    """Every problem with a parsed scenario (empty list if it is usable)."""
    try:
        load_scenario(data)
    except ScenarioError as exc:
        return exc.errors
    return []


def parse_scenario(text: str) -> Scenario:
    """Parse scenario JSON text; JSON syntax errors are reported with line and column."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ScenarioError([f"scenario: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from exc
    except ValueError as exc:
        raise ScenarioError([f"scenario: {exc}"]) from exc
    return load_scenario(data)


def read_scenario(path: str | Path) -> Scenario:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError([f"scenario: cannot read {path}: {exc}"]) from exc
    return parse_scenario(text)


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed; give a finite number")


def run_scenario(scenario: Scenario, *, progress: Progress | None = None, workers: int | None = None) -> Comparison:
    """Compare baseline and proposal as the scenario describes."""
    return compare(
        scenario.baseline,
        scenario.proposal,
        scenario.simulation,
        progress=progress,
        workers=workers,
        uncertainty=scenario.uncertainty,
        system=scenario.system,
    )


def scenario_to_dict(scenario: Scenario) -> dict[str, object]:
    """The scenario as ``senate-bed-scenario/1`` JSON (``load_scenario`` reads it back)."""
    out: dict[str, object] = {"format": SCENARIO_FORMAT}
    if scenario.title:
        out["title"] = scenario.title
    baseline = _pool_to_dict(scenario.baseline)
    out["baseline"] = baseline
    if scenario.system:
        baseline |= _links_to_dict(scenario.system[0])
        out["pools"] = [_pool_to_dict(sp.pool) | _links_to_dict(sp, other=True) for sp in scenario.system[1:]]
    out["proposal"] = _proposal_to_dict(scenario.proposal)
    s = scenario.simulation
    out["simulation"] = None if s is None else _simulation_to_dict(s)
    if (u := scenario.uncertainty) is not None:
        out["uncertainty"] = {
            "target": u.target,
            "draws": u.draws,
            "seed": u.seed,
            "replications": u.replications,
            "years": u.years,
            "ranges": {p: {"low": r.low, "high": r.high, "distribution": r.distribution} for p, r in u.ranges.items()},
        }
    return out


def _simulation_to_dict(s: SimulationSettings) -> dict[str, object]:
    out: dict[str, object] = {
        "replications": s.replications,
        "years": s.years,
        "warmup_days": s.warmup_days,
        "seed": s.seed,
        "when_full": s.when_full,
        "required_beds_target": s.required_beds_target,
        "escalation_beds": s.escalation_beds,
    }
    if s.escalation_beds:
        out["escalation_threshold"] = s.escalation_threshold
    return out


def _los_to_dict(los: LengthOfStay) -> dict[str, object]:
    los_dict: dict[str, object] = {"distribution": los.distribution}
    if los.distribution == "empirical":
        los_dict["values_days"] = list(los.values_days)
    else:
        los_dict["mean_days"] = los.mean_days
    if los.distribution == "lognormal":
        los_dict["cv"] = los.cv
    return los_dict


def _pool_to_dict(pool: BedPool) -> dict[str, object]:
    los_dict = _los_to_dict(pool.length_of_stay)
    out: dict[str, object] = {
        "name": pool.name,
        "admissions_per_year": pool.admissions_per_year,
        "length_of_stay": los_dict,
        "beds": pool.beds,
        "month_shares": list(pool.month_shares),
        "weekday_shares": list(pool.weekday_shares),
        "hour_shares": list(pool.hour_shares),
        "target_occupancy": pool.target_occupancy,
    }
    if (d := pool.delayed_discharge) is not None:
        out["delayed_discharge"] = {"share_of_patients": d.share_of_patients, "mean_days": d.mean_days}
    if (f := pool.discharge_profile) is not None:
        out["discharge_profile"] = {"weekday_shares": list(f.weekday_shares), "hour_shares": list(f.hour_shares)}
    return out


def _links_to_dict(sp: SystemPool, *, other: bool = False) -> dict[str, object]:
    out: dict[str, object] = {}
    if sp.outlie_to is not None:
        out["outlie_to"] = sp.outlie_to
    if (e := sp.electives) is not None:
        electives: dict[str, object] = {
            "per_weekday": list(e.per_weekday),
            "hour": e.hour,
            "cancel_above_occupancy": e.cancel_above_occupancy,
        }
        if e.length_of_stay is not None:
            electives["length_of_stay"] = _los_to_dict(e.length_of_stay)
        out["electives"] = electives
    if other and sp.escalation_beds:
        out["escalation_beds"] = sp.escalation_beds
    return out


def _proposal_to_dict(proposal: Proposal) -> dict[str, object]:
    out: dict[str, object] = {
        "name": proposal.name,
        "proposed_beds": proposal.proposed_beds,
    }
    if (alt := proposal.alternative_provision) is not None:
        out["alternative_provision"] = {
            "admissions_avoided_per_year": alt.admissions_avoided_per_year,
            "workforce_note": alt.workforce_note,
            "description": alt.description,
        }
    out["new_treatments"] = [
        {
            "category": t.category,
            "admissions_reduced_per_year": t.admissions_reduced_per_year,
        }
        for t in proposal.new_treatments
    ]
    if (cut := proposal.los_reduction) is not None:
        out["los_reduction"] = {
            "benchmark_mean_los_days": cut.benchmark_mean_los_days,
            "gap_share_closed": cut.gap_share_closed,
        }
    if proposal.delayed_discharge_avoided is not None:
        out["delayed_discharge_avoided"] = proposal.delayed_discharge_avoided
    if (g := proposal.growth) is not None:
        out["demographic_growth"] = {
            "annual_rate": g.annual_rate,
            "base_year": g.base_year,
            "horizon_year": g.horizon_year,
        }
    return out
