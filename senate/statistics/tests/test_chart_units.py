"""A chart's description, read out by a screen reader, says "1 piece of advice", not "1 pieces of advice"."""

import pytest

from senate.statistics.charts import bar_chart, unit_of
from senate.statistics.tables import Chart, Table


@pytest.mark.parametrize(
    ("unit", "value", "said"),
    [
        ("pieces of advice", 1, "piece of advice"),
        ("pieces of advice", 2, "pieces of advice"),
        ("open requests", 1, "open request"),
        ("opportunities", 1, "opportunity"),
        ("members up to date", 1, "member up to date"),
        ("days", 0, "days"),
        ("days", 1.5, "days"),
    ],
)
def test_a_unit_is_singular_only_for_exactly_one(unit, value, said):
    assert unit_of(unit, value) == said


def test_the_chart_description_says_one_piece_of_advice():
    table = Table(
        key="issued",
        title="Advice issued",
        headers=["Quarter", "Issued"],
        rows=[["Q1", 1], ["Q2", 3]],
        chart=Chart(unit="pieces of advice"),
    )
    described = str(bar_chart(table))
    assert "Q1: 1 piece of advice; Q2: 3 pieces of advice" in described
