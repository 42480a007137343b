"""`senate panels solve PROBLEM.json [--time-limit S] [--output ANSWER.json]`.

Exit 0 with the answer JSON (also for an infeasible problem: the answer explains it); exit 2 with the
faults on stderr and nothing written when the input is malformed or unreadable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from .format import read_problem, write_answer
from .problem import ProblemError
from .solver import solve

MALFORMED = 2


def main(argv: list[str] | None = None) -> int:
    """Run the command; `argv` excludes the program name (e.g. ["problem.json", "--time-limit", "5"])."""
    args = _parser().parse_args(argv)
    try:
        problem = read_problem(_load(args.problem))
    except ProblemError as error:
        for message in error.errors:
            print(f"{args.problem}: {message}", file=sys.stderr)
        return MALFORMED
    answer = solve(problem, time_limit=args.time_limit)
    text = json.dumps(write_answer(answer), indent=2) + "\n"
    if args.output:
        _write_atomically(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="senate panels solve",
        description="Choose review panels that meet every rule and maximise total affinity.",
    )
    parser.add_argument("problem", help="senate-panel-problem/1 JSON file, or - for standard input")
    parser.add_argument("--time-limit", type=_positive, default=None, metavar="S", help="seconds to search")
    parser.add_argument("--output", metavar="ANSWER.json", help="write the answer here, not to stdout")
    return parser


def _positive(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text}")
    return value


def _load(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemError([f"cannot read: {error}"]) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ProblemError([f"not JSON: {error}"]) from error


def _write_atomically(path: Path, text: str) -> None:
    # A reader of ANSWER.json never sees half an answer.
    fd, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)
