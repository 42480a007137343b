"""Delayed discharges and the times patients can leave (issue 18): days in a bed after a patient is
ready to leave are separate from the clinical stay, so a proposal can avoid them; and a patient ready
to leave waits for the next discharge slot (fewer, or none, at weekends).

Hand-checked case: flat demand, 20 admissions a day, exponential clinical stays of 3 days, and so
many beds that nobody is turned away, so by Little's law the beds in use are admissions a day times
days in a bed. With no discharges at weekends a patient ready on a Saturday leaves at Monday 00:00
(1.5 days later on average) and one ready on a Sunday 0.5 days later: 2/7 of a day more for every
patient, 20 x 2/7 = 5.71 more beds in use.
"""

import pytest

from senate.analytics.bed_capacity.compare import compare
from senate.analytics.bed_capacity.model import (
    FLAT_HOUR_SHARES,
    BedPool,
    DelayedDischarge,
    DischargeProfile,
    LengthOfStay,
    Proposal,
)
from senate.analytics.bed_capacity.scenario import load_scenario, scenario_to_dict, validate_scenario
from senate.analytics.bed_capacity.simulation import SimulationSettings, simulate

PER_DAY, STAY, BEDS = 20.0, 3.0, 200
WEEKDAYS_ONLY = DischargeProfile((0.2, 0.2, 0.2, 0.2, 0.2, 0.0, 0.0), FLAT_HOUR_SHARES)
SETTINGS = SimulationSettings(replications=20, years=2, warmup_days=60, seed=5)


def pool(**changes) -> BedPool:
    return BedPool(PER_DAY * 365, LengthOfStay.exponential(STAY), BEDS, **changes)


def occupied(p: BedPool, settings: SimulationSettings = SETTINGS):
    return simulate(p, settings, workers=2).mean_occupied_beds


def test_no_weekend_discharges_keep_every_patient_two_sevenths_of_a_day_longer() -> None:
    weekend_free = pool(discharge_profile=WEEKDAYS_ONLY)
    assert WEEKDAYS_ONLY.mean_wait_days() == pytest.approx(2 / 7)
    assert weekend_free.mean_stay_days == pytest.approx(STAY + 2 / 7)
    any_day, weekdays = occupied(pool()), occupied(weekend_free)
    assert abs(any_day.mean - PER_DAY * STAY) < 3 * any_day.standard_error  # 60 beds
    assert abs(weekdays.mean - PER_DAY * (STAY + 2 / 7)) < 3 * weekdays.standard_error  # 65.71 beds
    assert weekdays.mean - any_day.mean == pytest.approx(PER_DAY * 2 / 7, abs=0.5)


def test_fewer_discharges_at_weekends_hold_some_patients_to_monday() -> None:
    # Weekend hours a quarter as busy as weekday hours: a quarter of the patients ready at a weekend leave
    # then, the rest wait for Monday.
    fewer = DischargeProfile((0.1818, 0.1818, 0.1818, 0.1818, 0.1818, 0.0455, 0.0455), FLAT_HOUR_SHARES)
    assert 0 < fewer.mean_wait_days() < 2 / 7
    assert fewer.mean_wait_days() == pytest.approx(0.75 * 2 / 7, rel=0.01)  # waits 3/4 as long on average
    result = occupied(pool(discharge_profile=fewer))
    assert abs(result.mean - PER_DAY * (STAY + fewer.mean_wait_days())) < 3 * result.standard_error


def test_discharges_in_the_daytime_only() -> None:
    # Discharges 08:00-16:00 only: a patient ready overnight waits for 08:00, 16 hours in 24 closed,
    # 8 hours on average for those, so 5h20m more for every patient.
    daytime = DischargeProfile((1 / 7,) * 7, (0,) * 8 + (1 / 8,) * 8 + (0,) * 8)
    assert daytime.mean_wait_days() == pytest.approx(16 / 24 * 8 / 24)
    result = occupied(pool(discharge_profile=daytime))
    assert abs(result.mean - PER_DAY * (STAY + daytime.mean_wait_days())) < 3 * result.standard_error


def test_delayed_discharges_add_their_days_and_a_proposal_can_avoid_them() -> None:
    # A fifth of patients stay 5 days on average after they are ready: 1 day a patient, 20 beds.
    baseline = pool(delayed_discharge=DelayedDischarge(0.2, 5.0))
    assert baseline.mean_stay_days == pytest.approx(STAY + 1)
    plan = Proposal(BEDS, delayed_discharge_avoided=0.5, name="Discharge to assess")
    result = compare(baseline, plan, SETTINGS, workers=2)
    base, prop = result.baseline.simulation, result.proposal.simulation
    assert base is not None and prop is not None
    assert abs(base.mean_occupied_beds.mean - PER_DAY * 4) < 3 * base.mean_occupied_beds.standard_error  # 80
    assert abs(prop.mean_occupied_beds.mean - PER_DAY * 3.5) < 3 * prop.mean_occupied_beds.standard_error  # 70
    assert result.proposal.mean_los_days == STAY  # the clinical stay is untouched
    assert result.proposal.mean_stay_days == pytest.approx(3.5)
    assert result.baseline.offered_load == pytest.approx(80)  # the Erlang figures count the days in a bed
    assert any("avoids 50% of the days" in a for a in result.assumptions)


def test_patients_who_wait_for_a_bed_also_wait_for_a_discharge_slot() -> None:
    waits = SimulationSettings(replications=20, years=2, warmup_days=60, seed=5, when_full="waits")
    result = simulate(pool(discharge_profile=WEEKDAYS_ONLY), waits, workers=2)
    beds = result.mean_occupied_beds
    assert abs(beds.mean - PER_DAY * (STAY + 2 / 7)) < 3 * beds.standard_error


def _scenario() -> dict:
    from senate.analytics.bed_capacity.tests.test_plausible_inputs import _scenario as base

    data = base()
    data["simulation"] = {"replications": 3, "years": 1}
    return data


def test_the_scenario_carries_delays_and_discharge_times() -> None:
    data = _scenario()
    data["baseline"]["delayed_discharge"] = {"share_of_patients": 0.2, "mean_days": 5}
    data["baseline"]["discharge_profile"] = {"weekday_shares": [0.2] * 5 + [0, 0]}
    data["proposal"]["delayed_discharge_avoided"] = 0.5
    scenario = load_scenario(data)
    assert scenario.baseline.discharge_profile == WEEKDAYS_ONLY
    again = scenario_to_dict(scenario)
    assert again["baseline"]["delayed_discharge"] == {"share_of_patients": 0.2, "mean_days": 5.0}
    assert again["proposal"]["delayed_discharge_avoided"] == 0.5
    assert load_scenario(again) == scenario


def test_bad_delays_and_profiles_are_named() -> None:
    data = _scenario()
    data["baseline"]["delayed_discharge"] = {"share_of_patients": 1.5, "mean_days": 0}
    data["baseline"]["discharge_profile"] = {"weekday_shares": [0.5, 0.5, 0.5, 0, 0, 0, 0]}
    assert validate_scenario(data) == [
        "baseline.delayed_discharge.share_of_patients: must be zero or more and at most 1 (got 1.5)",
        "baseline.delayed_discharge.mean_days: must be above 0 and at most 365 (got 0)",
        "baseline.discharge_profile.weekday_shares: 7 shares must sum to 1 (they sum to 1.5)",
    ]
    data = _scenario()
    data["proposal"]["delayed_discharge_avoided"] = 0.5
    assert validate_scenario(data) == [
        "proposal.delayed_discharge_avoided: the baseline states no delayed discharges to avoid; "
        "give baseline.delayed_discharge first"
    ]
