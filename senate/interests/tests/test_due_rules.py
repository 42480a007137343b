"""The wording and the dates of what a member owes, as plain values: the annual cycle, the counts on
the front page, and why a member may not sit on a panel."""

import datetime as dt

from senate.interests.due import DueRow, Obligation, Status, annual_cycle, counts, refusal_for

D = dt.date
LAST_DECLARED = D(2025, 6, 1)


def _row(status, *obligations, last=LAST_DECLARED):
    return DueRow("Rowan Marker", [], last, list(obligations), status)


def test_before_the_annual_month_the_cycle_is_last_years():
    assert annual_cycle(D(2026, 3, 31), 4) == (D(2025, 4, 1), D(2025, 4, 30))


def test_from_the_first_of_the_annual_month_the_cycle_is_this_years():
    assert annual_cycle(D(2026, 4, 1), 4) == (D(2026, 4, 1), D(2026, 4, 30))


def test_an_annual_declaration_in_february_of_a_leap_year_is_due_on_the_29th():
    assert annual_cycle(D(2028, 2, 10), 2) == (D(2028, 2, 1), D(2028, 2, 29))


def test_an_annual_declaration_in_december_is_due_on_new_years_eve():
    assert annual_cycle(D(2026, 12, 6), 12)[1] == D(2026, 12, 31)


def test_a_row_is_due_on_its_earliest_obligation():
    row = _row(Status.DUE, Obligation("Annual", D(2026, 4, 30), "a"), Obligation("Role", D(2026, 4, 2), "r"))
    assert row.due_on == D(2026, 4, 2)


def test_a_row_that_owes_nothing_has_no_due_date():
    assert _row(Status.UP_TO_DATE).due_on is None


def test_the_counts_name_every_status_even_when_nobody_stands_at_it():
    assert counts([]) == {"never": 0, "overdue": 0, "due": 0, "up_to_date": 0}


def test_the_counts_add_up_members_at_each_status():
    rows = [_row(Status.OVERDUE), _row(Status.OVERDUE), _row(Status.NEVER, last=None)]
    assert counts(rows) == {"never": 1, "overdue": 2, "due": 0, "up_to_date": 0}


def test_a_member_who_never_declared_is_told_so():
    assert refusal_for(_row(Status.NEVER, last=None), today=D(2026, 5, 1)) == (
        "Rowan Marker has never declared their interests"
    )


def test_an_overdue_member_is_told_the_earliest_thing_that_was_late_and_when():
    row = _row(
        Status.OVERDUE,
        Obligation("Annual declaration for 2026", D(2026, 4, 30), "annual-2026"),
        Obligation("Change of role: Chair from 1 March 2026", D(2026, 3, 29), "role"),
    )
    assert refusal_for(row, today=D(2026, 5, 1)) == (
        "Rowan Marker's declaration of interests is overdue: "
        "Change of role: Chair from 1 March 2026 was due on 29 March 2026"
    )


def test_something_not_yet_due_is_not_named_as_late():
    row = _row(
        Status.OVERDUE,
        Obligation("Annual declaration for 2026", D(2026, 4, 30), "annual-2026"),
        Obligation("On appointment to the Council on 20 April 2026", D(2026, 5, 18), "m"),
    )
    assert "Annual declaration for 2026 was due on 30 April 2026" in refusal_for(row, today=D(2026, 5, 1))


def test_a_member_who_is_due_but_not_late_may_sit():
    row = _row(Status.DUE, Obligation("Annual declaration for 2026", D(2026, 4, 30), "annual-2026"))
    assert refusal_for(row, today=D(2026, 4, 10)) == ""


def test_an_up_to_date_member_may_sit():
    assert refusal_for(_row(Status.UP_TO_DATE), today=D(2026, 4, 10)) == ""
