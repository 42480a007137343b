"""The year a dashboard covers: an NHS financial year, April to March, with its quarters."""

import datetime as dt

from senate.statistics.period import QUARTERS, Year, year_of


def test_january_to_march_belong_to_the_year_that_began_the_april_before():
    assert year_of(dt.date(2027, 3, 31)) == Year(2026)
    assert year_of(dt.date(2027, 4, 1)) == Year(2027)


def test_a_year_is_named_as_an_annual_report_names_it():
    assert Year(2026).label == "2026/27"
    assert Year(2026).long_label == "2026/27 (1 April 2026 to 31 March 2027)"
    assert Year(1999).label == "1999/00"


def test_the_quarters_run_april_to_june_first_and_january_to_march_last():
    year = Year(2026)
    assert [year.quarter(dt.date(2026, m, 15)) for m in (4, 6, 7, 9, 10, 12)] == [1, 1, 2, 2, 3, 3]
    assert [year.quarter(dt.date(2027, m, 15)) for m in (1, 3)] == [4, 4]
    assert len(QUARTERS) == 4 and QUARTERS[0] == "April to June"


def test_the_quarters_cover_the_year_without_gap_or_overlap():
    quarters = Year(2027).quarters()  # 2028 is a leap year: February has 29 days
    assert quarters[0][0] == dt.date(2027, 4, 1) and quarters[-1][1] == dt.date(2028, 3, 31)
    for (_start, end), (next_start, _end) in zip(quarters, quarters[1:], strict=False):
        assert next_start - end == dt.timedelta(days=1)


def test_the_year_contains_its_first_and_last_day_only():
    year = Year(2026)
    assert year.contains(dt.date(2026, 4, 1)) and year.contains(dt.date(2027, 3, 31))
    assert not year.contains(dt.date(2026, 3, 31)) and not year.contains(dt.date(2027, 4, 1))


def test_the_years_bounds_end_at_the_first_moment_of_the_next_year():
    start, after = Year(2026).bounds()
    assert (start.date(), after.date()) == (dt.date(2026, 4, 1), dt.date(2027, 4, 1))
    assert start.tzinfo is not None and after.time() == dt.time.min
