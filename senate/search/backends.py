"""The full-text index behind one small interface: `write` a document's words, `forget` documents,
and `match` a parsed query among the documents a viewer may find (the `permitted` subquery), best
first. SQLite: an FTS5 table with the Porter stemmer, ranked by bm25 with the title weighted ten times
the body. PostgreSQL: a tsvector per document ('english' configuration, title weight A, body weight
B) with a GIN index, ranked by ts_rank. The table is made by migration 0002 for the database in use."""

from typing import Any, Protocol

from django.db import connection

from senate.search.query import Query

LIMIT = 1000  # the most results a query ranks


class Backend(Protocol):
    def write(self, document_id: int, title: str, body: str) -> None: ...
    def forget(self, document_ids: list[int]) -> None: ...
    def match(self, query: Query, permitted: tuple[str, tuple[Any, ...]]) -> list[int]: ...


class SQLite:
    def write(self, document_id: int, title: str, body: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_text WHERE rowid = %s", [document_id])
            cursor.execute(
                "INSERT INTO search_text (rowid, title, body) VALUES (%s, %s, %s)", [document_id, title, body]
            )

    def forget(self, document_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            for pk in document_ids:
                cursor.execute("DELETE FROM search_text WHERE rowid = %s", [pk])

    def match(self, query: Query, permitted: tuple[str, tuple[Any, ...]]) -> list[int]:
        groups = (" OR " if query.any_group else " AND ").join(
            "(" + " OR ".join(f'"{p}"' for p in group) + ")" for group in query.groups
        )
        sql, params = permitted
        # The words are matched first (materialised: asked row by row, FTS5 would run the match again
        # for every permitted document), then kept only where the viewer's keys allow.
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH matched AS MATERIALIZED (SELECT rowid AS id, bm25(search_text, 10.0, 1.0) AS rank "
                "FROM search_text WHERE search_text MATCH %s) "
                f"SELECT id FROM matched WHERE id IN ({sql}) ORDER BY rank LIMIT {LIMIT}",
                [groups, *params],
            )
            return [row[0] for row in cursor.fetchall()]


class PostgreSQL:
    def write(self, document_id: int, title: str, body: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_text (document_id, vector) VALUES (%s, "
                "setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'B')) "
                "ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector",
                [document_id, title, body],
            )

    def forget(self, document_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_text WHERE document_id = ANY(%s)", [document_ids])

    def match(self, query: Query, permitted: tuple[str, tuple[Any, ...]]) -> list[int]:
        params: list[Any] = []
        ands = []
        for group in query.groups:
            ands.append("(" + " || ".join("phraseto_tsquery('english', %s)" for _ in group) + ")")
            params += group
        sql, permitted_params = permitted
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT document_id FROM search_text, (SELECT {(' || ' if query.any_group else ' && ').join(ands)} AS q) AS query "
                f"WHERE vector @@ q AND document_id IN ({sql}) "
                f"ORDER BY ts_rank(vector, q) DESC, document_id LIMIT {LIMIT}",
                [*params, *permitted_params],
            )
            return [row[0] for row in cursor.fetchall()]


def backend() -> Backend:
    return PostgreSQL() if connection.vendor == "postgresql" else SQLite()
