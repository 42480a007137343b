"""The optimiser: every answer keeps the rules, is as good as exhaustive search, and its bound holds."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from .. import solver
from .._columns import Priced
from .._index import Index, eligible_pairs
from .._model import Model, Solved
from ..check import violations
from ..greedy import greedy
from ..problem import Answer, Member, Problem, Requirement, Review
from ..solver import solve
from . import brute
from .reference import reference
from .rules import affinity, broken_always, unmet
from .strategies import problems

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(problems(api=True))
def test_every_answer_keeps_the_rules_and_reports_what_it_leaves_short(problem: Problem) -> None:
    answer = solve(problem)
    assert broken_always(problem, answer) == []
    short = unmet(problem, answer)
    assert {(s.review, s.skill) for s in answer.shortfalls} == short
    assert (answer.status == "infeasible") == bool(short)
    if answer.status != "infeasible":
        assert violations(problem, answer) == []
    else:
        assert violations(problem, answer)  # the checker sees the same gaps the answer admits


@SETTINGS
@given(problems(api=True))
def test_matches_exhaustive_search_and_the_bound_holds(problem: Problem) -> None:
    answer = solve(problem)
    seats, best = brute.best(problem)
    assert sum(brute.unfilled(problem, r, _panel(problem, answer, r.id)) for r in problem.reviews) == seats
    assert answer.objective == pytest.approx(best, abs=1e-9)
    assert answer.objective == pytest.approx(affinity(problem, answer), abs=1e-9)
    assert answer.bound >= answer.objective - 1e-9
    assert (answer.status == "infeasible") == (seats > 0)
    if answer.status == "optimal":
        assert answer.bound == pytest.approx(answer.objective, rel=1e-6, abs=1e-6)


@SETTINGS
@given(problems())
def test_greedy_never_beats_the_optimum(problem: Problem) -> None:
    best, baseline = solve(problem), greedy(problem)
    assert broken_always(problem, baseline) == []
    assert (baseline.status == "infeasible") == bool(unmet(problem, baseline))
    seats = sum(brute.unfilled(problem, r, _panel(problem, baseline, r.id)) for r in problem.reviews)
    optimum_seats = sum(brute.unfilled(problem, r, _panel(problem, best, r.id)) for r in problem.reviews)
    assert (seats, -baseline.objective) >= (optimum_seats, -best.objective - 1e-9)


@pytest.mark.parametrize("seed", range(6))
def test_mid_sized_problems_match_a_dense_reference(seed: int) -> None:
    problem = _crowded(random.Random(seed))
    answer = solve(problem)
    seats, best = reference(problem)
    assert _seats(problem, answer) == seats
    assert answer.objective == pytest.approx(best, abs=1e-6)
    assert answer.bound >= answer.objective - 1e-9
    assert violations(problem, answer) == [] or answer.status == "infeasible"


def test_pricing_finds_the_pairs_a_bare_start_leaves_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start from positive-affinity pairs only: pricing alone must bring in the zero-affinity fillers."""
    problem = _crowded(random.Random(11))
    expected = reference(problem)

    def bare(ix: Index, pin_m: np.ndarray, pin_r: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        ok = eligible_pairs(ix, ix.aff_m, ix.aff_r)
        return ix.aff_m[ok], ix.aff_r[ok]

    monkeypatch.setattr(solver, "starting_pairs", bare)
    added: list[int] = []
    real_price = solver.price
    monkeypatch.setattr(solver, "price", lambda *a, **k: _spy(real_price(*a, **k), added))
    answer = solve(problem)
    assert sum(added) > 0
    assert (_seats(problem, answer), answer.objective) == (expected[0], pytest.approx(expected[1], abs=1e-6))
    assert answer.status == "optimal"


def test_a_fractional_relaxation_goes_to_branch_and_bound_and_stays_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = _fractional()
    calls: list[Solved] = []
    real = solver.solve_mip

    def counted(model: Model, deadline: float | None, start: np.ndarray | None) -> Solved:
        calls.append(real(model, deadline, start=start))
        return calls[-1]

    monkeypatch.setattr(solver, "solve_mip", counted)
    answer = solve(problem)
    assert calls, "this instance no longer exercises the MIP path; pick another"
    seats, best = brute.best(problem)
    assert (_seats(problem, answer), answer.objective) == (seats, pytest.approx(best, abs=1e-9))
    assert answer.status == "optimal"


def test_a_time_limit_still_returns_an_answer_that_keeps_the_rules() -> None:
    problem = _crowded(random.Random(3), members=300, reviews=30)
    answer = solve(problem, time_limit=1e-4)
    assert answer.status in ("optimal", "feasible")
    assert violations(problem, answer) == []
    assert answer.bound >= answer.objective


def _panel(problem: Problem, answer: Answer, review_id: str) -> tuple[Member, ...]:
    members = {m.id: m for m in problem.members}
    return tuple(members[m] for m in answer.panels[review_id])


def _seats(problem: Problem, answer: Answer) -> int:
    return sum(brute.unfilled(problem, r, _panel(problem, answer, r.id)) for r in problem.reviews)


def _spy(priced: Priced, added: list[int]) -> Priced:
    added.append(len(priced.m))
    return priced


def _crowded(rng: random.Random, members: int = 60, reviews: int = 8) -> Problem:
    """Scarce skills, capacity 1-2, sparse affinity: reviews compete for the same few people."""
    skills = ("patient-public-voice", "emergency-medicine", "social-care", "consultant")
    pool = tuple(
        Member(
            f"M{i:03d}",
            rng.choice(("london", "north-west", "midlands")),
            (rng.choice(("RA7", "QUY", "RJ1", "RX1")),),
            tuple(rng.sample(skills, rng.choice((0, 1, 1, 2)))),
            rng.choice((1, 1, 2)),
        )
        for i in range(members)
    )
    asked = tuple(
        Review(
            f"R{j:02d}",
            rng.choice(("london", "north-west", "midlands")),
            (rng.choice(("RA7", "QUY", "RJ1", "RX1")),),
            panel_min=(low := rng.randint(4, 6)),
            panel_max=low + 2,
            out_of_region=rng.random() < 0.25,
            requirements=tuple(Requirement(s, rng.randint(1, 2)) for s in rng.sample(skills, 2)),
        )
        for j in range(reviews)
    )
    affinity = {(m.id, r.id): round(rng.random(), 3) for m in pool for r in asked if rng.random() < 0.15}
    conflicts = frozenset((m.id, r.id) for m in pool for r in asked if rng.random() < 0.03)
    return Problem(pool, asked, conflicts, affinity)


def _fractional() -> Problem:
    """Found by search: the LP relaxation is fractional (M1 has no skill but the best affinity for R1),
    so HiGHS has to branch."""
    pool = (
        Member("M0", "a", (), ("s2",), 2),
        Member("M1", "a", (), (), 1),
        Member("M2", "a", (), ("s0", "s2"), 1),
        Member("M3", "a", (), ("s0", "s1"), 2),
    )
    asked = (
        Review("R0", "a", (), 3, 3, requirements=(Requirement("s1", 1),)),
        Review("R1", "a", (), 2, 2, requirements=(Requirement("s0", 1), Requirement("s2", 1))),
    )
    return Problem(pool, asked, frozenset(), {("M1", "R1"): 0.5, ("M2", "R1"): 0.1})
