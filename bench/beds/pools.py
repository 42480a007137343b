"""Benchmark of several bed pools simulated together (issue 18; not a test).

Times the comparison of ``bench/beds/five-pools.json``: five pools of one hospital (acute medicine,
surgery with elective lists, care of the elderly, stroke, rehabilitation), three of them outlying to
another, escalation beds on medicine (above 95% occupied), care of the elderly and rehabilitation, at
100 replications x 10 years on each side: the five pools together on the baseline and on the
proposal, plus the medicine pool alone on each side (the single-pool figures the comparison always
carries). Target: under 120 s on a 2-core machine, compile (or compiled-cache load) included.

Run from the repository root:  .venv/bin/python bench/beds/pools.py [--workers N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "bench" / "beds" / "five-pools.json"
TARGET_SECONDS = 120.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=None, help="simulation threads (default one per CPU, at most 4)")
    args = parser.parse_args()
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    start = time.perf_counter()
    from senate.analytics.bed_capacity.scenario import read_scenario, run_scenario

    imported = time.perf_counter()
    scenario = read_scenario(SCENARIO)
    comparison = run_scenario(scenario, workers=args.workers)
    done = time.perf_counter()
    settings = scenario.simulation
    assert settings is not None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{len(scenario.system)} pools, {settings.replications} replications x {settings.years} years on each side")
    for side in (comparison.baseline, comparison.proposal):
        assert side.pools is not None
        print(f"\n{side.name}: {side.pools.simulated_arrivals:,} simulated arrivals (five pools together)")
        print(f"  {'pool':<22}{'refused':>9}{'sent':>9}{'received':>9}{'bed-days out':>14}{'cancelled':>11}")
        for p in side.pools.pools:
            cancelled = "" if p.electives_cancelled_per_year is None else f"{p.electives_cancelled_per_year.mean:,.0f}"
            print(
                f"  {p.name:<22}{p.refused_per_year.mean:>9,.0f}{p.outliers_sent_per_year.mean:>9,.0f}"
                f"{p.outliers_received_per_year.mean:>9,.0f}{p.outlying_bed_days_per_year.mean:>14,.0f}{cancelled:>11}"
            )
    seconds = done - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nimport {imported - start:.1f} s; comparison {done - imported:.1f} s; total {seconds:.1f} s")
    print(
        f"peak RSS {peak:.0f} MB; target under {TARGET_SECONDS:.0f} s: {'met' if seconds < TARGET_SECONDS else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
