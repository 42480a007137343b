"""The full-text index for the database in use (backends.py): an FTS5 table with the Porter stemmer on
SQLite; a tsvector table with a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = "CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
POSTGRESQL = [
    "CREATE TABLE search_text (document_id bigint PRIMARY KEY, vector tsvector NOT NULL)",
    "CREATE INDEX search_text_vector ON search_text USING GIN (vector)",
]


def create(apps, schema_editor):
    statements = POSTGRESQL if schema_editor.connection.vendor == "postgresql" else [SQLITE]
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS search_text")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents")]
    operations = [migrations.RunPython(create, drop)]
