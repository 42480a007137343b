"""Writing, reading and verifying the audit trail. Call `record` inside the transaction of the write
it records.

The trail is tamper-evident. Events form hash chains, one per Senate (`senate:<id>`) and one for
events of no Senate (`platform`). An event's `hash` is the SHA-256, as hex, of this JSON object,
written with sorted keys, no spaces and UTF-8 (`canonical`):

    {"action", "actor" (id or null), "at" (ISO 8601 in UTC, microseconds), "chain", "data",
     "object_id", "object_type", "previous" (the hash of the event before in the chain, "" for the
     first), "senate" (id or null), "sequence" (1, 2, 3 ... within the chain), "summary"}

so anyone with a copy of the table can check it without Senate. Changing an event changes its hash;
deleting one leaves a gap in the sequence; moving one breaks the links around it; deleting the newest
ones leaves the chain short of its head (`AuditChainHead`). A database trigger refuses UPDATE and
DELETE on the table (`install_append_only`); `verify_chains` finds what got past it. A chain rewritten
end to end by someone holding the database is still self-consistent: `senate audit verify` prints
each chain's head hash, to be kept somewhere else (a ticket, the backup log) and compared later.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from senate.core import memo
from senate.core.models import AuditChainHead, AuditEvent

PLATFORM = "platform"


def record(
    action: str,
    obj: models.Model,
    *,
    by: Any = None,
    senate: Any = None,
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to its Senate's chain. `data["changed"] = {field: [before, after]}` is shown
    on the history pages as "before → after"."""
    actor = by if getattr(by, "is_authenticated", False) else None
    event = AuditEvent(
        actor=actor,
        senate=senate,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        summary=summary[:300] or str(obj)[:300],
        data=plain(data or {}),
    )
    with transaction.atomic(savepoint=False):
        head = _locked_head(chain_of(event.senate_id))
        event.chain, event.sequence, event.previous_hash = head.chain, head.sequence + 1, head.hash
        event.at = timezone.now()  # after the lock, so times follow the sequence within a chain
        event.hash = event_hash(_content(event))
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=head.pk).update(sequence=event.sequence, hash=event.hash)
    memo.forget()  # an act: answers kept for this web request may no longer hold
    return event


def _locked_head(chain: str) -> AuditChainHead:
    """The chain's head row, locked until the caller's transaction ends (PostgreSQL; SQLite runs one
    writing transaction at a time, BEGIN IMMEDIATE). A new chain's head is made first, once."""
    heads = AuditChainHead.objects.select_for_update()
    head = heads.filter(chain=chain).first()
    if head is None:
        AuditChainHead.objects.bulk_create([AuditChainHead(chain=chain)], ignore_conflicts=True)
        head = heads.get(chain=chain)
    return head


def chain_of(senate_id: int | None) -> str:
    return f"senate:{senate_id}" if senate_id else PLATFORM


def plain(data: object) -> Any:
    """`data` as every database gives it back, so its hash is the same before and after storing:
    JSON types only, keys as strings, and floats too large to keep their digits in PostgreSQL's
    jsonb (it writes 1e+16 out in full) stored as the integers they are."""
    return json.loads(json.dumps(data), parse_float=_float, parse_constant=str)


def _float(text: str) -> float | int:
    value = float(text) + 0.0  # -0.0 is 0.0 in jsonb
    return int(value) if abs(value) >= 1e16 else value


def _content(event: AuditEvent) -> dict[str, Any]:
    return {
        "action": event.action,
        "actor": event.actor_id,
        "at": utc_iso(event.at),
        "chain": event.chain,
        "data": event.data,
        "object_id": event.object_id,
        "object_type": event.object_type,
        "previous": event.previous_hash,
        "senate": event.senate_id,
        "sequence": event.sequence,
        "summary": event.summary,
    }


def utc_iso(at: dt.datetime | str) -> str:
    """The time in UTC to the microsecond. A time without a zone is UTC, as SQLite gives it back."""
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    if at.tzinfo is None:
        return at.isoformat(timespec="microseconds") + "+00:00"
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(content: dict[str, Any]) -> bytes:
    return _CANONICAL.encode(content).encode()


def event_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


# Verifying ------------------------------------------------------------------------------------------

_COLUMNS = (
    "id",
    "chain",
    "sequence",
    "at",
    "actor_id",
    "senate_id",
    "action",
    "object_type",
    "object_id",
    "summary",
    "data",
    "previous_hash",
    "hash",
)


@dataclass(frozen=True)
class Break:
    """The first link of a chain that does not hold, and why, in words."""

    chain: str
    sequence: int
    problem: str
    event_id: int | None = None


@dataclass
class ChainCheck:
    chain: str
    checked: int = 0
    last_sequence: int = 0
    last_hash: str = ""
    broken: Break | None = None
    head: AuditChainHead | None = None
    hash_at_head: str = ""  # the stored hash of the event the head names


