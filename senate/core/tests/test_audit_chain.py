"""The audit trail is a hash chain per Senate that the database will not let anyone change, and
`senate audit verify` finds the first broken or missing link when someone does anyway."""

import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import ProtectedError

from senate.accounts.tests.factories import UserFactory
from senate.core import audit
from senate.core.models import AuditChainHead, AuditEvent

pytestmark = pytest.mark.django_db


def _events(senate, n, *, by=None):
    return [audit.record("test.done", senate, by=by, senate=senate, summary=f"Act {i + 1}") for i in range(n)]


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def tampering():
    """Lift the triggers inside the test's transaction (rolled back with it), as someone with the
    database's owner rights could."""
    audit.lift_append_only(connection)
    yield


def _only_break(checks):
    (found,) = audit.breaks(checks)
    return found


def test_each_senate_has_its_own_chain_and_events_of_no_senate_another(senate, other_senate, cast):
    here = _events(senate, 3, by=cast["manager"])
    there = _events(other_senate, 1)
    platform = audit.record("test.done", cast["council"], by=cast["council"])
    assert [e.sequence for e in here] == [1, 2, 3] and there[0].sequence == 1 and platform.sequence == 1
    assert {here[0].chain, there[0].chain, platform.chain} == {
        f"senate:{senate.pk}",
        f"senate:{other_senate.pk}",
        "platform",
    }
    assert here[0].previous_hash == "" and [e.previous_hash for e in here[1:]] == [e.hash for e in here[:-1]]
    assert AuditChainHead.objects.get(chain=here[0].chain).hash == here[-1].hash


def test_a_stored_event_hashes_to_its_hash_after_the_database_round_trip(senate, cast):
    data = {"z": [1, 2.5, None, True], "a": {"é": "naïve → ✓"}, "big": 1e20, "small": 1e-7, "zero": -0.0, 3: "key"}
    event = audit.record("test.done", senate, by=cast["manager"], senate=senate, data=data)
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.data == event.data and stored.data["3"] == "key" and stored.data["big"] == 10**20
    assert audit.event_hash(audit._content(stored)) == stored.hash == event.hash
    assert audit.breaks(audit.verify_chains()) == []


def test_verify_counts_every_event_of_every_chain(senate, other_senate, cast):
    _events(senate, 5, by=cast["manager"])
    _events(other_senate, 2)
    checks = {c.chain: c for c in audit.verify_chains(chunk_size=2)}
    assert checks[f"senate:{senate.pk}"].checked == 5 and checks[f"senate:{other_senate.pk}"].checked == 2
    assert audit.breaks(checks.values()) == []


def test_the_database_refuses_to_update_or_delete_an_audit_event(senate, cast):
    event = audit.record("test.done", senate, by=cast["manager"], senate=senate, summary="As it happened")
    attempts = [
        ("UPDATE core_auditevent SET summary = 'Rewritten' WHERE id = %s", [event.pk]),
        ("DELETE FROM core_auditevent WHERE id = %s", [event.pk]),
    ]
    for statement, params in attempts:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            _sql(statement, params)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(summary="Rewritten")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).summary == "As it happened"


def test_the_triggers_are_in_place_after_every_migration():
    """On SQLite a migration that rebuilds the audit table drops its triggers: such a migration
    must install them again (`audit.install_append_only`)."""
    assert audit.append_only_in_place(connection)


def test_someone_with_audit_history_cannot_be_deleted(senate, cast):
    event = audit.record("test.done", senate, by=cast["manager"], senate=senate)
    for record in (cast["manager"], senate):
        with pytest.raises(ProtectedError) as refused:
            record.delete()
        assert event in refused.value.protected_objects
    UserFactory().delete()  # someone who never acted may still be removed


def test_verify_finds_a_changed_event_by_its_sequence_number(senate, cast, tampering):
    events = _events(senate, 4, by=cast["manager"])
    _sql("UPDATE core_auditevent SET summary = 'Something else' WHERE id = %s", [events[2].pk])
    found = _only_break(audit.verify_chains())
    assert (found.chain, found.sequence, found.event_id) == (events[2].chain, 3, events[2].pk)
    assert "changed" in found.problem


def test_verify_finds_a_changed_event_whose_hash_was_recomputed_at_the_next_link(senate, cast, tampering):
    events = _events(senate, 4, by=cast["manager"])
    forged = AuditEvent.objects.get(pk=events[1].pk)
    forged.summary = "Something else"
    _sql(
        "UPDATE core_auditevent SET summary = %s, hash = %s WHERE id = %s",
        [forged.summary, audit.event_hash(audit._content(forged)), forged.pk],
    )
    found = _only_break(audit.verify_chains())
    assert found.sequence == 3 and "does not follow event 2" in found.problem


