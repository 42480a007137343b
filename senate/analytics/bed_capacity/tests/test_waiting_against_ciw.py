"""Patients who wait for a bed: our simulation (``when_full: waits``) against ciw, an independent
queueing library, on the same steady M/G/c queue (issue 18).

ciw draws its own arrivals and stays with its own generator, keeps its own first-come-first-served
queue and starts from empty; only the scenario is shared. Both are run for independent replications
and the figures a panel reads (the share of admissions who wait, and the mean wait of those who do)
must agree within the 95% confidence interval of their difference. With exponential stays ciw is
first checked against the exact M/M/c figures (Erlang C), so the reference is known to be set up
right; the second case has lognormal stays (cv 1.5), where there is no exact formula and ciw is the
reference. The cases are small (two admissions a day on five beds) so the suite stays fast; the
throughput comparison with ciw is in ``bench/beds/run.py``.
"""

import math
import statistics

import ciw
import pytest
from scipy.special import stdtrit

from senate.analytics.bed_capacity.erlang import erlang_b
from senate.analytics.bed_capacity.model import BedPool, LengthOfStay
from senate.analytics.bed_capacity.simulation import SimulationSettings, simulate

BEDS = 5
PER_DAY = 2.0
MEAN_STAY = 2.0  # days: 4 beds' worth of load on 5 beds
DAYS, WARMUP = 365, 60
CIW_REPLICATIONS = 16
MARGIN = 60  # days run on past the end so every patient admitted in time has left and is recorded


def erlang_c() -> float:
    load = PER_DAY * MEAN_STAY
    b = erlang_b(BEDS, load)
    return BEDS * b / (BEDS - load * (1 - b))


def t_interval(samples: list[float]) -> tuple[float, float]:
    """Mean and standard error across replications."""
    return statistics.fmean(samples), statistics.stdev(samples) / math.sqrt(len(samples))


def ciw_waits(service: ciw.dists.Distribution) -> tuple[list[float], list[float]]:
    """Per replication: the share of admissions arriving in the counted year who wait, and their mean
    wait in hours; each run starts from empty and the first ``WARMUP`` days are not counted."""
    shares, means = [], []
    for rep in range(CIW_REPLICATIONS):
        network = ciw.create_network(
            arrival_distributions=[ciw.dists.Exponential(PER_DAY)],
            service_distributions=[service],
            number_of_servers=[BEDS],
        )
        ciw.seed(1000 + rep)
        sim = ciw.Simulation(network)
        sim.simulate_until_max_time(WARMUP + DAYS + MARGIN)
        waits = [r.waiting_time for r in sim.get_all_records() if WARMUP <= r.arrival_date < WARMUP + DAYS]
        waited = [w for w in waits if w > 0]
        shares.append(len(waited) / len(waits))
        means.append(24 * statistics.fmean(waited))
    return shares, means


def ours(stay: LengthOfStay) -> tuple[tuple[float, float], tuple[float, float]]:
    pool = BedPool(PER_DAY * 365, stay, BEDS)
    settings = SimulationSettings(replications=200, years=1, warmup_days=WARMUP, seed=18, when_full="waits")
    w = simulate(pool, settings, workers=1).waiting
    return (w.share_waiting.mean, w.share_waiting.standard_error), (
        w.mean_wait_hours.mean,
        w.mean_wait_hours.standard_error,
    )


def assert_agree(a: tuple[float, float], b: tuple[float, float], what: str) -> None:
    """The 95% confidence interval of the difference (Welch, conservatively on the smaller sample's
    degrees of freedom) contains zero."""
    half = float(stdtrit(CIW_REPLICATIONS - 1, 0.975)) * math.hypot(a[1], b[1])
    assert abs(a[0] - b[0]) <= half, f"{what}: ours {a[0]:.4g} ± {a[1]:.2g}, ciw {b[0]:.4g} ± {b[1]:.2g}"


@pytest.fixture(scope="module")
def exponential():
    return ours(LengthOfStay.exponential(MEAN_STAY)), ciw_waits(ciw.dists.Exponential(1 / MEAN_STAY))


def test_ciw_is_set_up_right_it_gives_erlang_c(exponential) -> None:
    _, (shares, means) = exponential
    share, se = t_interval(shares)
    assert abs(share - erlang_c()) < 3 * se
    mean, se = t_interval(means)
    exact = 24 * MEAN_STAY / (BEDS - PER_DAY * MEAN_STAY)  # 48 hours: 1 / (c mu - lambda)
    assert abs(mean - exact) < 3 * se


def test_exponential_stays_we_agree_with_ciw(exponential) -> None:
    (share, wait), (ciw_shares, ciw_means) = exponential
    assert_agree(share, t_interval(ciw_shares), "share waiting")
    assert_agree(wait, t_interval(ciw_means), "mean wait in hours")


def test_lognormal_stays_we_agree_with_ciw() -> None:
    cv = 1.5
    sigma = math.sqrt(math.log1p(cv**2))
    share, wait = ours(LengthOfStay.lognormal(MEAN_STAY, cv))
    ciw_shares, ciw_means = ciw_waits(ciw.dists.Lognormal(math.log(MEAN_STAY) - sigma**2 / 2, sigma))
    assert_agree(share, t_interval(ciw_shares), "share waiting")
    assert_agree(wait, t_interval(ciw_means), "mean wait in hours")
    # Not the exponential answer: once patients wait, the shape of the stay lengthens the waits (for refusals
    # only the mean stay matters). About (1 + cv^2) / 2 times the exponential 48 hours, by Lee and Longton.
    assert wait[0] - 3 * wait[1] > 24 * MEAN_STAY / (BEDS - PER_DAY * MEAN_STAY)
