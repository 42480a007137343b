"""What happens to a patient who finds no bed, when they wait for one instead of going elsewhere.

In the NHS a patient refused a bed rarely vanishes: most wait, in the emergency department or on a
trolley, until a bed frees. With ``SimulationSettings(when_full="waits")`` the pool is simulated as a
queue (M_t/G/c with first come, first served): each discharge gives its bed to the longest waiter.
The answer is the waiting a panel must weigh: how many wait, the mean and the 95th centile of the
wait, and how many wait over 4 and over 12 hours. At steady demand with exponential stays it is the
M/M/c queue, whose exact figures (Erlang C) the tests check.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .simulation import (
    QUEUE_RUNNERS,
    Estimate,
    FloatArray,
    IntArray,
    SimulationResult,
    _compile,
    _heap_pop,
    _heap_push,
    _heap_replace_top,
    _hours_in_bed,
    _midnight,
    _start_in_steady_state,
    kernel_inputs,
    run_replications,
)

BIN_HOURS = 0.25  # the waiting-time histogram's resolution
BINS = 4 * 24 * 7  # a week in quarter hours; longer waits share the last bin
# totals: counted arrivals, who waited, hours waited, over 4 h, over 12 h, occupied bed-hours, still waiting at the end
_COUNTED, _WAITED, _HOURS, _OVER_4, _OVER_12, _BED_HOURS, _STILL = range(7)
TOTALS = 7


@_compile
def _record_wait(wait: float, bins: IntArray, totals: FloatArray) -> None:
    totals[_COUNTED] += 1
    if wait > 0.0:
        totals[_WAITED] += 1
        totals[_HOURS] += wait
        if wait > 4.0:
            totals[_OVER_4] += 1
        if wait > 12.0:
            totals[_OVER_12] += 1
    bins[min(int(wait / BIN_HOURS), BINS)] += 1


@_compile
def _admit(
    heap: FloatArray, size: int, beds: int, t: float, stay: float, start: float, end: float
) -> tuple[int, float]:
    """Put a patient in a bed at ``t`` (a free bed exists); returns the heap size and bed-hours counted."""
    if size < beds:
        size = _heap_push(heap, size, t + stay)
    else:
        _heap_replace_top(heap, size, t + stay)
    return size, max(0.0, min(t + stay, end) - max(t, start))


@_compile
def _serve_queue(
    heap: FloatArray,
    size: int,
    queue: FloatArray,
    head: int,
    waiting: int,
    until: float,
    kind: int,
    p1: float,
    p2: float,
    values: FloatArray,
    start: float,
    end: float,
    bins: IntArray,
    totals: FloatArray,
    discharge: FloatArray,
) -> tuple[int, int]:
    """Give each bed that frees by ``until`` to the longest waiter; returns the queue's head and length."""
    cap = queue.shape[0]
    while waiting > 0 and heap[0] <= until:
        freed = heap[0]
        arrived = queue[head]
        head = (head + 1) % cap
        waiting -= 1
        size, hours = _admit(heap, size, size, freed, _hours_in_bed(freed, kind, p1, p2, values, discharge), start, end)
        totals[_BED_HOURS] += hours
        if arrived >= start:
            _record_wait(freed - arrived, bins, totals)
    return head, waiting


@_compile
def _grow(queue: FloatArray, head: int, waiting: int) -> FloatArray:
    bigger = np.empty(queue.shape[0] * 2, dtype=np.float64)
    for i in range(waiting):
        bigger[i] = queue[(head + i) % queue.shape[0]]
    return bigger


@_compile
def run_waiting_replication(
    rates: FloatArray,
    warmup_hours: int,
    beds: int,
    kind: int,
    p1: float,
    p2: float,
    values: FloatArray,
    biased_cum: FloatArray,
    start_cdf: FloatArray,
    discharge: FloatArray,
    seed: int,
    bins: IntArray,
    by_midnight: IntArray,
    totals: FloatArray,
) -> None:
    np.random.seed(seed)
    heap = np.empty(beds, dtype=np.float64)
    start, end = float(warmup_hours), float(rates.shape[0])
    size = _start_in_steady_state(heap, beds, start_cdf, kind, p1, p2, values, biased_cum)
    for i in range(size):
        if heap[i] > start:
            totals[_BED_HOURS] += min(heap[i], end) - start
    queue = np.empty(1024, dtype=np.float64)
    head, waiting = 0, 0
    left = np.random.exponential(1.0)
    for h in range(rates.shape[0]):
        if h % 24 == 0 and h >= warmup_hours:
            head, waiting = _serve_queue(
                heap, size, queue, head, waiting, h, kind, p1, p2, values, start, end, bins, totals, discharge
            )
            while waiting == 0 and size > 0 and heap[0] <= h:
                size = _heap_pop(heap, size)
            by_midnight[size] += 1
        rate = rates[h]
        used = 0.0
        while rate > 0.0 and left <= rate - used:
            used += left
            left = np.random.exponential(1.0)
            t = h + used / rate
            head, waiting = _serve_queue(
                heap, size, queue, head, waiting, t, kind, p1, p2, values, start, end, bins, totals, discharge
            )
            if waiting == 0 and (size < beds or heap[0] <= t):
                size, hours = _admit(heap, size, beds, t, _hours_in_bed(t, kind, p1, p2, values, discharge), start, end)
                totals[_BED_HOURS] += hours
                if t >= start:
                    _record_wait(0.0, bins, totals)
                continue
            if waiting == queue.shape[0]:
                queue = _grow(queue, head, waiting)
                head = 0
            queue[(head + waiting) % queue.shape[0]] = t
            waiting += 1
        left -= rate - used
    head, waiting = _serve_queue(
        heap, size, queue, head, waiting, end, kind, p1, p2, values, start, end, bins, totals, discharge
    )
    # Still waiting when the run ends: counted with the wait so far (a lower bound).
    for i in range(waiting):
        arrived = queue[(head + i) % queue.shape[0]]
        if arrived >= start:
            _record_wait(end - arrived, bins, totals)
            totals[_STILL] += 1


