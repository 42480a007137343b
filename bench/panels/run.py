"""Benchmark: the exact optimiser against the greedy baseline on seeded, realistic problems.

    .venv/bin/python bench/panels/run.py [--sizes 500x10 2000x50 ...] [--seed N] [--time-limit S]

Each size runs in its own subprocess so that its memory peak is its own. Memory is the process's peak
resident set size *during the solve* (the kernel's high-water mark is reset just before it, so the
problem generation does not count, but the interpreter, libraries and the problem in memory do).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

SIZES = ("500x10", "2000x50", "5000x100", "10000x250", "20000x500")
TARGET_SECONDS, TARGET_MB, TARGET_RATIO = 5.0, 500.0, 0.999


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), help="MEMBERSxREVIEWS, e.g. 20000x500")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--time-limit", type=float, default=None, help="passed to solve()")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one size in this process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_measure(args.one, args.seed, args.time_limit)))
        return 0
    rows = [_in_subprocess(size, args.seed, args.time_limit) for size in args.sizes]
    print(_table(rows))
    return 0


def _in_subprocess(size: str, seed: int, time_limit: float | None) -> dict:
    command = [sys.executable, __file__, "--one", size, "--seed", str(seed)]
    if time_limit is not None:
        command += ["--time-limit", str(time_limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure(size: str, seed: int, time_limit: float | None) -> dict:
    from generate import generate

    from senate.analytics.panel_assignment import greedy, read_problem, solve, violations

    n_members, n_reviews = (int(x) for x in size.lower().split("x"))
    started = time.perf_counter()
    document = generate(n_members, n_reviews, seed)
    problem = read_problem(document)
    pairs = len(document["affinity"])
    del document
    gc.collect()
    row = {"size": size, "pairs": pairs, "generate_s": time.perf_counter() - started}
    for name, run in (("opt", lambda: solve(problem, time_limit=time_limit)), ("greedy", lambda: greedy(problem))):
        before = _reset_peak()
        answer = run()
        row[name] = {
            "status": answer.status,
            "objective": answer.objective,
            "bound": answer.bound,
            "unmet": len(violations(problem, answer)),
            "seconds": answer.seconds,
            "peak_mb": _peak_mb(),
            "before_mb": before,
        }
    return row


def _reset_peak() -> float:
    """Reset the kernel's RSS high-water mark (Linux >= 4.0); returns the current RSS in MB."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass  # then the peak below is the whole process's, generation included: still an upper bound
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    peak = _status_mb("VmHWM")
    return peak if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _status_mb(key: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _table(rows: list[dict]) -> str:
    head = (
        "| members x reviews | affinity pairs | solver | status | objective | obj / bound | unmet rules "
        "| seconds | peak MB |"
    )
    lines = [head, "|" + "---|" * 9]
    for row in rows:
        bound = row["opt"]["bound"]
        for name in ("opt", "greedy"):
            r = row[name]
            ratio = r["objective"] / bound if bound else 1.0
            label = "HiGHS (exact)" if name == "opt" else "greedy"
            lines.append(
                f"| {row['size']} | {row['pairs']:,} | {label} | {r['status']} | {r['objective']:.3f} "
                f"| {ratio:.6f} | {r['unmet']} | {r['seconds']:.2f} | {r['peak_mb']:.0f} |"
            )
    worst = max(rows, key=lambda row: row["opt"]["seconds"])
    lines.append("")
    lines.append(
        f"Targets: exact solver at obj/bound >= {TARGET_RATIO} with 0 unmet rules on feasible problems; "
        f"largest size under {TARGET_SECONDS:.0f} s and {TARGET_MB:.0f} MB. "
        f"Slowest exact solve: {worst['size']} in {worst['opt']['seconds']:.2f} s. "
        f"'obj / bound' is against the exact solver's proved bound for both rows; greedy proves no bound. "
        f"CPU: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
