"""The calendar of demand: expected admissions in every hour of a simulated run.

Definition (so that expected annual admissions equal the input exactly):

* The run is a sequence of 365-day model years (no 29 February). Day ``t``
  counts from 1 January of the first counted year; warm-up days are the tail
  of the year before (``t < 0``).
* Weekdays simply follow the days: weekday(t) = (first_weekday + t) mod 7. As
  365 = 52 weeks + 1 day, 1 January moves on one weekday a year, as in a real
  calendar, so runs of several years see every alignment of weeks and months.
* Month m of each year receives exactly ``A × month_share[m]`` expected
  admissions. Within the month, day d receives a part proportional to
  ``weekday_share[weekday(d)]`` (normalised over that month's own days, since
  a 31-day month holds three weekdays five times).
* Within a day, hour h receives ``hour_share[h]`` of the day's admissions, and
  arrivals are Poisson at a constant rate within each hour.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .model import DAYS_IN_MONTH, DAYS_PER_YEAR, BedPool

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# Month of each day of a model year (0 = January).
MONTH_OF_DAY: IntArray = np.repeat(np.arange(12, dtype=np.int64), DAYS_IN_MONTH)


@dataclass(frozen=True)
class DemandCalendar:
    """Hourly expected admissions over warm-up plus counted years."""

    hourly_rates: FloatArray  # expected admissions in each hour of the run
    day_month: IntArray  # month (0-11) of each day of the run
    day_weekday: IntArray  # weekday (0 = Monday) of each day of the run
    warmup_days: int
    years: int

    @property
    def warmup_hours(self) -> int:
        return self.warmup_days * 24


def daily_rates_for_year(pool: BedPool, first_weekday: int) -> FloatArray:
    """Expected admissions on each of the 365 days of one model year."""
    weekday = (first_weekday + np.arange(DAYS_PER_YEAR)) % 7
    weights = np.asarray(pool.weekday_shares, dtype=np.float64)[weekday]
    month_totals = np.bincount(MONTH_OF_DAY, weights=weights, minlength=12)
    month_shares = np.asarray(pool.month_shares, dtype=np.float64)
    scale = pool.admissions_per_year * month_shares / month_totals
    return weights * scale[MONTH_OF_DAY]


def build_calendar(pool: BedPool, years: int, warmup_days: int, first_weekday: int = 0) -> DemandCalendar:
    """Hour-by-hour expected admissions for ``warmup_days`` then ``years`` years."""
    warm_years = math.ceil(warmup_days / DAYS_PER_YEAR)
    year_starts = range(-warm_years, years)
    daily = np.concatenate([daily_rates_for_year(pool, (first_weekday + y * DAYS_PER_YEAR) % 7) for y in year_starts])
    daily = daily[warm_years * DAYS_PER_YEAR - warmup_days :]
    days = np.arange(-warmup_days, years * DAYS_PER_YEAR, dtype=np.int64)
    hours = np.asarray(pool.hour_shares, dtype=np.float64)
    return DemandCalendar(
        hourly_rates=np.ascontiguousarray(np.outer(daily, hours).ravel()),
        day_month=MONTH_OF_DAY[days % DAYS_PER_YEAR],
        day_weekday=(first_weekday + days) % 7,
        warmup_days=warmup_days,
        years=years,
    )