def verify_chains(chunk_size: int = 5000) -> list[ChainCheck]:
    """Check every event of every chain, in one pass in chain order that holds one chunk of rows in
    memory at a time. Each chain reports how many events were checked and its first break, if any.
    The heads are read first, so events appended while this runs are checked as links, and never
    taken for events missing from the end."""
    heads = {h.chain: h for h in AuditChainHead.objects.all()}
    checks = [_against_head(check) for check in _walk(_rows(chunk_size), heads)]
    for head in heads.values():  # a head whose every event has gone
        checks.append(_against_head(ChainCheck(head.chain, head=head)))
    return sorted(checks, key=lambda c: c.chain)


def _rows(chunk_size: int) -> Iterator[tuple[Any, ...]]:
    """The events in chain order, as plain rows from a streaming cursor (server-side on PostgreSQL).
    Not `QuerySet.iterator()`: its per-row conversions cost more than the hashing (on SQLite, 2.3 s
    per 100,000 rows against 0.9 s for the cursor); `utc_iso` and `json.loads` do the two needed."""
    query = AuditEvent.objects.order_by("chain", "sequence").values_list(*_COLUMNS).query
    sql, params = query.sql_with_params()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(chunk_size):
            yield from rows


def breaks(checks: Iterable[ChainCheck]) -> list[Break]:
    return [c.broken for c in checks if c.broken]


def _walk(rows: Iterator[tuple[Any, ...]], heads: dict[str, AuditChainHead]) -> Iterator[ChainCheck]:
    """Chains one after another, taking each chain's head out of `heads`."""
    check: ChainCheck | None = None
    for row in rows:
        if check is None or row[1] != check.chain:
            if check is not None:
                yield check
            check = ChainCheck(row[1], head=heads.pop(row[1], None))
        check.checked += 1
        if check.broken is None:
            check.broken = _link_problem(row, check)
        check.last_sequence, check.last_hash = row[2], row[12]
        if check.head is not None and row[2] == check.head.sequence:
            check.hash_at_head = row[12]
    if check is not None:
        yield check


def _link_problem(row: tuple[Any, ...], check: ChainCheck) -> Break | None:
    event_id, chain, sequence, at, actor, senate, action, object_type, object_id, summary, data, previous, stored = row
    expected = check.last_sequence + 1
    if sequence != expected:
        gone = f"events {expected} to {sequence - 1} are" if sequence - 1 > expected else f"event {expected} is"
        return Break(chain, expected, f"{gone} missing (deleted?): the chain goes from {expected - 1} to {sequence}")
    if previous != check.last_hash:
        problem = f"event {sequence} does not follow event {sequence - 1}: one of them was changed or moved"
        return Break(chain, sequence, problem, event_id)
    content = {
        "action": action,
        "actor": actor,
        "at": utc_iso(at),
        "chain": chain,
        "data": json.loads(data) if isinstance(data, str) else data,
        "object_id": object_id,
        "object_type": object_type,
        "previous": previous,
        "senate": senate,
        "sequence": sequence,
        "summary": summary,
    }
    if event_hash(content) != stored:
        return Break(chain, sequence, f"event {sequence} was changed after it was written", event_id)
    return None


def _against_head(check: ChainCheck) -> ChainCheck:
    """The event the head names must be there, as it was: deleting the newest events leaves no gap."""
    head, after_last = check.head, check.last_sequence + 1
    if check.broken is not None:
        return check
    if head is None:
        at, problem = after_last, "the chain has no head row (AuditChainHead), so its end cannot be checked"
    elif head.sequence > check.last_sequence:
        at, problem = after_last, f"events {after_last} to {head.sequence} are missing from the end of the chain"
    elif head.hash != check.hash_at_head:
        at, problem = head.sequence, f"event {head.sequence} is not the event the chain's head recorded"
    else:
        return check
    check.broken = Break(check.chain, at, problem)
    return check


# The database refuses changes ------------------------------------------------------------------------

TABLE = "core_auditevent"
_SQLITE_TRIGGERS = {
    f"{TABLE}_no_update": "UPDATE",
    f"{TABLE}_no_delete": "DELETE",
}
_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused on {TABLE}', TG_OP;
END
$$"""
_PG_TRIGGER = f"{TABLE}_append_only"


def install_append_only(connection: BaseDatabaseWrapper) -> None:
    """A trigger that refuses every UPDATE and DELETE of an audit event, whoever asks. PostgreSQL's
    TRUNCATE (the table owner's, used by Django's flush in tests) is not a row change and is not
    refused: in production the application's role should not own the table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION)
            cursor.execute(f"DROP TRIGGER IF EXISTS {_PG_TRIGGER} ON {TABLE}")
            cursor.execute(
                f"CREATE TRIGGER {_PG_TRIGGER} BEFORE UPDATE OR DELETE ON {TABLE} "
                f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()"
            )
        elif connection.vendor == "sqlite":
            for name, verb in _SQLITE_TRIGGERS.items():
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {verb} ON {TABLE} "
                    f"BEGIN SELECT RAISE(ABORT, 'audit events are append-only: {verb} refused on {TABLE}'); END"
                )


