"""A length of stay, a bed pool or a proposal condition that makes no sense is refused, naming the field."""

import math

import pytest

from senate.analytics.bed_capacity.model import (
    AlternativeProvision,
    BedPool,
    DemographicGrowth,
    LengthOfStay,
    LosReduction,
    NewTreatment,
)

STAY = LengthOfStay.exponential(5.0)


def test_a_lognormal_stay_without_a_cv_is_refused() -> None:
    with pytest.raises(ValueError, match="cv is required for a lognormal"):
        LengthOfStay("lognormal", 5.0)


def test_a_lognormal_stay_with_a_zero_cv_is_refused() -> None:
    with pytest.raises(ValueError, match="cv must be more than zero"):
        LengthOfStay.lognormal(5.0, 0.0)


def test_an_unknown_stay_distribution_is_refused_listing_the_known_ones() -> None:
    with pytest.raises(ValueError, match="one of lognormal, exponential, fixed, empirical"):
        LengthOfStay("gamma", 5.0)  # type: ignore[arg-type]


def test_a_stay_of_no_days_is_refused() -> None:
    with pytest.raises(ValueError, match="mean_days must be more than zero"):
        LengthOfStay.fixed(0)


def test_a_stay_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="mean_days must be a finite number"):
        LengthOfStay.exponential(math.nan)


def test_an_empirical_stay_with_no_values_is_refused() -> None:
    with pytest.raises(ValueError, match="values_days must hold at least one"):
        LengthOfStay.empirical([])


def test_an_empirical_stay_with_a_negative_value_is_refused() -> None:
    with pytest.raises(ValueError, match="values_days must all be zero or more"):
        LengthOfStay.empirical([3.0, -1.0, 4.0])


def test_an_empirical_mean_is_the_mean_of_its_stays() -> None:
    assert LengthOfStay.empirical([1, 2, 6]).mean_days == pytest.approx(3.0)


def test_scaling_an_empirical_stay_scales_every_stay() -> None:
    assert LengthOfStay.empirical([1.0, 3.0]).scaled(0.5).values_days == (0.5, 1.5)


def test_each_stay_describes_its_shape() -> None:
    assert LengthOfStay.lognormal(4.5, 1.25).describe() == "lognormal, mean 4.50 days, cv 1.25"
    assert LengthOfStay.empirical([2, 4]).describe() == "empirical (2 stays), mean 3.00 days"
    assert LengthOfStay.fixed(2).describe() == "fixed, mean 2.00 days"


def test_a_pool_of_no_beds_is_refused() -> None:
    with pytest.raises(ValueError, match="beds must be a whole number of at least 1"):
        BedPool(1_000, STAY, 0)


def test_a_pool_whose_beds_are_true_is_refused() -> None:
    with pytest.raises(ValueError, match="beds must be a whole number"):
        BedPool(1_000, STAY, True)


def test_a_pool_of_a_fraction_of_a_bed_is_refused() -> None:
    with pytest.raises(ValueError, match="beds must be a whole number"):
        BedPool(1_000, STAY, 10.5)  # type: ignore[arg-type]


def test_negative_admissions_are_refused() -> None:
    with pytest.raises(ValueError, match="admissions_per_year must be zero or more"):
        BedPool(-1, STAY, 10)


def test_a_pool_with_no_admissions_is_allowed() -> None:
    assert BedPool(0, STAY, 10).admissions_per_day == 0


def test_a_target_occupancy_above_one_is_refused() -> None:
    with pytest.raises(ValueError, match="target_occupancy must be above 0 and at most 1"):
        BedPool(1_000, STAY, 10, target_occupancy=1.2)


def test_weekday_shares_of_the_wrong_length_are_refused() -> None:
    with pytest.raises(ValueError, match="weekday_shares: expected 7 shares, got 5"):
        BedPool(1_000, STAY, 10, weekday_shares=(0.2,) * 5)


def test_a_negative_hour_share_is_named_by_its_position() -> None:
    hours = [1 / 23] * 24
    hours[3] = -1 / 23
    with pytest.raises(ValueError, match=r"hour_shares: share 4 is negative"):
        BedPool(1_000, STAY, 10, hour_shares=hours)


def test_every_problem_with_a_pool_is_reported_in_one_message() -> None:
    with pytest.raises(ValueError) as refused:
        BedPool(-5, STAY, 0, target_occupancy=0)
    message = str(refused.value)
    assert "admissions_per_year" in message and "beds" in message and "target_occupancy" in message


def test_shares_given_as_lists_are_kept_so_the_pool_can_be_hashed() -> None:
    pool = BedPool(1_000, STAY, 10, weekday_shares=[1 / 7] * 7)
    assert isinstance(pool.weekday_shares, tuple)
    assert hash(pool) == hash(BedPool(1_000, STAY, 10))


def test_alternative_provision_with_negative_admissions_avoided_is_refused() -> None:
    with pytest.raises(ValueError, match="admissions_avoided_per_year must be zero or more"):
        AlternativeProvision(-10, "2 WTE nurses")


def test_a_new_treatment_without_a_category_is_refused() -> None:
    with pytest.raises(ValueError, match="category must be named"):
        NewTreatment("  ", 100)


def test_closing_more_than_the_whole_gap_to_the_benchmark_is_refused() -> None:
    with pytest.raises(ValueError, match="gap_share_closed must be between 0 and 1"):
        LosReduction(benchmark_mean_los_days=4.0, gap_share_closed=1.5)


def test_a_benchmark_stay_of_no_days_is_refused() -> None:
    with pytest.raises(ValueError, match="benchmark_mean_los_days must be more than zero"):
        LosReduction(benchmark_mean_los_days=0, gap_share_closed=0.5)


def test_growth_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="horizon_year must not be before base_year"):
        DemographicGrowth(0.01, 2030, 2025)


def test_a_fall_in_demand_of_all_of_it_or_more_is_refused() -> None:
    with pytest.raises(ValueError, match="annual_rate must be above -1"):
        DemographicGrowth(-1.0, 2024, 2030)


def test_growth_over_no_years_leaves_demand_alone() -> None:
    assert DemographicGrowth(0.05, 2025, 2025).factor == 1.0


def test_a_fall_in_demand_compounds_each_year() -> None:
    assert DemographicGrowth(-0.1, 2024, 2026).factor == pytest.approx(0.81)
