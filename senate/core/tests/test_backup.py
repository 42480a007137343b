"""`senate backup` and `senate restore`: a restore brings back the same records and the same file
bytes, on the database the suite runs on (SQLite by default, PostgreSQL with DATABASE_URL, where
pg_dump and pg_restore do the work); a damaged or altered archive, one from the other kind of
database and one from a newer release are refused with nothing changed; so is a restore over a
database with data in it unless the caller says --yes."""

import hashlib
import io
import json
import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabaseWrapper

from senate.accounts.models import User
from senate.accounts.tests.factories import UserFactory
from senate.core import backup
from senate.evidence.models import EvidenceItem, EvidenceVersion
from senate.evidence.tests import samples
from senate.evidence.tests.factories import item, make_request

# A restore replaces the database outside any test transaction, so these tests commit for real.
restores = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records(cast):
    """A request with two evidence items, so two uploaded files in the (temporary) MEDIA_ROOT."""
    request = make_request(stage="panel_recruited", created_by=cast["requester"])
    return [
        item(request, title="Stroke services business case"),
        item(request, title="Workforce plan", name="plan.docx", data=samples.docx()),
    ]


def state(using="default"):
    """What a restore must bring back: people, evidence, and the bytes of every stored file."""
    return {
        "users": sorted(User.objects.using(using).values_list("pk", "email", "full_name")),
        "items": sorted(EvidenceItem.objects.using(using).values_list("pk", "title", "tier")),
        "versions": sorted(EvidenceVersion.objects.using(using).values_list("pk", "file", "sha256", "size")),
        "files": {name: read(name) for name in backup.stored_names(default_storage)},
    }


def read(name):
    with default_storage.open(name, "rb") as file:
        return file.read()


def overwrite(name, data):
    default_storage.delete(name)
    assert default_storage.save(name, ContentFile(data)) == name


def rewrite(archive: Path, to: Path, *, change=None, manifest=None) -> Path:
    """A copy of the archive with one member's bytes changed (size kept) or the manifest edited."""
    with tarfile.open(archive) as source, tarfile.open(to, "w") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == change:
                data = bytes([data[0] ^ 0xFF]) + data[1:]
            if member.name == backup.MANIFEST and manifest:
                document = json.loads(data)
                manifest(document)
                data = json.dumps(document).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return to


