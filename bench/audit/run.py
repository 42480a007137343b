"""Benchmark of `senate audit verify` (not a test): every hash chain of a million audit events.

    .venv/bin/python bench/audit/run.py [--events N] [--chunk-size N] [--keep PATH]

Migrates a temporary SQLite database, then writes N audit events (1,000,000 by default) spread over
the nine current Senates' chains and the platform chain, with a handful of actors and the kinds of
`data` callers store. The chain rows are computed here with `audit.event_hash`, exactly as
`audit.record` would, and written with bulk inserts (recording them one by one would take an hour).
Then it times `audit.verify_chains()`, which streams the rows a chunk at a time, and checks that it
found no break. Target: a million events verified in under 30 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 30.0
ACTIONS = ["request.accept", "terms.shared", "panels.invited", "evidence.added", "report.drafted", "council.declared"]
DATA = [
    {},
    {"reason": "Within the Senate's remit", "changed": {"stage": ["Received", "Accepted"]}},
    {"request": 1234, "kind": "business_case", "due_on": "2026-05-01"},
    {"version": 3, "fields": ["nature", "organisation_name"]},
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--chunk-size", type=int, default=5000)
    parser.add_argument("--keep", help="build (or reuse) the events in this SQLite file instead of a temporary one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(args.keep) if args.keep else Path(scratch) / "bench.sqlite3"
        _setup_django(path)
        built = _build(args.events)
        print(_measure(args.chunk_size, built))
    return 0


def _setup_django(path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    import django

    django.setup()


def _build(events: int) -> float:
    from django.core.management import call_command
    from django.db import connection, transaction

    from senate.core.models import AuditChainHead, AuditEvent

    call_command("migrate", verbosity=0)
    if AuditEvent.objects.exists():
        return 0.0
    started = time.perf_counter()
    make_row = _row_maker(_actors(), _senates())
    insert = (
        "INSERT INTO core_auditevent (at, actor_id, senate_id, action, object_type, object_id, summary, data,"
        " chain, sequence, previous_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        for first in range(0, events, 50_000):
            cursor.executemany(insert, [make_row(i) for i in range(first, min(first + 50_000, events))])
        heads = make_row.heads  # type: ignore[attr-defined]
        AuditChainHead.objects.bulk_create([AuditChainHead(chain=c, sequence=s, hash=h) for c, (s, h) in heads.items()])
    return time.perf_counter() - started


def _actors() -> list[int | None]:
    from senate.accounts.models import User

    made = [User.objects.create(email=f"bench{i}@example.org", full_name=f"Bench Person {i}") for i in range(9)]
    return [None] + [u.pk for u in made]


def _senates() -> list[int | None]:
    from senate.organisations.models import Senate

    return [None] + list(Senate.objects.current(dt.date.today()).values_list("pk", flat=True))


def _row_maker(actors: list[int | None], senates: list[int | None]):
    """Event i as a row of core_auditevent, linked to the one before it in its chain."""
    from django.db import connection

    from senate.core import audit

    start, adapt, heads = dt.datetime(2016, 4, 1, tzinfo=dt.UTC), connection.ops.adapt_datetimefield_value, {}

    def row(i: int) -> tuple:
        senate = senates[i % len(senates)]
        chain = audit.chain_of(senate)
        sequence, previous = heads.get(chain, (0, ""))
        at = start + dt.timedelta(seconds=i * 300, microseconds=i % 1_000_000)
        content = {
            "action": ACTIONS[i % len(ACTIONS)],
            "actor": actors[i % len(actors)],
            "at": audit.utc_iso(at),
            "chain": chain,
            "data": DATA[i % len(DATA)],
            "object_id": str(i // 7),
            "object_type": "reviews.request",
            "previous": previous,
            "senate": senate,
            "sequence": sequence + 1,
            "summary": f"SW-2026-{i // 7:06d}: benchmark event {i}",
        }
        digest = audit.event_hash(content)
        heads[chain] = (sequence + 1, digest)
        fields = ("actor", "senate", "action", "object_type", "object_id", "summary")
        return (
            adapt(at),
            *(content[f] for f in fields),
            json.dumps(content["data"]),
            chain,
            sequence + 1,
            previous,
            digest,
        )

    row.heads = heads  # type: ignore[attr-defined]
    return row


def _measure(chunk_size: int, built: float) -> str:
    from senate.core import audit
    from senate.core.models import AuditEvent

    events = AuditEvent.objects.count()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    checks = audit.verify_chains(chunk_size=chunk_size)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    broken = audit.breaks(checks)
    checked = sum(c.checked for c in checks)
    verdict = "within" if took < TARGET_SECONDS and not broken else "OVER"
    lines = [
        f"{events:,} events written in {built:.1f} s" if built else f"{events:,} events reused",
        f"Verified {checked:,} events in {len(checks)} chains: {len(broken)} broken",
        f"  {took:.1f} s ({checked / took:,.0f} events/s; {verdict} the {TARGET_SECONDS:.0f} s target), {cpu:.1f} s of CPU",
        f"  peak memory grew by {(after - before) / 1024:.0f} MB (chunks of {chunk_size:,} rows)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
