"""A bed-test scenario file whose baseline is the wrong shape is refused, each message naming the field."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from senate.analytics.bed_capacity.scenario import validate_scenario

EXAMPLE = json.loads((Path(__file__).resolve().parents[4] / "docs" / "beds" / "example-scenario.json").read_text())


def _problems(change: Callable[[dict[str, Any]], object]) -> list[str]:
    data = copy.deepcopy(EXAMPLE)
    change(data)
    return validate_scenario(data)


def _stay(**los: object) -> Callable[[dict[str, Any]], object]:
    return lambda d: d["baseline"].update(length_of_stay=los)


def test_the_example_scenario_is_sound() -> None:
    assert validate_scenario(copy.deepcopy(EXAMPLE)) == []


@pytest.mark.parametrize("data", [[], None, "scenario"])
def test_a_file_that_is_not_an_object_is_refused(data: object) -> None:
    assert validate_scenario(data)[0].startswith("scenario: must be a JSON object")


def test_a_stay_without_a_distribution_is_refused_listing_the_known_ones() -> None:
    assert _problems(lambda d: d["baseline"]["length_of_stay"].pop("distribution")) == [
        "baseline.length_of_stay.distribution: must be one of lognormal, exponential, fixed, empirical (missing)"
    ]


def test_a_lognormal_stay_without_its_cv_is_refused() -> None:
    assert _problems(_stay(distribution="lognormal", mean_days=5.0)) == [
        "baseline.length_of_stay.cv: missing (a number is required)"
    ]


def test_an_empirical_stay_with_a_negative_value_names_which_one() -> None:
    assert _problems(_stay(distribution="empirical", values_days=[1, -2])) == [
        "baseline.length_of_stay.values_days: value 2 is negative (-2); lengths of stay are zero or more days"
    ]


def test_an_empirical_stay_with_text_among_the_numbers_names_the_entry() -> None:
    assert _problems(_stay(distribution="empirical", values_days=[1, "x"])) == [
        "baseline.length_of_stay.values_days[1]: must be a number (got text 'x')"
    ]


def test_an_empirical_stay_of_only_zeros_is_refused() -> None:
    assert _problems(_stay(distribution="empirical", values_days=[0, 0])) == [
        "baseline.length_of_stay.values_days: every length of stay is zero; the mean must be more than zero"
    ]


def test_an_empirical_stay_with_no_values_is_refused() -> None:
    assert _problems(_stay(distribution="empirical", values_days=[])) == [
        "baseline.length_of_stay.values_days: must hold at least one length of stay"
    ]


def test_stays_written_as_one_piece_of_text_are_refused() -> None:
    assert _problems(_stay(distribution="empirical", values_days="1,2")) == [
        "baseline.length_of_stay.values_days: must be a list of numbers (got text '1,2')"
    ]


@pytest.mark.parametrize(("beds", "shown"), [(2.5, "2.5"), (True, "true/false")])
def test_beds_that_are_not_a_whole_number_are_refused(beds: object, shown: str) -> None:
    assert _problems(lambda d: d["baseline"].update(beds=beds)) == [
        f"baseline.beds: must be a whole number (got {shown})"
    ]


def test_a_blank_pool_name_is_refused() -> None:
    assert _problems(lambda d: d["baseline"].update(name="  ")) == ["baseline.name: must be non-empty text"]


def test_admissions_written_as_words_are_refused() -> None:
    assert _problems(lambda d: d["baseline"].update(admissions_per_year="many")) == [
        "baseline.admissions_per_year: must be a number (got text 'many')"
    ]


def test_a_baseline_that_is_a_list_is_refused() -> None:
    assert _problems(lambda d: d.update(baseline=[1])) == ["baseline: must be an object (got list)"]


def test_a_stay_left_empty_is_refused() -> None:
    assert _problems(lambda d: d["baseline"].update(length_of_stay=None)) == [
        "baseline.length_of_stay: must be an object (got null)"
    ]


def test_weekday_shares_for_too_few_days_are_refused() -> None:
    assert _problems(lambda d: d["baseline"].update(weekday_shares=[0.5, 0.5])) == [
        "baseline.weekday_shares: expected 7 shares, got 2"
    ]
