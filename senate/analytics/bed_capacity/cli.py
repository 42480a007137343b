"""``senate beds assess SCENARIO.json``: compare baseline and proposal as JSON.

Exit codes: 0 with the comparison as JSON on stdout; 2 with one message per
problem on stderr when the scenario cannot be used. Nothing else is written,
so the Django management command can pass stdout straight on.
"""

from __future__ import annotations

import argparse
import json
import sys

from .scenario import ScenarioError, read_scenario, run_scenario
from .simulation import SimulationTooLargeError

EXIT_OK = 0
EXIT_INVALID = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="senate beds assess",
        description=(
            "Test a proposal to change hospital beds against its baseline: Erlang loss "
            "figures at steady demand and a simulation with the stated monthly, weekly "
            "and hourly swings. Prints the comparison as JSON."
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO.json", help="senate-bed-scenario/1 file")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="threads for the simulation (default: one per CPU, at most 4)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (argparse usage errors also give 2)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help exits 0, usage errors exit 2
        return int(exc.code or 0)
    if args.workers is not None and args.workers < 1:
        return _fail(["--workers: must be at least 1"])
    try:
        scenario = read_scenario(args.scenario)
        comparison = run_scenario(scenario, workers=args.workers)
    except ScenarioError as exc:
        return _fail(exc.errors)
    except (SimulationTooLargeError, ValueError) as exc:
        return _fail(str(exc).split("; "))
    json.dump(comparison.to_dict(), sys.stdout, indent=2, allow_nan=False)
    sys.stdout.write("\n")
    return EXIT_OK


def _fail(messages: list[str]) -> int:
    for message in messages:
        print(message, file=sys.stderr)
    return EXIT_INVALID


if __name__ == "__main__":
    raise SystemExit(main())
