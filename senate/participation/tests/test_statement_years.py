"""Appraisal years, the years a member's record offers, and signing off a statement once."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.members.models import MemberProfile, Membership
from senate.participation import formats, record, statements

YEAR = dt.date(2025, 4, 1)
AFTER = dt.date(2026, 5, 1)


@pytest.fixture
def priya(cast):
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_start = dt.date(2024, 1, 6)
    m.save()
    return MemberProfile.objects.get(user=cast["council"])


def test_an_appraisal_year_starts_on_the_first_of_april():
    assert record.appraisal_year(dt.date(2026, 3, 31)) == dt.date(2025, 4, 1)
    assert record.appraisal_year(dt.date(2026, 4, 1)) == dt.date(2026, 4, 1)
    assert record.year_end(dt.date(2026, 4, 1)) == dt.date(2027, 3, 31)


def test_the_record_offers_each_year_of_membership_newest_first(senate, priya):
    years = record.years_of(priya, senate, today=dt.date(2026, 6, 1))
    assert years == [dt.date(2026, 4, 1), dt.date(2025, 4, 1), dt.date(2024, 4, 1), dt.date(2023, 4, 1)]


def test_someone_never_a_member_here_has_no_years(cast, other_senate, priya):
    assert record.years_of(priya, other_senate, today=dt.date(2026, 6, 1)) == []


def test_the_record_names_each_membership_with_its_term(senate, priya):
    [line] = record.record_of(priya, senate, YEAR).memberships
    assert line.startswith("Council, ") and "term 1, 6 January 2024 to" in line


def test_a_statement_for_a_year_not_starting_in_april_is_refused(cast, senate, priya):
    with pytest.raises(statements.SignOffRefused, match="starts on 1 April"):
        statements.sign_off(
            profile=priya, senate=senate, year_from=dt.date(2025, 1, 1), by=cast["manager"], today=AFTER
        )


def test_a_statement_is_signed_off_once(cast, senate, priya):
    statements.sign_off(profile=priya, senate=senate, year_from=YEAR, by=cast["manager"], today=AFTER)
    with pytest.raises(statements.SignOffRefused, match="already been signed off"):
        statements.sign_off(profile=priya, senate=senate, year_from=YEAR, by=cast["chair"], today=AFTER)
    event = AuditEvent.objects.get(action="participation.statement_signed_off")
    assert event.summary == "Priya Council: statement of participation for 2025/26 signed off"


def test_a_statement_may_be_signed_off_the_day_after_the_year_ends(cast, senate, priya):
    signed = statements.sign_off(
        profile=priya, senate=senate, year_from=YEAR, by=cast["manager"], today=dt.date(2026, 4, 1)
    )
    assert signed.record["year_to"] == "31 March 2026"


def test_setting_the_same_formats_again_records_nothing(cast, senate, priya):
    formats.set_formats(profile=priya, senate=senate, formats=["large_print"], by=cast["council"])
    formats.set_formats(profile=priya, senate=senate, formats=["large_print"], by=cast["council"])
    assert AuditEvent.objects.filter(action="participation.formats_set").count() == 1


def test_a_changed_format_is_recorded_before_and_after(cast, senate, priya):
    formats.set_formats(profile=priya, senate=senate, formats=["large_print"], by=cast["council"])
    formats.set_formats(profile=priya, senate=senate, formats=["easy_read"], by=cast["council"])
    latest = AuditEvent.objects.filter(action="participation.formats_set").latest("id")
    assert latest.data["changed"] == {"formats": ["Large print", "Easy read"]}


def test_formats_needed_in_another_senate_are_not_flagged_here(cast, senate, other_senate, priya):
    formats.set_formats(profile=priya, senate=other_senate, formats=["large_print"], by=cast["council"])
    assert formats.needs_of(senate, [priya.pk]) == {}
