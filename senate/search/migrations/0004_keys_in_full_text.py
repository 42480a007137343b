"""The audience keys join the words in the full-text index (backends.py), so that a viewer's
permission is part of the full-text query: a `keys` column of the FTS5 table on SQLite (the table is
made again, from the documents), key tokens of weight D in each tsvector on PostgreSQL."""

import hashlib

from django.db import migrations

FTS5 = "CREATE VIRTUAL TABLE search_text USING fts5({}, tokenize = 'porter unicode61 remove_diacritics 2')"


def token(key):  # audience.token, as it is today
    return "k" + str(int(hashlib.sha256(key.encode()).hexdigest()[:15], 16))


def keys_of(apps):
    keys = {}
    for document_id, key in apps.get_model("search", "Audience").objects.values_list("document_id", "key").iterator():
        keys.setdefault(document_id, []).append(token(key))
    return {pk: " ".join(sorted(set(tokens))) for pk, tokens in keys.items()}


def forwards(apps, schema_editor):
    keys = keys_of(apps)
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            for pk, tokens in keys.items():
                cursor.execute(
                    "UPDATE search_text SET vector = vector || "
                    "setweight(array_to_tsvector(string_to_array(%s, ' ')), 'D') WHERE document_id = %s",
                    [tokens, pk],
                )
            return
        cursor.execute("DROP TABLE IF EXISTS search_text")
        cursor.execute(FTS5.format("title, body, keys"))
        for pk, title, body in apps.get_model("search", "Document").objects.values_list("pk", "title", "body").iterator():
            cursor.execute(
                "INSERT INTO search_text (rowid, title, body, keys) VALUES (%s, %s, %s, %s)",
                [pk, title, body, keys.get(pk, "")],
            )


def backwards(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("UPDATE search_text SET vector = ts_filter(vector, '{a,b}')")
            return
        cursor.execute("DROP TABLE IF EXISTS search_text")
        cursor.execute(FTS5.format("title, body"))
        for pk, title, body in apps.get_model("search", "Document").objects.values_list("pk", "title", "body").iterator():
            cursor.execute("INSERT INTO search_text (rowid, title, body) VALUES (%s, %s, %s)", [pk, title, body])


class Migration(migrations.Migration):
    dependencies = [("search", "0003_more_kinds_and_facets")]
    operations = [migrations.RunPython(forwards, backwards)]
