"""What the audit trail keeps of an act and how the history pages read it back: who acted, the
summary, the data as stored, changes in words, and finding a Senate's events."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from senate.accounts.tests.factories import UserFactory
from senate.core import audit
from senate.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_an_act_by_someone_not_signed_in_is_recorded_as_automatic(senate):
    event = audit.record("request.received", senate, by=AnonymousUser(), senate=senate)
    assert event.actor is None and audit.describe(event).who == "Senate (automatic)"


def test_an_act_by_a_person_names_them(senate):
    person = UserFactory(full_name="Dana Reviewer")
    event = audit.record("request.accept", senate, by=person, senate=senate)
    assert audit.describe(event).who == "Dana Reviewer"


def test_an_act_without_a_summary_is_summarised_by_what_it_was_done_to(senate):
    assert audit.record("senate.changed", senate, senate=senate).summary == str(senate)


def test_a_long_summary_is_cut_to_300_characters(senate):
    assert len(audit.record("senate.changed", senate, summary="x" * 500).summary) == 300


def test_the_history_of_a_record_lists_only_its_own_events(senate, other_senate):
    audit.record("senate.changed", senate, senate=senate)
    audit.record("senate.changed", other_senate, senate=other_senate)
    assert [e.object_id for e in audit.history(senate)] == [str(senate.pk)]


def test_data_is_kept_as_the_database_gives_it_back():
    assert audit.plain({1: ("a", 2.5), "n": None}) == {"1": ["a", 2.5], "n": None}


def test_a_huge_number_is_kept_as_a_whole_number_and_minus_zero_as_zero():
    assert audit.plain({"big": 1e16, "zero": -0.0}) == {"big": 10**16, "zero": 0.0}


def test_a_time_without_a_zone_is_read_as_utc():
    assert audit.utc_iso(dt.datetime(2026, 4, 1, 9, 30)) == "2026-04-01T09:30:00.000000+00:00"


def test_a_british_summer_time_is_written_in_utc():
    london = dt.timezone(dt.timedelta(hours=1))
    assert audit.utc_iso(dt.datetime(2026, 7, 1, 10, 0, tzinfo=london)) == "2026-07-01T09:00:00.000000+00:00"
    assert audit.utc_iso("2026-07-01T10:00:00+01:00") == "2026-07-01T09:00:00.000000+00:00"


def test_the_hash_does_not_depend_on_the_order_of_keys():
    assert audit.event_hash({"a": 1, "b": "é"}) == audit.event_hash({"b": "é", "a": 1})
    assert audit.canonical({"b": "é", "a": 1}) == '{"a":1,"b":"é"}'.encode()


def test_a_change_that_is_not_a_before_and_after_pair_is_not_shown(senate):
    event = audit.record("review.edited", senate, data={"changed": {"title": ["Old", "New"], "stage": "Accepted"}})
    assert audit.changes(event) == [("title", "Old", "New")]


def test_an_event_with_no_changes_recorded_shows_none(senate):
    assert audit.changes(audit.record("review.viewed", senate, data={"changed": "everything"})) == []


@pytest.mark.parametrize(
    "action,words",
    [
        ("panels.loan_approved", "Panel: loan approved"),
        ("api_token.revoked", "API token: revoked"),
        ("new_area.made", "New area: made"),
        ("signed_in", "Signed_in"),
    ],
)
def test_an_action_is_described_by_its_area_and_verb(action, words):
    assert audit.describe_action(action) == words


def test_searching_finds_a_persons_acts_by_part_of_their_name_or_email(senate):
    dana = UserFactory(full_name="Dana Reviewer", email="dana@nhs.example")
    audit.record("review.edited", senate, by=dana, senate=senate)
    audit.record("review.edited", senate, by=UserFactory(full_name="Eli Other"), senate=senate)
    assert [e.actor for e in audit.search(senate, person=" reviewer ")] == [dana]
    assert [e.actor for e in audit.search(senate, person="DANA@")] == [dana]


def test_searching_by_act_and_record_narrows_the_events(senate):
    audit.record("review.edited", senate, senate=senate)
    audit.record("panels.loan_approved", senate, senate=senate)
    assert [e.action for e in audit.search(senate, act="loan")] == ["panels.loan_approved"]
    assert audit.search(senate, object_type=" Organisations.Senate ", object_id=str(senate.pk)).count() == 2


def test_searching_by_days_includes_both_the_first_and_the_last_day(senate):
    event = audit.record("review.edited", senate, senate=senate)
    today = timezone.localdate(event.at)
    assert list(audit.search(senate, since=today, until=today)) == [event]
    assert not audit.search(senate, until=today - dt.timedelta(days=1)).exists()
    assert not audit.search(senate, since=today + dt.timedelta(days=1)).exists()


def test_a_senates_search_never_shows_another_senates_events(senate, other_senate):
    audit.record("review.edited", other_senate, senate=other_senate)
    assert not audit.search(senate).exists()
    assert AuditEvent.objects.count() == 1
