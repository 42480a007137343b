"""The number and shares boxes of the bed model pages, and where each problem the scenario validator
finds is shown: next to its box, or at the top of the page in plain words."""

import pytest
from django import forms

from senate.beds.fields import NumberField, SharesField, field_for, is_flat, show_problems

FLAT = (0.5, 0.5)


def _number(whole=False):
    return NumberField(label="Admissions per year", whole=whole)


def _shares():
    return SharesField(2, flat=FLAT, label="Weekday shares")


def _refusal(field, value):
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(value)
    return refused.value.messages[0]


def test_a_whole_number_typed_with_thousands_commas_is_read():
    assert _number(whole=True).clean(" 12,500 ") == 12500


def test_a_number_with_a_fraction_stays_a_fraction():
    assert _number().clean("4.5") == 4.5


def test_a_whole_number_typed_as_a_decimal_is_read_as_whole():
    assert isinstance(_number().clean("560.0"), int)


def test_a_blank_number_box_asks_for_its_value_by_name():
    assert _refusal(_number(), "  ") == "Enter admissions per year"


def test_text_in_a_whole_number_box_gives_a_whole_example():
    assert _refusal(_number(whole=True), "lots") == "Admissions per year must be a number, like 560"


def test_text_in_a_decimal_box_gives_a_decimal_example():
    assert _refusal(_number(), "about four") == "Admissions per year must be a number, like 4.5"


@pytest.mark.parametrize("value", ["inf", "nan", "-Infinity"])
def test_infinity_and_not_a_number_are_refused(value):
    assert _refusal(_number(), value).endswith("must be a number, like 4.5")


def test_a_whole_number_box_asks_for_the_numeric_keyboard_and_a_decimal_one_for_the_decimal():
    assert _number(whole=True).widget.attrs["inputmode"] == "numeric"
    assert _number().widget.attrs["inputmode"] == "decimal"


def test_blank_shares_mean_the_flat_pattern():
    assert _shares().clean("") == [0.5, 0.5]


def test_shares_may_be_separated_by_commas_spaces_or_semicolons():
    assert _shares().clean("0.25; 0.75") == [0.25, 0.75]
    assert _shares().clean("0.25 0.75") == [0.25, 0.75]


def test_a_share_that_is_not_a_number_is_named():
    assert _refusal(_shares(), "0.4, forty") == "Weekday shares: 'forty' is not a number"


def test_flat_shares_show_as_a_blank_box_and_others_as_a_list():
    assert _shares().prepare_value([0.5, 0.5]) == ""
    assert _shares().prepare_value([0.25, 0.75]) == "0.25, 0.75"


def test_shares_of_another_length_are_not_the_flat_pattern():
    assert not is_flat([0.5, 0.5, 0.0], FLAT)
    assert is_flat([0.5, 0.5 + 1e-12], FLAT)


def test_a_treatment_row_problem_is_shown_at_that_rows_boxes():
    assert field_for("proposal.new_treatments[0].category") == "treatment_1_category"
    assert field_for("proposal.new_treatments[2].admissions_reduced_per_year") == "treatment_3_reduced"


def test_a_range_problem_is_shown_at_its_low_or_high_box():
    assert field_for("uncertainty.ranges.demographic_growth.annual_rate.high") == "growth_rate_high"
    assert field_for("uncertainty.ranges.los_reduction.gap_share_closed") == "los_gap_share_low"


def test_a_field_the_pages_do_not_show_has_no_box():
    assert field_for("pools[1].beds") is None


class _Baseline(forms.Form):
    beds = NumberField(label="Beds", whole=True)
    name = forms.CharField(label="Name of the ward", required=False)


def _shown(problems, only=""):
    form = _Baseline({"beds": "20"})
    form.is_valid()
    show_problems(form, problems, only=only)
    return form.errors


def test_a_problem_is_shown_next_to_its_box_with_its_label():
    assert _shown(["baseline.beds: must be at least 1"]) == {"beds": ["Beds: must be at least 1"]}


def test_a_missing_value_asks_for_it_by_its_label():
    assert _shown(["baseline.name: missing"]) == {"name": ["Enter name of the ward"]}


def test_only_the_first_problem_of_a_box_is_shown():
    assert _shown(["baseline.beds: too many", "baseline.beds: not whole"])["beds"] == ["Beds: too many"]


def test_a_baseline_problem_on_another_page_says_where_to_change_it():
    errors = _shown(["baseline.target_occupancy: must be below 1"])
    assert errors["__all__"] == ["Baseline (target_occupancy): must be below 1. Change it on the baseline page."]


def test_a_problem_with_the_proposal_as_a_whole_reads_as_the_proposal():
    assert _shown(["proposal: reductions exceed demand"])["__all__"] == ["The proposal: reductions exceed demand"]


def test_problems_of_another_part_are_left_out_when_one_part_is_asked_for():
    assert _shown(["proposal.proposed_beds: must be at least 1"], only="baseline.") == {}
