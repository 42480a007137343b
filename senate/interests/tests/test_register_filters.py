"""Finding entries on the published register by name, body and type, and the dates it may be read on:
plain functions over plain entries, no database."""

import datetime as dt
from types import SimpleNamespace

from senate.interests.register import AdminEntry, Entry, date_error, filtered

D = dt.date


def _entry(member="Rowan Marker", role="Council: Member", kind="Financial interest"):
    return Entry(member, role, kind, "Acme Ltd", "Director", D(2025, 1, 1), None, D(2025, 2, 1))


ROWAN = _entry()
ALEX = _entry(member="Alex Pryce", role="Assembly: Member", kind="Gift")
BOTH = _entry(member="Sam Both", role="Council: Chair; Assembly: Member", kind="Hospitality")
ENTRIES = [ROWAN, ALEX, BOTH]


def test_nothing_chosen_shows_every_entry():
    assert filtered(ENTRIES) == ENTRIES


def test_a_name_finds_members_whatever_its_case_and_spaces():
    assert filtered(ENTRIES, name="  marker ") == [ROWAN]


def test_part_of_a_name_finds_every_member_with_it():
    assert filtered(ENTRIES, name="r") == [ROWAN, ALEX]


def test_a_name_nobody_has_finds_nothing():
    assert filtered(ENTRIES, name="Nobody") == []


def test_the_assembly_shows_only_members_who_sit_on_it():
    assert filtered(ENTRIES, body="assembly") == [ALEX, BOTH]


def test_a_member_of_both_bodies_is_found_under_the_council_too():
    assert filtered(ENTRIES, body="council") == [ROWAN, BOTH]


def test_a_body_that_does_not_exist_filters_nothing():
    assert filtered(ENTRIES, body="cabinet") == ENTRIES


def test_a_type_of_entry_shows_only_that_type():
    assert filtered(ENTRIES, type="gift") == [ALEX]


def test_a_category_of_interest_is_a_type_of_entry():
    assert filtered(ENTRIES, type="financial") == [ROWAN]


def test_an_unknown_type_of_entry_filters_nothing():
    assert filtered(ENTRIES, type="bribe") == ENTRIES


def test_name_body_and_type_are_combined():
    assert filtered(ENTRIES, name="sam", body="assembly", type="hospitality") == [BOTH]
    assert filtered(ENTRIES, name="sam", body="assembly", type="gift") == []


SENATE = SimpleNamespace(established=D(2024, 4, 1))
TODAY = D(2026, 12, 6)


def test_the_register_can_be_read_on_the_day_the_senate_was_established_and_today():
    assert date_error(SENATE, D(2024, 4, 1), TODAY) == ""
    assert date_error(SENATE, TODAY, TODAY) == ""


def test_a_day_before_the_senate_existed_is_refused_with_the_range():
    assert date_error(SENATE, D(2024, 3, 31), TODAY) == "Enter a date between 1 April 2024 and 6 December 2026"


def test_a_day_in_the_future_is_refused():
    assert date_error(SENATE, D(2026, 12, 7), TODAY).startswith("Enter a date between")


def test_a_senate_established_in_the_future_can_still_show_today():
    not_yet = SimpleNamespace(established=D(2027, 1, 1))
    assert date_error(not_yet, TODAY, TODAY) == ""


def test_an_entry_withheld_by_the_senate_is_not_published():
    assert not AdminEntry(1, ROWAN, withheld=True, grounds="Safety", may_publish=True).published


def test_an_entry_the_member_asked_not_to_publish_is_not_published():
    assert not AdminEntry(1, ROWAN, withheld=False, grounds="", may_publish=False).published


def test_an_entry_neither_withheld_nor_private_is_published():
    assert AdminEntry(1, ROWAN, withheld=False, grounds="", may_publish=True).published
