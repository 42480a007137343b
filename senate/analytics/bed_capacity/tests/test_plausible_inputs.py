"""Absurd inputs are named, not run for hours; the required-beds search answers at any load
in a handful of steps and agrees with the bed-by-bed recursion."""

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from senate.analytics.bed_capacity.cli import main
from senate.analytics.bed_capacity.erlang import beds_for_refusal_probability, erlang_b, erlang_b_direct
from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.scenario import validate_scenario

ROOT = Path(__file__).resolve().parents[4]
EXAMPLE = ROOT / "docs" / "beds" / "example-scenario.json"


def bed_by_bed(load: float, probability: float) -> int:
    b, n = 1.0, 0
    while b >= probability:
        n += 1
        b = load * b / (n + load * b)
    return n


@settings(max_examples=40, deadline=None, database=None)
@given(
    load=st.floats(min_value=10_000.0, max_value=40_000.0, allow_nan=False),
    probability=st.sampled_from([0.5, 0.2, 0.05, 0.01, 0.001, 1e-6]),
)
def test_the_search_agrees_with_the_recursion_at_large_loads(load: float, probability: float) -> None:
    # Below 10,000 Erlangs the search is the recursion itself.
    assert beds_for_refusal_probability(load, probability) == bed_by_bed(load, probability)


@settings(max_examples=300, deadline=None, database=None)
@given(beds=st.integers(min_value=0, max_value=4_000), ratio=st.floats(min_value=0.01, max_value=3.0))
def test_the_direct_formula_is_erlang_b(beds: int, ratio: float) -> None:
    load = max(beds, 1) * ratio
    exact = erlang_b(beds, load)
    if exact > 1e-250:
        assert erlang_b_direct(beds, load) == pytest.approx(exact, rel=1e-9)


def test_a_national_scale_load_is_answered() -> None:
    # The bed-by-bed loop took about an hour at the loads a stay of 1e9 days gave.
    beds = beds_for_refusal_probability(90_000.0, 0.001)
    assert erlang_b_direct(beds, 90_000.0) < 0.001 <= erlang_b_direct(beds - 1, 90_000.0)
    assert 90_000 < beds < 91_000


def _scenario(**baseline: object) -> dict[str, object]:
    data = json.loads(EXAMPLE.read_text())
    data["baseline"].update(baseline)
    return data


def test_a_stay_of_a_billion_days_is_named() -> None:
    data = _scenario(length_of_stay={"distribution": "lognormal", "mean_days": 1e9, "cv": 1.0})
    assert validate_scenario(data) == [
        "baseline.length_of_stay.mean_days: must be above 0 and at most 3,650 (got 1e+09)"
    ]


def test_a_trillion_admissions_with_erlang_only_is_named() -> None:
    data = _scenario(admissions_per_year=1e12)
    data["simulation"] = None
    errors = validate_scenario(data)
    assert errors == ["baseline.admissions_per_year: must be zero or more and at most 5,000,000 (got 1e+12)"]


def test_a_load_beyond_any_pool_is_named() -> None:
    data = _scenario(admissions_per_year=4_000_000, length_of_stay={"distribution": "exponential", "mean_days": 3_000})
    data["simulation"] = None
    [error] = validate_scenario(data)
    assert error.startswith("baseline.admissions_per_year: times the mean length of stay is an offered load of")


def test_an_empirical_stay_of_centuries_is_named() -> None:
    data = _scenario(length_of_stay={"distribution": "empirical", "values_days": [3, 4, 1e7]})
    [error] = validate_scenario(data)
    assert error.startswith("baseline.length_of_stay.values_days: value 3 is 1e+07 days")


def test_python_callers_are_refused_for_the_same_reasons() -> None:
    with pytest.raises(ValueError, match="mean_days must be at most 3,650 days"):
        LengthOfStay.exponential(1e9)
    with pytest.raises(ValueError, match="admissions_per_year must be at most 5,000,000"):
        BedPool(1e12, LengthOfStay.exponential(1.0), 10)


def test_the_command_refuses_an_absurd_stay_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "absurd.json"
    path.write_text(json.dumps(_scenario(length_of_stay={"distribution": "fixed", "mean_days": 1e9})))
    assert main([str(path)]) == 2
    assert "baseline.length_of_stay.mean_days: must be above 0 and at most 3,650" in capsys.readouterr().err


def test_senate_beds_assess_takes_workers_as_documented(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text())
    data["simulation"] = {"replications": 4, "years": 1, "warmup_days": 10, "seed": 1}
    path = tmp_path / "small.json"
    path.write_text(json.dumps(data))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "senate", "beds", "assess", str(path), "--workers", "2"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["baseline"]["simulation"]["replications"] == 4
    assert math.isfinite(result["baseline"]["refused_per_year"])