@dataclass(frozen=True)
class WaitingResult:
    """The waits of patients who found every bed full, per simulated year."""

    waited_per_year: Estimate  # patients who waited any time for a bed
    share_waiting: Estimate  # of all admissions
    mean_wait_hours: Estimate  # of those who waited
    centile_95_wait_hours: float  # of all admissions, pooled over replications
    over_4_hours_per_year: Estimate
    over_12_hours_per_year: Estimate
    still_waiting_at_end: int  # across replications, counted with their wait so far

    def to_dict(self) -> dict[str, object]:
        return {
            "waited_per_year": self.waited_per_year.to_dict(),
            "share_waiting": self.share_waiting.to_dict(),
            "mean_wait_hours": self.mean_wait_hours.to_dict(),
            "centile_95_wait_hours": self.centile_95_wait_hours,
            "over_4_hours_per_year": self.over_4_hours_per_year.to_dict(),
            "over_12_hours_per_year": self.over_12_hours_per_year.to_dict(),
            "still_waiting_at_end": self.still_waiting_at_end,
        }


def summarise_waiting(bins: IntArray, totals: FloatArray, years: int) -> WaitingResult:
    """Per-replication rows of ``bins`` and ``totals`` into the figures shown."""
    counted = totals[:, _COUNTED]
    waited = totals[:, _WAITED]
    pooled = bins.sum(axis=0)
    cumulative = np.cumsum(pooled) / max(1, int(pooled.sum()))
    centile_bin = int(np.searchsorted(cumulative, 0.95))
    return WaitingResult(
        waited_per_year=Estimate.of(waited / years),
        share_waiting=Estimate.of(np.divide(waited, counted, out=np.zeros_like(waited), where=counted > 0)),
        mean_wait_hours=Estimate.of(np.divide(totals[:, _HOURS], waited, out=np.zeros_like(waited), where=waited > 0)),
        centile_95_wait_hours=0.0 if centile_bin == 0 else (centile_bin + 1) * BIN_HOURS,
        over_4_hours_per_year=Estimate.of(totals[:, _OVER_4] / years),
        over_12_hours_per_year=Estimate.of(totals[:, _OVER_12] / years),
        still_waiting_at_end=int(totals[:, _STILL].sum()),
    )


def simulate_waiting(pool, calendar, settings, counts, progress, workers, permanent):  # type: ignore[no-untyped-def]
    """``simulate`` for a pool whose patients wait for a bed: the same calendar, stays and seeds."""
    seeds, (kind, p1, p2, values), biased_cum, start_cdf, discharge = kernel_inputs(pool, calendar, settings)
    bins = np.zeros((settings.replications, BINS + 1), dtype=np.int64)
    totals = np.zeros((settings.replications, TOTALS), dtype=np.float64)

    def one(r: int) -> None:
        run_waiting_replication(
            calendar.hourly_rates,
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
            bins[r],
            counts.by_midnight[r],
            totals[r],
        )

    run_replications(one, settings.replications, progress, workers)
    years = settings.years
    counted = totals[:, _COUNTED]
    nothing = Estimate.of(np.zeros(settings.replications))
    hours = years * 365 * 24
    return SimulationResult(
        refused_per_year=nothing,
        refused_per_month=(nothing,) * 12,
        refused_per_weekday=(nothing,) * 7,
        peak_hour_of_week=0,
        no_bed_probability_at_peak_hour=nothing,
        days_with_refusals_per_year=nothing,
        mean_occupied_beds=Estimate.of(totals[:, _BED_HOURS] / hours),
        refusal_fraction=nothing,
        admissions_per_year=Estimate.of(counted / years),
        midnight=_midnight(counts.by_midnight, permanent, years, settings.escalation_threshold),
        replications=settings.replications,
        years=years,
        warmup_days=settings.warmup_days,
        seed=settings.seed,
        simulated_arrivals=int(counted.sum()),
        waiting=summarise_waiting(bins, totals, years),
    )


QUEUE_RUNNERS["waits"] = simulate_waiting
