"""The forward plan's timeline: where each bar and mark falls, and what the table beside it says."""

import datetime as dt
from types import SimpleNamespace

from senate.programme import timeline

YEAR = 2026


def _item(title="Stroke services", start=None, panel=None, due=None, meeting=None):
    return SimpleNamespace(
        title=title,
        expected_start=start,
        expected_panel=panel,
        advice_due=due,
        council_meeting_id=1 if meeting else None,
        council_meeting=SimpleNamespace(date=meeting),
    )


def test_the_months_run_from_april_to_march():
    drawn = timeline.build([], YEAR, dt.date(YEAR, 5, 1))
    assert [label for _x, label in drawn.months] == [
        "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"
    ]  # fmt: skip


def test_an_empty_plan_still_draws_one_rows_height():
    drawn = timeline.build([], YEAR, dt.date(YEAR, 5, 1))
    assert drawn.rows == [] and drawn.height == timeline.TOP + timeline.ROW + 10


def test_an_item_without_start_or_due_date_has_no_bar_and_says_not_set():
    [row] = timeline.build([_item()], YEAR, dt.date(YEAR, 5, 1)).rows
    assert row.bar is None and row.marks == []
    assert row.summary == "Stroke services: start not set, panel not set, Council not set, advice due not set"


def test_a_bar_runs_from_the_expected_start_to_the_advice_due():
    [row] = timeline.build([_item(start=dt.date(YEAR, 4, 1), due=dt.date(YEAR, 10, 1))], YEAR, dt.date(YEAR, 5, 1)).rows
    left, right = row.bar
    assert left == timeline.LABEL_WIDTH
    assert timeline.LABEL_WIDTH < right < timeline.LABEL_WIDTH + timeline.CHART_WIDTH


def test_dates_outside_the_plan_year_are_drawn_at_its_edges():
    item = _item(start=dt.date(YEAR - 1, 12, 1), due=dt.date(YEAR + 2, 1, 1))
    [row] = timeline.build([item], YEAR, dt.date(YEAR, 5, 1)).rows
    assert row.bar[0] == timeline.LABEL_WIDTH
    assert row.bar[1] <= timeline.LABEL_WIDTH + timeline.CHART_WIDTH
    assert row.summary.startswith(f"Stroke services: start 1 Dec {YEAR - 1}")


def test_the_panel_is_a_circle_and_the_council_meeting_a_diamond():
    item = _item(panel=dt.date(YEAR, 6, 1), meeting=dt.date(YEAR, 9, 1))
    [row] = timeline.build([item], YEAR, dt.date(YEAR, 5, 1)).rows
    assert [(shape, what) for shape, _x, what in row.marks] == [("circle", "panel"), ("diamond", "Council")]
    assert f"Council 1 Sep {YEAR}" in row.summary


def test_a_long_title_is_shortened_with_an_ellipsis_but_the_summary_keeps_it_whole():
    title = "A review of urgent and emergency care pathways across three counties"
    [row] = timeline.build([_item(title=title)], YEAR, dt.date(YEAR, 5, 1)).rows
    assert len(row.label) == 38 and row.label.endswith("…")
    assert row.summary.startswith(title)


def test_today_is_marked_only_inside_the_plan_year():
    assert timeline.build([], YEAR, dt.date(YEAR, 5, 1)).today is not None
    assert timeline.build([], YEAR, dt.date(YEAR, 3, 31)).today is None
    assert timeline.build([], YEAR, dt.date(YEAR + 1, 4, 1)).today is None


def test_each_item_has_its_own_row_below_the_last():
    drawn = timeline.build([_item("One"), _item("Two")], YEAR, dt.date(YEAR, 5, 1))
    assert [r.y for r in drawn.rows] == [timeline.TOP, timeline.TOP + timeline.ROW]