def test_verify_finds_a_deleted_event_as_a_gap(senate, cast, tampering):
    events = _events(senate, 5, by=cast["manager"])
    _sql("DELETE FROM core_auditevent WHERE id = %s", [events[1].pk])
    found = _only_break(audit.verify_chains())
    assert found.sequence == 2 and "event 2 is missing" in found.problem


def test_verify_finds_the_newest_events_deleted(senate, cast, tampering):
    events = _events(senate, 5, by=cast["manager"])
    _sql("DELETE FROM core_auditevent WHERE id IN (%s, %s)", [events[3].pk, events[4].pk])
    check = next(c for c in audit.verify_chains() if c.chain == events[0].chain)
    assert check.checked == 3 and check.broken.sequence == 4
    assert "events 4 to 5 are missing from the end" in check.broken.problem


def test_verify_finds_a_head_that_names_another_event(senate, cast):
    events = _events(senate, 3, by=cast["manager"])
    AuditChainHead.objects.filter(chain=events[0].chain).update(hash="f" * 64)
    found = _only_break(audit.verify_chains())
    assert found.sequence == 3 and "not the event the chain's head recorded" in found.problem


def test_verify_finds_two_events_swapped(senate, cast, tampering):
    events = _events(senate, 4, by=cast["manager"])
    second, third = events[1].pk, events[2].pk
    _sql("UPDATE core_auditevent SET sequence = 1000 WHERE id = %s", [second])
    _sql("UPDATE core_auditevent SET sequence = 2 WHERE id = %s", [third])
    _sql("UPDATE core_auditevent SET sequence = 3 WHERE id = %s", [second])
    found = _only_break(audit.verify_chains())
    assert (found.sequence, found.event_id) == (2, third)


def test_verify_finds_a_forged_event_added_to_the_end(senate, cast):
    last = _events(senate, 2, by=cast["manager"])[-1]
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                chain=last.chain,
                sequence=3,
                previous_hash=last.hash,
                hash="0" * 64,
                action="test.forged",
                object_type=last.object_type,
                object_id=last.object_id,
                senate=senate,
                summary="Never happened",
            )
        ]
    )
    found = _only_break(audit.verify_chains())
    assert found.sequence == 3 and "changed" in found.problem


def test_the_verify_command_reports_each_chain_and_exits_1_on_a_break(senate, other_senate, cast):
    events = _events(senate, 3, by=cast["manager"])
    _events(other_senate, 2)
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert "South West Clinical Senate" in out.getvalue() and "3 events checked, intact" in out.getvalue()
    audit.lift_append_only(connection)
    _sql("DELETE FROM core_auditevent WHERE id = %s", [events[0].pk])
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify", stdout=out)
    assert refused.value.returncode == 1
    assert "2 events checked, BROKEN at event 1" in out.getvalue() and "2 events checked, intact" in out.getvalue()


def test_the_verify_command_fails_when_the_triggers_are_missing(senate, tampering):
    audit.record("test.done", senate, senate=senate)
    with pytest.raises(CommandError, match="triggers .* are missing"):
        call_command("audit", "verify", stdout=io.StringIO())


def test_the_migration_chains_existing_events_as_record_does(senate, other_senate, cast, tampering):
    made = _events(senate, 3, by=cast["manager"]) + _events(other_senate, 2) + [audit.record("test.done", senate)]
    # As before migration 0004: no chain, and no heads.
    _sql("UPDATE core_auditevent SET chain = '', sequence = id, previous_hash = '', hash = ''")
    AuditChainHead.objects.all().delete()
    assert audit.rechain(AuditEvent, AuditChainHead, batch_size=2) == 6
    assert {e.pk: e.hash for e in AuditEvent.objects.all()} == {e.pk: e.hash for e in made}
    assert audit.breaks(audit.verify_chains()) == []


def test_changes_and_actions_are_described_in_words(senate):
    event = audit.record("request.accept", senate, data={"changed": {"stage": ["Received", "Accepted"]}})
    described = audit.describe(event)
    assert described.what == "Request: accept" and described.changes == [("stage", "Received", "Accepted")]
    assert described.who == "Senate (automatic)"


@pytest.mark.django_db(transaction=True)
def test_flushing_a_test_database_keeps_the_triggers(reference_data, senate):
    """Tests that commit empty the database with Django's flush; on SQLite that DELETEs every row."""
    audit.record("test.done", senate, senate=senate)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists() and audit.append_only_in_place(connection)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writing transaction at a time")
@pytest.mark.django_db(transaction=True)
def test_writers_appending_at_once_take_turns_on_postgresql(reference_data, senate):
    def write(n):
        try:
            for i in range(n):
                with transaction.atomic():
                    audit.record("test.concurrent", senate, senate=senate, summary=f"{threading.get_ident()} {i}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(25,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    chain = audit.chain_of(senate.pk)
    assert sorted(AuditEvent.objects.filter(chain=chain).values_list("sequence", flat=True)) == list(range(1, 101))
    assert audit.breaks(audit.verify_chains()) == []
