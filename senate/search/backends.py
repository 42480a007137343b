"""The full-text index behind one small interface: `write` a document's words and audience keys,
`forget` documents, and `match` a parsed query among the documents a viewer may find, best first.

The permission is part of the full-text query itself: each document's audience keys (audience.py) are
indexed with its words, as one opaque token each (`audience.token`), and a viewer's query asks for the
words AND any of the viewer's keys AND NOT their `deny:` key. The index intersects the lists of
documents holding the words with those holding the keys before anything is ranked, so only documents
the viewer may find are ever ranked, however many others hold the words.

SQLite: an FTS5 table (title, body, keys) with the Porter stemmer, ranked by bm25 with the title
weighted ten times the body and the keys not at all. PostgreSQL: a tsvector per document ('english'
configuration, title weight A, body weight B, key tokens weight D) with a GIN index, ranked by
ts_rank on the words alone. The table is made by migrations 0002 and 0004 for the database in use.
At most LIMIT documents are ranked and returned: the best of the viewer's matches."""

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from django.db import connection

from senate.search.audience import token
from senate.search.query import Query

LIMIT = 1000  # the most results a query returns

Viewer = tuple[Iterable[str], str | None]  # the viewer's keys and `deny:` key (audience.viewer_keys)
Within = tuple[str, tuple[Any, ...]] | None  # a subquery of document ids to narrow to further, or None


class Backend(Protocol):
    def write(self, document_id: int, title: str, body: str, keys: Iterable[str]) -> None: ...
    def forget(self, document_ids: list[int]) -> None: ...
    def match(self, query: Query, viewer: Viewer, *, within: Within = None) -> list[int]: ...
    def match_rows(
        self, query: Query, viewer: Viewer, *, columns: Sequence[str] = (), within: Within = None
    ) -> list[tuple]: ...


def key_tokens(keys: Iterable[str]) -> str:
    return " ".join(token(k) for k in sorted(set(keys)))


class _Ids:
    """`match` is `match_rows` without the columns: the ids, best first."""

    def match(self, query: Query, viewer: Viewer, *, within: Within = None) -> list[int]:
        return [row[0] for row in self.match_rows(query, viewer, within=within)]  # type: ignore[attr-defined]


class SQLite(_Ids):
    def write(self, document_id: int, title: str, body: str, keys: Iterable[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_text WHERE rowid = %s", [document_id])
            cursor.execute(
                "INSERT INTO search_text (rowid, title, body, keys) VALUES (%s, %s, %s, %s)",
                [document_id, title, body, key_tokens(keys)],
            )

    def forget(self, document_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            for pk in document_ids:
                cursor.execute("DELETE FROM search_text WHERE rowid = %s", [pk])

    def match_rows(
        self, query: Query, viewer: Viewer, *, columns: Sequence[str] = (), within: Within = None
    ) -> list[tuple]:
        """The matches best first, each as its id and these columns of its search_document row."""
        keys, deny = viewer
        allowed = sorted({token(k) for k in keys})
        if not allowed:
            return []
        words = (" OR " if query.any_group else " AND ").join(
            "(" + " OR ".join(f'"{p}"' for p in group) + ")" for group in query.groups
        )
        expression = "({title body} : (" + words + ")) AND (keys : (" + " OR ".join(f'"{t}"' for t in allowed) + "))"
        if deny:
            expression += f' NOT (keys : "{token(deny)}")'
        sql, params = "", ()
        if within is not None:
            # `+rowid`: checked row by row against the subquery, built once (as `rowid IN`, FTS5
            # would run the whole match again for every id of the subquery).
            sql, params = f" AND +search_text.rowid IN ({within[0]})", within[1]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT search_text.rowid{_selected(columns)} FROM search_text{_joined(columns, 'search_text.rowid')} "
                f"WHERE search_text MATCH %s{sql} ORDER BY bm25(search_text, 10.0, 1.0, 0.0) LIMIT {LIMIT}",
                [expression, *params],
            )
            return cursor.fetchall()


class PostgreSQL(_Ids):
    def write(self, document_id: int, title: str, body: str, keys: Iterable[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_text (document_id, vector) VALUES (%s, "
                "setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'B') "
                "|| setweight(array_to_tsvector(string_to_array(%s, ' ')), 'D')) "
                "ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector",
                [document_id, title, body, key_tokens(keys)],
            )

    def forget(self, document_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_text WHERE document_id = ANY(%s)", [document_ids])

    def match_rows(
        self, query: Query, viewer: Viewer, *, columns: Sequence[str] = (), within: Within = None
    ) -> list[tuple]:
        keys, deny = viewer
        allowed = sorted({token(k) for k in keys})
        if not allowed:
            return []
        params: list[Any] = []
        ands = []
        for group in query.groups:
            ands.append("(" + " || ".join("phraseto_tsquery('english', %s)" for _ in group) + ")")
            params += group
        # The tokens are a letter and digits (audience.token): safe to quote as lexemes.
        permission = "(" + " | ".join(f"'{t}'" for t in allowed) + ")" + (f" & !'{token(deny)}'" if deny else "")
        words = (" || " if query.any_group else " && ").join(ands)
        sql, within_params = ("", ()) if within is None else (f" AND document_id IN ({within[0]})", within[1])
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT document_id{_selected(columns)} FROM search_text{_joined(columns, 'document_id')}, "
                f"(SELECT {words} AS q, %s::tsquery AS p) AS query "
                f"WHERE numnode(q) > 0 AND vector @@ (q && p){sql} "
                f"ORDER BY ts_rank(vector, q) DESC, document_id LIMIT {LIMIT}",
                [*params, permission, *within_params],
            )
            return cursor.fetchall()


def _selected(columns: Sequence[str]) -> str:
    return "".join(f", d.{c}" for c in columns)


def _joined(columns: Sequence[str], id_column: str) -> str:
    """The document rows, joined only when their columns are asked for."""
    return f" JOIN search_document d ON d.id = {id_column}" if columns else ""


def backend() -> Backend:
    return PostgreSQL() if connection.vendor == "postgresql" else SQLite()
