"""Turnaround: how long a request waits for its advice, measured the way NHS bodies report waits.

The clock starts on the day the Senate received the request in the form it accepted: the last time it
was sent (``submit`` or ``resubmit``) before it was accepted at triage. Time in triage is the Senate's
time and counts; time before the last sending (the request incomplete, or "more information
requested") is the requester's and does not. The clock stops on the day the advice is issued. While
the request is paused or waiting for more information, the clock is stopped. Days are calendar days,
as every service level in ``reviews.service_levels`` is.

These are plain functions over a request's timeline, so a test can build one by hand."""

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from senate.reviews.stages import Stage

STOPPED = frozenset({Stage.PAUSED, Stage.MORE_INFORMATION})
SENT = frozenset({"submit", "resubmit"})


@dataclass(frozen=True)
class Event:
    """One row of a request's timeline, reduced to what the clock needs."""

    on: dt.date
    action: str
    from_stage: str
    to_stage: str


@dataclass(frozen=True)
class Clock:
    started: dt.date
    ended: dt.date | None  # the day the advice was issued; None while it is still awaited
    stopped_days: int
    days: int  # calendar days on the clock: from start to issue (or to today), less the stopped days

    @property
    def issued(self) -> bool:
        return self.ended is not None


def clock(events: Sequence[Event], *, today: dt.date) -> Clock | None:
    """The request's clock, or None when it never started (never accepted at triage).
    `events` in the order they happened."""
    accepted = next((i for i, e in enumerate(events) if e.action == "accept"), None)
    if accepted is None:
        return None
    sent = [e for e in events[:accepted] if e.action in SENT]
    started = sent[-1].on if sent else events[accepted].on
    issue = next((e for e in events[accepted:] if e.action == "issue"), None)
    ended = issue.on if issue else None
    until = ended or today
    stopped = sum(_overlap(a, b, started, until) for a, b in _stops(events, today))
    return Clock(started, ended, stopped, max(0, (until - started).days - stopped))


def _stops(events: Sequence[Event], today: dt.date) -> Iterable[tuple[dt.date, dt.date]]:
    """Each spell spent waiting on the requester: from entering a stopped stage to leaving it."""
    since: dt.date | None = None
    for e in events:
        if since is None and e.to_stage in STOPPED:
            since = e.on
        elif since is not None and e.to_stage not in STOPPED:
            yield since, e.on
            since = None
    if since is not None:
        yield since, today


def _overlap(a: dt.date, b: dt.date, start: dt.date, end: dt.date) -> int:
    return max(0, (min(b, end) - max(a, start)).days)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation between closest ranks (as numpy's default)."""
    if not values:
        raise ValueError("No values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Distribution:
    count: int
    mean: float
    median: float
    lower_quartile: float
    upper_quartile: float
    p90: float
    longest: int
    within_target: int  # how many took no more than the target
    target: int

    @property
    def share_within_target(self) -> float:
        return self.within_target / self.count if self.count else 0.0


def distribution(days: Sequence[int], *, target: int) -> Distribution | None:
    if not days:
        return None
    return Distribution(
        count=len(days),
        mean=sum(days) / len(days),
        median=percentile(days, 50),
        lower_quartile=percentile(days, 25),
        upper_quartile=percentile(days, 75),
        p90=percentile(days, 90),
        longest=max(days),
        within_target=sum(1 for d in days if d <= target),
        target=target,
    )


def histogram(days: Sequence[int], *, width: int = 30, bins: int = 8) -> list[tuple[str, int]]:
    """Counts in bins of `width` days; the last bin takes everything longer."""
    counts = [0] * bins
    for d in days:
        counts[min(d // width, bins - 1)] += 1
    labels = [f"{i * width}–{(i + 1) * width - 1} days" for i in range(bins - 1)]
    labels.append(f"{(bins - 1) * width} days or more")
    return list(zip(labels, counts, strict=True))
