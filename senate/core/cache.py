"""Readings that are costly to work out and change only when someone acts: the register of
interests, who is due to declare, membership coverage, a request's screening, a panel's pool of
candidates, an issued report as a document. Each is kept until the next recorded act.

Every change of state goes through a domain function that writes an audit event in its transaction
(ADR 0004), so the newest event's id changes whenever anything a reading depends on may have changed.
That id (with the newest row of the tables the reading is made from) is part of the cache key, with the day (readings of "today" change at midnight). Nothing is
ever shown that a fresh reading would not show: a stale key is simply never asked for again.

Each web process keeps its own copy (Django's local-memory cache unless `CACHES` says otherwise), so
several processes need no shared cache to stay correct."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models import Max, Model
from django.http import HttpRequest
from django.template.loader import render_to_string
from markupsafe import Markup

from senate.core.models import AuditEvent

T = TypeVar("T")
TIMEOUT = 15 * 60


def newest(model: type[Model]) -> int:
    """The id of the model's newest row: one indexed lookup."""
    return model._default_manager.aggregate(newest=Max("pk"))["newest"] or 0


def newest_of(models: tuple[type[Model], ...]) -> list[int]:
    """The id of each model's newest row, in one query (one indexed lookup each): a page that keeps
    several readings asked the database once per table for each."""
    by_database: dict[str, list[type[Model]]] = {}
    for model in models:
        by_database.setdefault(router.db_for_read(model), []).append(model)
    found: dict[type[Model], int] = {}
    for alias, group in by_database.items():
        columns = ", ".join(_newest_column(m, connections[alias].ops.quote_name) for m in group)
        with connections[alias].cursor() as cursor:
            cursor.execute(f"SELECT {columns}")
            row = cursor.fetchone()
        found.update((m, value or 0) for m, value in zip(group, row, strict=True))
    return [found[m] for m in models]


def _newest_column(model: type[Model], quote: Callable[[str], str]) -> str:
    pk = model._meta.pk
    assert pk is not None and pk.column
    return f"(SELECT MAX({quote(pk.column)}) FROM {quote(model._meta.db_table)})"


def stamp_of(rows_of: tuple[type[Model], ...] = ()) -> str:
    """The newest audit event's id and the newest row of each of `rows_of`, read in one query: what
    `until_next_act` keys a reading by. A page keeping several readings reads it once for them all."""
    return ".".join(str(stamp) for stamp in newest_of((AuditEvent, *rows_of)))


def until_next_act(
    key: str, work_out: Callable[[], T], *, rows_of: tuple[type[Model], ...] = (), stamp: str | None = None
) -> T:
    """`work_out()`, or the copy kept since the last act. `key` names the reading and everything it
    depends on besides the record (the Senate, the date, the filters). `rows_of` names the append-only
    tables the reading is made from, so a row added without an act (a data import, a test's factory)
    also makes a new reading. `stamp`: `stamp_of(rows_of)` as the caller read it already (for every
    reading of its page), else read here."""
    full_key = f"reading:{key}:{stamp if stamp is not None else stamp_of(rows_of)}"
    found = cache.get(full_key)
    if found is None:
        found = work_out()
        # Kept only once the transaction it was read in commits: a reading made inside a transaction
        # that is rolled back saw rows that never existed, under ids the next rows will take again.
        transaction.on_commit(lambda: cache.set(full_key, found, TIMEOUT))
    return found


def rendered(template: str, context: dict[str, Any], *, request: HttpRequest | None = None) -> Markup:
    """A part of a page rendered once to keep with `until_next_act`: the same for everyone who may see
    the page, and marked safe (Django's Jinja backend returns plain text, which would be escaped)."""
    return Markup(render_to_string(template, context, request=request))
