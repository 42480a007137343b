"""The annual report's sections: empty tables said in words, and advice issued listed by publication."""

import datetime as dt

from senate.statistics import annual
from senate.statistics.tables import Chart, Table


def test_an_empty_table_is_said_in_a_sentence_not_printed_empty():
    [block] = annual._blocks(Table("effort", "Effort by member", ["Member", "Hours"]))
    assert (block.kind, block.text) == ("p", "Effort by member: nothing to report this year.")


def test_a_table_with_a_chart_and_a_note_prints_all_three():
    t = Table(
        "effort", "Effort", ["Member", "Hours"], [["Priya", 7.5]], note="Panel days are estimates.", chart=Chart()
    )
    kinds = [b.kind for b in annual._blocks(t)]
    assert kinds == ["table", "figure", "note"]


def test_a_table_without_a_chart_prints_only_the_table():
    assert [b.kind for b in annual._blocks(Table("k", "T", ["A"], [["x"]]))] == ["table"]


def test_a_year_with_no_advice_issued_says_so(senate):
    [block] = annual._advice(senate, None, dt.date.today(), [])
    assert block.text == "No advice was issued this year."


def test_advice_not_published_is_listed_without_its_title(cast, senate):
    from types import SimpleNamespace

    from senate.reviews.tests.factories import RequestFactory

    request = RequestFactory(title="Confidential reconfiguration", kind="formal_review")
    issued = SimpleNamespace(ended=dt.date(2026, 9, 3))
    _count, listed = annual._advice(senate, None, dt.date.today(), [(request, issued)])
    [line] = listed.items
    assert line.endswith("issued 3 September 2026 (not published).")
    assert "Confidential reconfiguration" not in line and request.reference in line
    assert _count.text == "The Senate issued 1 piece of advice this year."
