"""How a case bundle prints its times, dates and people, and orders its rows."""

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from senate.bundles import making
from senate.bundles.contents import MODE_LABELS, Mode, Part, Setting, Table, Withheld, chronological, day, when, who
from senate.bundles.parts import evidence, terms


def test_times_are_printed_in_uk_time():
    summer = dt.datetime(2026, 7, 1, 13, 5, tzinfo=dt.UTC)
    assert when(summer) == "1 Jul 2026 14:05"
    assert when(dt.datetime(2026, 12, 1, 13, 5, tzinfo=dt.UTC)) == "1 Dec 2026 13:05"


def test_a_missing_time_date_or_person_prints_as_blank():
    assert (when(None), day(None), who(None)) == ("", "", "")


def test_a_date_is_printed_without_a_leading_zero():
    assert day(dt.date(2026, 5, 3)) == "3 May 2026"


def test_rows_are_put_oldest_first_whatever_mix_of_dates_and_times():
    rows = chronological(
        [
            (timezone.make_aware(dt.datetime(2026, 5, 3, 9, 0)), ["meeting"]),
            (dt.date(2026, 5, 2), ["letter"]),
            (None, ["undated"]),
            (dt.datetime(2026, 5, 4, 9, 0), ["naive time"]),
        ]
    )
    assert rows == [["undated"], ["letter"], ["meeting"], ["naive time"]]


def test_each_mode_says_what_the_bundle_holds():
    assert set(MODE_LABELS) == set(Mode)
    assert "withheld" in MODE_LABELS[Mode.DISCLOSURE]


def test_only_a_disclosure_bundle_is_gathered_for_disclosure():
    assert Setting(None, Mode.DISCLOSURE).disclosure and not Setting(None, Mode.FULL).disclosure


def test_a_part_keeps_its_tables_in_the_order_they_were_added():
    part = Part("p", "A part")
    part.table("first", "First", ["A"], [])
    part.table("second", "Second", ["A"], [])
    assert [t.name for t in part.tables] == ["first", "second"]


def test_a_cell_that_would_run_as_a_formula_is_quoted_in_the_csv():
    data = making.to_csv(Table("t", "T", ["Comment"], [["=HYPERLINK(1)"], ["-1"], ["plain"]]))
    assert data.decode("utf-8-sig").splitlines() == ["Comment", "'=HYPERLINK(1)", "'-1", "plain"]


def test_the_csv_has_a_byte_order_mark_for_excel():
    assert making.to_csv(Table("t", "T", ["A"], [])).startswith("\ufeff".encode())


def test_the_withheld_list_gathers_every_parts_withheld_material():
    first, second = Part("a", "A"), Part("b", "B")
    first.withheld.append(Withheld("Evidence E1 v1: Audit", "Official-sensitive", "Restricted confidentiality tier"))
    second.withheld.append(Withheld("Draft report v2", "Draft", "Not issued"))
    table = making._withheld_table([first, second])
    assert table.headers == ["What", "Classification", "Why withheld"]
    assert [r[0] for r in table.rows] == ["Evidence E1 v1: Audit", "Draft report v2"]


def test_an_uploaded_file_name_cannot_reach_outside_the_bundles_folder():
    assert evidence._safe("../../etc/passwd") == "passwd"
    assert evidence._safe("C:\\Users\\me\\Audit report (final).pdf") == "Audit_report__final_.pdf"
    assert evidence._safe("") == "file"


def test_a_very_long_file_name_is_cut_to_120_characters():
    assert len(evidence._safe("a" * 300 + ".pdf")) == 120


def test_the_terms_method_lists_the_ways_used_and_the_notes():
    t = SimpleNamespace(desktop_review=True, site_visits=False, interviews=True, panel_day=False, method_notes="")
    assert terms._method(t) == "desktop review, interviews"
    t.method_notes = "Two visits in March"
    assert terms._method(t) == "desktop review, interviews. Two visits in March"