@restores
def test_a_restore_brings_back_the_same_records_and_the_same_file_bytes(cast, records, tmp_path):
    before = state()
    assert len(before["files"]) == 2 and len(before["versions"]) == 2

    made = backup.create_backup(tmp_path / "senate.tar")

    assert (made.vendor, made.files) == (connection.vendor, 2)
    manifest = backup.read_manifest(made.path)
    assert manifest["database"]["vendor"] == connection.vendor
    assert (
        manifest["database"]["member"]
        == {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[connection.vendor]
    )
    assert manifest["senate_version"] and manifest["created_at"]
    assert manifest["migrations"] == backup.applied_migration_heads(connection) and manifest["migrations"]["evidence"]
    assert {f["name"]: (f["size"], f["sha256"]) for f in manifest["files"]} == {
        name: (len(data), hashlib.sha256(data).hexdigest()) for name, data in before["files"].items()
    }
    with tarfile.open(made.path) as tar:
        assert tar.getmember(manifest["database"]["member"]).size == manifest["database"]["size"]

    # Afterwards: an item deleted, a person renamed, another added, one file changed, one lost, one new.
    first, second = records
    first_file, second_file = first.latest_version().file.name, second.latest_version().file.name
    second.delete()
    User.objects.filter(pk=cast["chair"].pk).update(full_name="Someone Else")
    UserFactory(full_name="Added After The Backup")
    overwrite(first_file, b"changed after the backup")
    default_storage.delete(second_file)
    default_storage.save("stray.txt", ContentFile(b"not in the backup"))
    assert state() != before

    restored = backup.restore_backup(made.path, force=True)

    after = state()
    assert after["files"].pop("stray.txt") == b"not in the backup"  # left as it was, and reported
    assert after == before
    assert (restored.vendor, restored.files, restored.files_not_in_backup) == (connection.vendor, 2, 1)
    assert restored.users == len(before["users"]) and restored.rows > restored.tables > 0
    assert restored.migrations_to_apply == []
    assert hashlib.sha256(read(first_file)).hexdigest() == first.latest_version().sha256


@restores
def test_the_commands_back_up_into_a_folder_and_refuse_a_database_with_data_without_yes(records, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    out = io.StringIO()
    call_command("backup", str(folder), stdout=out)
    [archive] = folder.glob("senate-*.tar")
    assert "and 2 files" in out.getvalue() and str(archive) in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0  # readable by its owner only
    assert not list(folder.glob(".*"))  # no partial file or scratch folder left behind

    added = UserFactory(full_name="Added After The Backup")
    with pytest.raises(CommandError, match="already has data in it.*--yes"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert User.objects.filter(pk=added.pk).exists()

    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)
    assert not User.objects.filter(pk=added.pk).exists()
    assert "Restored 2 files" in out.getvalue() and "user accounts" in out.getvalue()


@restores
@pytest.mark.parametrize("what", ["database", "a file"])
def test_a_damaged_or_altered_archive_is_refused_before_anything_is_written(records, tmp_path, what):
    made = backup.create_backup(tmp_path / "senate.tar")
    manifest = backup.read_manifest(made.path)
    member = manifest["database"]["member"] if what == "database" else "files/" + manifest["files"][0]["name"]
    tampered = rewrite(made.path, tmp_path / "tampered.tar", change=member)
    UserFactory(full_name="Added After The Backup")
    overwrite(manifest["files"][0]["name"], b"changed after the backup")
    before = state()

    with pytest.raises(backup.BackupError, match=f"{member} does not match the SHA-256.*Nothing was restored"):
        backup.restore_backup(tampered, force=True)

    assert state() == before


@restores
def test_an_archive_of_the_other_kind_of_database_is_refused(records, tmp_path):
    made = backup.create_backup(tmp_path / "senate.tar")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def from_the_other_database(manifest):
        manifest["database"]["vendor"] = other

    archive = rewrite(made.path, tmp_path / "other.tar", manifest=from_the_other_database)
    added = UserFactory()
    with pytest.raises(backup.BackupError, match=f"backup is of a {backup.VENDOR_NAMES[other]} database, but"):
        backup.restore_backup(archive, force=True)
    assert User.objects.filter(pk=added.pk).exists()


@restores
def test_an_archive_from_a_newer_release_is_refused(records, tmp_path):
    made = backup.create_backup(tmp_path / "senate.tar")

    def from_the_future(manifest):
        manifest["migrations"]["evidence"] = ["0999_not_written_yet"]

    archive = rewrite(made.path, tmp_path / "newer.tar", manifest=from_the_future)
    with pytest.raises(backup.BackupError, match="newer release of Senate.*evidence.0999_not_written_yet"):
        backup.restore_backup(archive, force=True)


@restores
def test_a_database_without_accounts_counts_as_empty_and_needs_no_yes(tmp_path):
    assert backup.database_is_empty()
    made = backup.create_backup(tmp_path / "empty.tar")
    assert made.files == 0
    assert backup.restore_backup(made.path).users == 0
    UserFactory()
    assert not backup.database_is_empty()


def test_something_that_is_not_a_backup_is_refused(tmp_path):
    (tmp_path / "notes.tar").write_bytes(b"not a tar file")
    with pytest.raises(backup.BackupError, match="not a Senate backup"):
        backup.read_manifest(tmp_path / "notes.tar")
    with pytest.raises(backup.BackupError, match="no backup file"):
        backup.read_manifest(tmp_path / "missing.tar")


def test_without_pg_dump_the_message_says_to_install_postgresql_client(monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda program: None)
    with pytest.raises(backup.BackupError, match="pg_dump is not installed.*install postgresql-client"):
        backup.require_program("pg_dump")


def test_pg_dump_gets_the_connection_from_the_database_settings(monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda program: f"/usr/bin/{program}")
    settings_dict = {
        "NAME": "senate",
        "HOST": "db.example",
        "PORT": 5433,
        "USER": "senate",
        "PASSWORD": "s3cret",
        "OPTIONS": {"sslmode": "require"},
    }
    args, env = backup._pg_command("pg_dump", settings_dict)
    assert args == ["/usr/bin/pg_dump", "--host=db.example", "--port=5433", "--username=senate"]
    assert env["PGPASSWORD"] == "s3cret" and env["PGSSLMODE"] == "require"
    assert "s3cret" not in " ".join(args)  # never on the command line, where ps shows it
    assert backup._pg_name(settings_dict) == "senate"


# --- SQLite as production has it: a file in WAL mode that another process has open ---------------


@pytest.fixture
def sqlite_file_database(records, tmp_path, settings):
    """A migrated SQLite file database in WAL mode, holding a copy of the test database's records,
    reachable as its own connection alias."""
    if connection.vendor != "sqlite":
        pytest.skip("the suite runs on PostgreSQL: the SQLite file database is tested on the SQLite run")
    path = tmp_path / "senate.sqlite3"
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.execute("PRAGMA journal_mode=WAL")
    copy.close()
    alias, default = "backup_file", settings.DATABASES["default"]
    file_database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": dict(default["OPTIONS"])}
    settings_dict = connections.configure_settings({"default": dict(default), alias: file_database})[alias]
    connections[alias] = SQLiteDatabaseWrapper(settings_dict, alias)  # made here, so the test may use it
    yield alias, path
    connections[alias].close()
    del connections[alias]


@restores
def test_a_sqlite_file_database_in_wal_mode_is_restored_while_another_process_has_it_open(
    sqlite_file_database, tmp_path
):
    alias, path = sqlite_file_database
    before = state(alias)
    assert before["users"] and len(before["files"]) == 2
    web = sqlite3.connect(path)  # as the web server would hold it
    users = web.execute("SELECT COUNT(*) FROM accounts_user").fetchone()[0]
    # a write in progress elsewhere is not in the backup: the copy is one consistent snapshot
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN")
    writer.execute("UPDATE accounts_user SET full_name = 'Half Written'")

    made = backup.create_backup(tmp_path / "senate.tar.gz", using=alias)
    writer.execute("COMMIT")
    writer.close()

    assert made.vendor == "sqlite"
    with tarfile.open(made.path) as tar:  # compressed, as its name asks
        assert tar.getmember("database.sqlite3").size == backup.read_manifest(made.path)["database"]["size"]
    User.objects.using(alias).update(full_name="Someone Else")
    overwrite(before["versions"][0][1], b"changed after the backup")
    with pytest.raises(backup.BackupError, match="--yes"):
        backup.restore_backup(made.path, using=alias)

    restored = backup.restore_backup(made.path, using=alias, force=True)

    assert state(alias) == before and restored.users == users
    assert web.execute("SELECT COUNT(*) FROM accounts_user WHERE full_name = 'Someone Else'").fetchone()[0] == 0
    assert web.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert web.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    web.close()


# --- PostgreSQL ------------------------------------------------------------------------------------


@restores
def test_on_postgresql_the_archive_holds_a_pg_dump_custom_format_dump(records, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite: run it with DATABASE_URL=postgres://... to test pg_dump and pg_restore")
    import subprocess

    made = backup.create_backup(tmp_path / "senate.tar")
    with tarfile.open(made.path) as tar:
        dump = tar.extractfile("database.pgdump").read()
    assert dump.startswith(b"PGDMP")  # pg_dump's custom format
    (tmp_path / "database.pgdump").write_bytes(dump)
    listing = subprocess.run(
        ["pg_restore", "--list", str(tmp_path / "database.pgdump")], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE DATA public evidence_evidenceversion" in listing


@pytest.fixture
def fresh_postgresql_database():
    """A new, empty PostgreSQL database beside the test database, as on a replacement server, reachable
    as its own connection alias; dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite: run it with DATABASE_URL=postgres://... to test pg_restore")
    import psycopg
    from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLDatabaseWrapper

    default = connection.settings_dict
    name, alias = f"{default['NAME']}_restore", "backup_fresh"
    server = {"host": default["HOST"] or None, "port": default["PORT"] or None, "user": default["USER"] or None}
    server["password"] = default["PASSWORD"] or None

    def run(sql):
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}"')
    run(f'CREATE DATABASE "{name}"')
    settings_dict = connections.configure_settings({"default": dict(default), alias: dict(default, NAME=name)})[alias]
    connections[alias] = PostgreSQLDatabaseWrapper(settings_dict, alias)
    yield alias
    connections[alias].close()
    del connections[alias]
    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@restores
def test_on_postgresql_a_backup_restores_into_a_new_empty_database_without_yes(
    records, fresh_postgresql_database, tmp_path
):
    alias = fresh_postgresql_database
    assert backup.database_is_empty(alias)
    made = backup.create_backup(tmp_path / "senate.tar")

    restored = backup.restore_backup(made.path, using=alias)

    assert state(alias) == state("default")
    assert restored.users == User.objects.count() and restored.migrations_to_apply == []