def lift_append_only(connection: BaseDatabaseWrapper) -> None:
    """Remove the triggers: for reversing the migration, emptying a test database on SQLite (whose
    flush DELETEs every row), and tests that tamper on purpose. Inside a transaction, rolled back
    with it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS {_PG_TRIGGER} ON {TABLE}")
            cursor.execute(f"DROP FUNCTION IF EXISTS {TABLE}_append_only()")
        elif connection.vendor == "sqlite":
            for name in _SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def append_only_in_place(connection: BaseDatabaseWrapper) -> bool:
    """Are the triggers there? (On SQLite a migration that rebuilds the table drops them.)"""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal AND tgenabled <> 'D'",
                [TABLE],
            )
            return {r[0] for r in cursor.fetchall()} >= {_PG_TRIGGER}
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE])
            return {r[0] for r in cursor.fetchall()} >= set(_SQLITE_TRIGGERS)
    return False


# Reading --------------------------------------------------------------------------------------------


def history(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor")


def search(
    senate: Any,
    *,
    person: str = "",
    object_type: str = "",
    object_id: str = "",
    act: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> models.QuerySet[AuditEvent]:
    """A Senate's events, newest first: by part of a person's name or email, the kind and number of
    the record, part of the act's name, and the days from `since` to `until` (both included)."""
    found = AuditEvent.objects.filter(senate=senate).select_related("actor")
    if person := person.strip():
        found = found.filter(models.Q(actor__full_name__icontains=person) | models.Q(actor__email__icontains=person))
    if object_type.strip():
        found = found.filter(object_type=object_type.strip().lower())
    if object_id.strip():
        found = found.filter(object_id=object_id.strip())
    if act.strip():
        found = found.filter(action__icontains=act.strip())
    if since:
        found = found.filter(at__gte=_start_of(since))
    if until:
        found = found.filter(at__lt=_start_of(until + dt.timedelta(days=1)))
    return found.order_by("-at", "-id")


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass(frozen=True)
class Described:
    """An event as the history pages show it: who, what in words, and its before → after values."""

    event: AuditEvent
    who: str
    what: str
    changes: list[tuple[str, Any, Any]]


def describe(event: AuditEvent) -> Described:
    who = str(event.actor) if event.actor else "Senate (automatic)"
    return Described(event, who, describe_action(event.action), changes(event))


def changes(event: AuditEvent) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for each change the event's data records as `changed`."""
    changed = event.data.get("changed") if isinstance(event.data, dict) else None
    if not isinstance(changed, dict):
        return []
    return [
        (str(field), pair[0], pair[1])
        for field, pair in changed.items()
        if isinstance(pair, list | tuple) and len(pair) == 2
    ]


# The first part of an action's name, in words; the rest is the verb ("panels.loan_approved").
_AREAS = {
    "api_token": "API token",
    "beds": "Bed model",
    "bundle": "Case bundle",
    "council": "Council",
    "criterion": "Assessment criterion",
    "evidence": "Evidence",
    "interests": "Interests",
    "joint": "Joint review",
    "judgement": "Judgement",
    "membership": "Membership",
    "panels": "Panel",
    "profile": "Profile",
    "recommendation": "Recommendation",
    "report": "Report",
    "request": "Request",
    "review": "Review",
    "role": "Role",
    "senate": "Senate",
    "terms": "Terms of reference",
}


def describe_action(action: str) -> str:
    """'panels.loan_approved' → 'Panel: loan approved'."""
    area, _, verb = action.partition(".")
    words = verb.replace("_", " ").strip() or area
    return f"{_AREAS.get(area, area.replace('_', ' ').capitalize())}: {words}" if verb else words.capitalize()


def rechain(event_model: type[AuditEvent], head_model: type[AuditChainHead], *, batch_size: int = 2000) -> int:
    """Give existing events their chain, in id order (the data migration; the models are the
    migration's historical ones, with the same fields as these). Returns how many events were chained."""
    heads: dict[str, tuple[int, str]] = {}
    batch: list[Any] = []
    fields = ["chain", "sequence", "previous_hash", "hash"]
    for event in event_model.objects.order_by("id").iterator(chunk_size=batch_size):
        event.chain = chain_of(event.senate_id)
        sequence, previous = heads.get(event.chain, (0, ""))
        event.sequence, event.previous_hash = sequence + 1, previous
        event.hash = event_hash(_content(event))
        heads[event.chain] = (event.sequence, event.hash)
        batch.append(event)
        if len(batch) >= batch_size:
            event_model.objects.bulk_update(batch, fields)
            batch = []
    event_model.objects.bulk_update(batch, fields)
    head_model.objects.bulk_create([head_model(chain=c, sequence=s, hash=h) for c, (s, h) in heads.items()])
    return sum(s for s, _ in heads.values())
