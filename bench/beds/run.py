"""Benchmark of the bed-capacity simulation (not a test).

(a) Throughput, in simulated admissions per second, of our compiled simulation
    and of ciw on the same steady M/G/c/c loss system, and the ratio.
(b) Wall time and peak memory of a baseline-plus-proposal comparison of
    100 replications x 10 years at 40,000 admissions a year (docs/beds example).
(c) Wall time of the search for the beds the example's proposal needs under its
    stated swings (1% finding no bed), at the same 100 x 10 settings.
(d) Wall time of the uncertainty analysis of docs/beds/example-uncertainty.json at the
    defaults a page uses (200 draws, each 20 replications x 2 years).

Run from the repository root:  .venv/bin/python bench/beds/run.py
Targets: ours >= 50x ciw; the pair in under 60 s and the required-beds search in
under 60 s on a 2-core machine; the uncertainty analysis in under 5 minutes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "beds" / "example-scenario.json"

ADMISSIONS = 40_000
MEAN_LOS, CV = 5.0, 1.2
SPEED_TARGET = 50.0
PAIR_TARGET_SECONDS = 60.0
UNCERTAINTY_TARGET_SECONDS = 300.0


def _import_path() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def steady_beds() -> int:
    """The smallest pool turning away under 1% (575 beds): refusals do happen, so the
    loss path is exercised and the two simulators' refusal fractions can be compared."""
    _import_path()
    from senate.analytics.bed_capacity import beds_for_refusal_probability, offered_load

    return beds_for_refusal_probability(offered_load(ADMISSIONS, MEAN_LOS), 0.01)


def erlang_b_at_steady() -> float:
    _import_path()
    from senate.analytics.bed_capacity import erlang_b, offered_load

    return erlang_b(steady_beds(), offered_load(ADMISSIONS, MEAN_LOS))


def ours_throughput(replications: int, years: int, workers: int) -> dict[str, float]:
    _import_path()
    from senate.analytics.bed_capacity import BedPool, LengthOfStay, SimulationSettings, simulate

    pool = BedPool(ADMISSIONS, LengthOfStay.lognormal(MEAN_LOS, CV), steady_beds())
    simulate(pool, SimulationSettings(2, 1, 0, 1), workers=1)  # compile (or load the cache) first
    start = time.perf_counter()
    result = simulate(pool, SimulationSettings(replications, years, 60, 1), workers=workers)
    wall = time.perf_counter() - start
    return {
        "arrivals": result.simulated_arrivals,
        "seconds": wall,
        "per_second": result.simulated_arrivals / wall,
        "refusal_fraction": result.refusal_fraction.mean,
    }


def ciw_throughput(target_seconds: float) -> dict[str, float]:
    """ciw on the same case; the horizon is sized from a short calibration run."""
    import ciw

    sigma = math.sqrt(math.log1p(CV**2))
    mu = math.log(MEAN_LOS) - sigma**2 / 2

    def run(days: float) -> tuple[float, int, int]:
        network = ciw.create_network(
            arrival_distributions=[ciw.dists.Exponential(ADMISSIONS / 365)],
            service_distributions=[ciw.dists.Lognormal(mu, sigma)],
            number_of_servers=[steady_beds()],
            queue_capacities=[0],  # no queue: a full pool turns the admission away
        )
        ciw.seed(1)
        sim = ciw.Simulation(network)
        start = time.perf_counter()
        sim.simulate_until_max_time(days)
        wall = time.perf_counter() - start
        arrived = sim.nodes[0].number_of_individuals
        return wall, arrived, arrived - sim.nodes[0].number_accepted_individuals

    wall, arrived, _ = run(40.0)  # the pool fills within a few stays, so this rate holds
    days = max(40.0, 40.0 * target_seconds / wall)
    wall, arrived, refused = run(days)
    return {
        "days": days,
        "arrivals": arrived,
        "seconds": wall,
        "per_second": arrived / wall,
        "refusal_fraction": refused / arrived,
    }


