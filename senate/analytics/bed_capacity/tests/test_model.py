"""Proposal changes, length-of-stay inputs and the CSV upload parser."""

from collections.abc import Callable

import pytest

from senate.analytics.bed_capacity.model import (
    FLAT_MONTH_SHARES,
    AlternativeProvision,
    BedPool,
    DemographicGrowth,
    LengthOfStay,
    LosCsvError,
    LosReduction,
    NewTreatment,
    Proposal,
    apply_proposal,
    parse_los_csv,
)

WORKFORCE = "12 WTE band 6 nurses and 2 WTE consultants, recruited by April 2026"
BASELINE = BedPool(40_000, LengthOfStay.lognormal(5.0, 1.2), 620, name="Acute medicine")
PROPOSAL = Proposal(
    proposed_beds=560,
    alternative_provision=AlternativeProvision(1_800, WORKFORCE, "Virtual wards"),
    new_treatments=(NewTreatment("COPD", 350), NewTreatment("Heart failure", 150)),
    los_reduction=LosReduction(benchmark_mean_los_days=4.4, gap_share_closed=0.5),
    growth=DemographicGrowth(annual_rate=0.01, base_year=2024, horizon_year=2029),
)


def test_proposal_gives_expected_admissions_los_and_beds() -> None:
    pool = apply_proposal(BASELINE, PROPOSAL).pool
    grown = 40_000 * 1.01**5
    assert pool.admissions_per_year == pytest.approx(grown - 1_800 - 350 - 150)
    assert pool.mean_los_days == pytest.approx(5.0 - 0.5 * (5.0 - 4.4))  # 4.7 days
    assert pool.length_of_stay.distribution == "lognormal"
    assert pool.length_of_stay.cv == pytest.approx(1.2)
    assert pool.beds == 560
    assert pool.month_shares == BASELINE.month_shares
    assert pool.target_occupancy == BASELINE.target_occupancy


def test_assumptions_record_each_condition_and_the_workforce_note() -> None:
    text = "\n".join(apply_proposal(BASELINE, PROPOSAL).assumptions)
    assert WORKFORCE in text
    assert "Virtual wards" in text and "1,800" in text
    assert "COPD" in text and "Heart failure" in text
    assert "2024" in text and "2029" in text
    assert "4.70" in text  # new mean length of stay
    assert "560 beds" in text


def test_nothing_changed_leaves_the_pool_alone() -> None:
    effective = apply_proposal(BASELINE, Proposal(proposed_beds=620))
    assert effective.pool.admissions_per_year == BASELINE.admissions_per_year
    assert effective.pool.length_of_stay == BASELINE.length_of_stay
    assert any("No demographic growth" in a for a in effective.assumptions)


def test_los_already_at_benchmark_is_not_lengthened() -> None:
    effective = apply_proposal(BASELINE, Proposal(600, los_reduction=LosReduction(6.0, 1.0)))
    assert effective.pool.mean_los_days == 5.0
    assert any("already at or below the benchmark" in a for a in effective.assumptions)


def test_empirical_stays_are_scaled_keeping_their_shape() -> None:
    pool = BedPool(10_000, LengthOfStay.empirical([1.0, 2.0, 3.0, 10.0]), 200)
    cut = apply_proposal(pool, Proposal(180, los_reduction=LosReduction(2.0, 0.5))).pool
    assert cut.mean_los_days == pytest.approx(3.0)  # 4.0 -> halfway to 2.0
    assert cut.length_of_stay.values_days == pytest.approx((0.75, 1.5, 2.25, 7.5))


def test_reductions_larger_than_demand_are_refused() -> None:
    too_many = Proposal(100, alternative_provision=AlternativeProvision(50_000, WORKFORCE))
    with pytest.raises(ValueError, match="exceed the projected admissions"):
        apply_proposal(BASELINE, too_many)


def test_alternative_provision_needs_a_workforce_note() -> None:
    with pytest.raises(ValueError, match="workforce_note"):
        AlternativeProvision(1_000, "   ")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: BedPool(-1, LengthOfStay.fixed(2.0), 10), "admissions_per_year"),
        (lambda: BedPool(100, LengthOfStay.fixed(2.0), 0), "beds"),
        (lambda: BedPool(100, LengthOfStay.fixed(2.0), 10, weekday_shares=(0.2,) * 7), "weekday_shares"),
        (lambda: BedPool(100, LengthOfStay.fixed(2.0), 10, month_shares=FLAT_MONTH_SHARES[:11]), "12 shares"),
        (lambda: LengthOfStay.lognormal(4.0, 0.0), "cv"),
        (lambda: LengthOfStay.exponential(0.0), "mean_days"),
        (lambda: LengthOfStay.empirical([]), "values_days"),
    ],
)
def test_invalid_inputs_are_refused_by_name(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


def test_csv_with_header_and_blank_lines() -> None:
    text = "\ufefflength_of_stay_days\r\n1\r\n2.5\r\n\r\n0\r\n 4 \r\n"
    assert parse_los_csv(text) == [1.0, 2.5, 0.0, 4.0]


def test_csv_without_header() -> None:
    assert parse_los_csv("3\n5\n") == [3.0, 5.0]


def test_csv_errors_name_every_bad_line() -> None:
    text = "days\n2\nabc\n-1\n3,4\n5\n"
    with pytest.raises(LosCsvError) as caught:
        parse_los_csv(text)
    errors = caught.value.errors
    assert errors == [
        "line 3: 'abc' is not a number of days",
        "line 4: '-1' is not a length of stay (must be zero or more days)",
        "line 5: expected one column (days), found 2",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "no lengths of stay"), ("days\n", "no lengths of stay"), ("0\n0\n", "every length of stay is zero")],
)
def test_csv_with_no_usable_stays(text: str, message: str) -> None:
    with pytest.raises(LosCsvError, match=message):
        parse_los_csv(text)


def test_csv_error_list_is_capped() -> None:
    with pytest.raises(LosCsvError) as caught:
        parse_los_csv("x\n" + "bad\n" * 50)
    assert len(caught.value.errors) == 21
    assert caught.value.errors[-1] == "... and 30 more"
