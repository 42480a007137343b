"""The dashboard's charts and downloads drawn from a table: what a reader, a screen reader and a
spreadsheet get."""

import csv
import io

from openpyxl import load_workbook

from senate.statistics import charts, exports
from senate.statistics.tables import Chart, Table


def _table(rows, chart=None, **kw):
    return Table(key="turnaround", title="Days to advice", headers=["Senate", "Days"], rows=rows, chart=chart, **kw)


def test_a_table_without_a_chart_draws_nothing():
    assert charts.bar_chart(_table([["South West", 40]])) == ""


def test_a_chart_with_no_rows_draws_nothing():
    assert charts.bar_chart(_table([], Chart(unit="days"))) == ""


def test_the_chart_describes_every_bar_in_words_for_screen_readers():
    svg = charts.bar_chart(_table([["South West", 40], ["London", 12.5]], Chart(unit="days")))
    assert '<desc id="chart-turnaround-desc">South West: 40 days; London: 12.5 days</desc>' in svg
    assert '<title id="chart-turnaround-title">Days to advice</title>' in svg
    assert 'role="img"' in svg


def test_a_label_with_markup_is_shown_as_text_not_run():
    svg = charts.bar_chart(_table([["<script>alert(1)</script>", 3]], Chart()))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_a_long_label_is_shortened_on_the_chart_but_whole_in_the_description():
    name = "Cornwall and the Isles of Scilly Integrated Care Board"
    svg = charts.bar_chart(_table([[name, 5]], Chart()))
    assert f">{name[:37]}…</text>" in svg
    assert f"{name}: 5" in svg


def test_the_longest_bar_fills_the_plot_and_a_shorter_one_is_in_proportion():
    svg = charts.bar_chart(_table([["A", 10], ["B", 5]], Chart()))
    assert f'width="{charts.PLOT_WIDTH:.1f}"' in svg and f'width="{charts.PLOT_WIDTH / 2:.1f}"' in svg


def test_a_service_level_line_is_drawn_and_labelled():
    svg = charts.bar_chart(_table([["A", 10]], Chart(marker=20, marker_label="Service level: 20 days")))
    assert 'stroke-dasharray="6 4"' in svg and "Service level: 20 days" in svg
    # The marker is the longest thing, so the bar is half the plot.
    assert f'width="{charts.PLOT_WIDTH / 2:.1f}"' in svg


def test_all_zero_values_draw_without_dividing_by_zero():
    svg = charts.bar_chart(_table([["A", 0]], Chart()))
    assert 'width="0.0"' in svg


def test_the_page_shows_fractions_to_one_decimal_place():
    assert _table([["South West", 12.345, 3]]).text_rows() == [["South West", "12.3", "3"]]


def test_a_chart_may_take_its_labels_and_values_from_other_columns():
    table = _table([[1, "South West", 7]], Chart(label_column=1, value_column=2))
    assert table.chart_points() == [("South West", 7.0)]


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_names():
    data = exports.to_csv(_table([["Gwasanaeth Iechyd – Cymru", 4]]))
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["Senate", "Days"], ["Gwasanaeth Iechyd – Cymru", "4"]]


def test_the_workbook_has_the_title_headers_rows_and_note():
    data = exports.to_xlsx(_table([["South West", 40]], note="Clock stops are taken off."))
    sheet = load_workbook(io.BytesIO(data)).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert values == [["Days to advice"], ["Senate", "Days"], ["South West", 40], [], ["Clock stops are taken off."]]
    assert sheet.title == "turnaround"


def test_a_workbook_sheet_name_is_cut_to_excels_limit():
    table = Table(key="k" * 40, title="T", headers=["A"], rows=[])
    assert load_workbook(io.BytesIO(exports.to_xlsx(table))).active.title == "k" * 31


def test_a_csv_gives_a_proportion_as_the_page_shows_it():
    data = exports.to_csv(_table([["South West", 100 / 3]])).decode()
    assert "South West,33.3" in data and "33.33" not in data


def test_a_workbook_shows_a_proportion_to_one_place_and_keeps_its_value():
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(_table([["South West", 100 / 3]])))).active
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, float))
    assert cell.number_format == "0.0" and abs(cell.value - 100 / 3) < 1e-9