def pair_in_this_process() -> dict[str, Any]:
    """Baseline-plus-proposal run of the example scenario; called in a fresh process."""
    _import_path()
    start = time.perf_counter()
    from senate.analytics.bed_capacity import BedPool, LengthOfStay, SimulationSettings, simulate
    from senate.analytics.bed_capacity.scenario import read_scenario, run_scenario

    imported = time.perf_counter()
    simulate(BedPool(1_000, LengthOfStay.exponential(1.0), 5), SimulationSettings(2, 1, 0, 1), workers=1)
    compiled = time.perf_counter()
    tracemalloc.start()
    scenario = read_scenario(EXAMPLE)
    comparison = run_scenario(scenario)
    done = time.perf_counter()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sides = (comparison.baseline, comparison.proposal)
    arrivals = sum(s.simulation.simulated_arrivals for s in sides if s.simulation is not None)
    settings = scenario.simulation
    return {
        "import_seconds": imported - start,
        "compile_seconds": compiled - imported,
        "pair_seconds": done - compiled,
        "arrivals": arrivals,
        "admissions_per_year": [s.admissions_per_year for s in sides],
        "replications": None if settings is None else settings.replications,
        "years": None if settings is None else settings.years,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "python_heap_peak_mb": traced_peak / 2**20,
    }


def required_beds_search() -> dict[str, Any]:
    """The required-beds search for the example's proposal, as the page runs it."""
    _import_path()
    from dataclasses import replace

    from senate.analytics.bed_capacity.model import apply_proposal
    from senate.analytics.bed_capacity.required import required_beds
    from senate.analytics.bed_capacity.scenario import read_scenario

    scenario = read_scenario(EXAMPLE)
    assert scenario.simulation is not None
    pool = apply_proposal(scenario.baseline, scenario.proposal).pool
    start = time.perf_counter()
    found = required_beds(pool, replace(scenario.simulation), target=0.01)
    return {
        "seconds": time.perf_counter() - start,
        "beds": found.beds,
        "erlang_beds": found.erlang_beds,
        "tried": [p.beds for p in found.curve],
    }


def uncertainty_analysis() -> dict[str, Any]:
    """200 draws of the worked example's ranges, each simulated at the defaults (20 x 2 years)."""
    _import_path()
    from dataclasses import replace

    from senate.analytics.bed_capacity.scenario import read_scenario
    from senate.analytics.bed_capacity.uncertainty import UncertaintySettings, analyse

    scenario = read_scenario(ROOT / "docs" / "beds" / "example-uncertainty.json")
    assert scenario.uncertainty is not None
    settings = UncertaintySettings(scenario.uncertainty.target, scenario.uncertainty.ranges)  # the defaults
    start = time.perf_counter()
    found = analyse(scenario.baseline, scenario.proposal, settings, replace(scenario.simulation))
    return {
        "seconds": time.perf_counter() - start,
        "draws": found.draws,
        "replications": settings.replications,
        "years": settings.years,
        "probability": found.probability,
        "first": found.tornado[0].label,
    }


def pair_in_fresh_process() -> dict[str, Any]:
    """A separate process, so peak memory is the comparison's own and not ciw's."""
    output = subprocess.run(
        [sys.executable, __file__, "--pair-only"], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    result: dict[str, Any] = json.loads(output)
    return result


def print_report(
    ours: dict[str, float],
    ours_2: dict[str, float],
    ciw: dict[str, float] | None,
    pair: dict[str, Any],
    search: dict[str, Any] | None = None,
    uncertain: dict[str, Any] | None = None,
) -> None:
    load = os.getloadavg()
    print(f"Machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    print(
        f"\n(a) Steady M/G/c/c: {ADMISSIONS:,} admissions/yr, lognormal LOS mean {MEAN_LOS} d cv {CV}, "
        f"{steady_beds()} beds"
    )
    print(f"Erlang B at these beds: {erlang_b_at_steady():.4%} of admissions find no bed")
    print(f"{'simulator':<30}{'arrivals':>14}{'seconds':>10}{'admissions/s':>16}{'refused':>10}")
    rows = [("ours, 1 thread", ours), ("ours, 2 threads", ours_2)]
    if ciw is not None:
        rows.append((f"ciw, {ciw['days']:.0f} days from empty", ciw))
    for name, r in rows:
        line = f"{name:<30}{r['arrivals']:>14,.0f}{r['seconds']:>10.2f}{r['per_second']:>16,.0f}"
        print(line + f"{r['refusal_fraction']:>10.4%}")
    print("(ciw starts from an empty pool and runs a short horizon, so its refused share is a little low.)")
    if ciw is not None:
        ratio = ours["per_second"] / ciw["per_second"]
        verdict = "meets" if ratio >= SPEED_TARGET else "MISSES"
        print(f"Speed ratio (ours 1 thread / ciw): {ratio:,.0f}x  [{verdict} target >= {SPEED_TARGET:.0f}x]")
    print(
        f"\n(b) Baseline + proposal, {pair['replications']} replications x {pair['years']} years, "
        f"admissions/yr {pair['admissions_per_year'][0]:,.0f} and {pair['admissions_per_year'][1]:,.0f}"
    )
    total = pair["compile_seconds"] + pair["pair_seconds"]
    verdict = "meets" if total < PAIR_TARGET_SECONDS else "MISSES"
    print(f"  import {pair['import_seconds']:.2f} s, compile or cache load {pair['compile_seconds']:.2f} s")
    print(f"  pair wall time {pair['pair_seconds']:.2f} s ({pair['arrivals']:,} arrivals simulated)")
    print(f"  compile + pair {total:.2f} s  [{verdict} target < {PAIR_TARGET_SECONDS:.0f} s]")
    print(
        f"  peak RSS {pair['max_rss_mb']:.0f} MB, Python heap peak (tracemalloc) {pair['python_heap_peak_mb']:.1f} MB"
    )
    if search is not None:
        verdict = "meets" if search["seconds"] < PAIR_TARGET_SECONDS else "MISSES"
        print("\n(c) Beds the proposal needs for 1% finding no bed, with its stated swings (simulation search)")
        print(
            f"  {search['beds']} beds ({search['erlang_beds']} at steady demand), {len(search['tried'])} bed counts "
            f"simulated ({', '.join(map(str, search['tried']))}) in {search['seconds']:.1f} s  "
            f"[{verdict} target < {PAIR_TARGET_SECONDS:.0f} s]"
        )
    if uncertain is not None:
        verdict = "meets" if uncertain["seconds"] < UNCERTAINTY_TARGET_SECONDS else "MISSES"
        print("\n(d) How sure are we: the worked example's ranges (docs/beds/uncertainty.md)")
        print(
            f"  {uncertain['draws']} draws x {uncertain['replications']} replications x {uncertain['years']} years: "
            f"{uncertain['probability']:.0%} meet the target, '{uncertain['first']}' matters most, "
            f"in {uncertain['seconds']:.1f} s  [{verdict} target < {UNCERTAINTY_TARGET_SECONDS:.0f} s]"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ciw-seconds", type=float, default=12.0, help="about how long ciw runs (default 12 s)")
    parser.add_argument("--skip-ciw", action="store_true", help="do not run ciw")
    parser.add_argument("--pair-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--skip-search", action="store_true", help="do not time the required-beds search")
    parser.add_argument("--skip-uncertainty", action="store_true", help="do not time the uncertainty analysis")
    args = parser.parse_args()
    if args.pair_only:
        print(json.dumps(pair_in_this_process()))
        return 0
    pair = pair_in_fresh_process()
    ours = ours_throughput(replications=20, years=10, workers=1)
    ours_2 = ours_throughput(replications=20, years=10, workers=2)
    ciw = None if args.skip_ciw else ciw_throughput(args.ciw_seconds)
    search = None if args.skip_search else required_beds_search()
    uncertain = None if args.skip_uncertainty else uncertainty_analysis()
    print_report(ours, ours_2, ciw, pair, search, uncertain)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
