"""Backing Senate up to one archive file, and restoring it (`senate backup`, `senate restore`).

The archive is a tar file (gzip-compressed when its name ends in .gz) holding:

- `database.sqlite3` (SQLite, copied with the online backup API, so it is consistent while the web
  server and the worker write) or `database.pgdump` (PostgreSQL, `pg_dump --format=custom`);
- `files/<name>`: every file in the default storage (MEDIA_ROOT, or the S3 bucket), under its
  storage name;
- `manifest.json`: when and by which Senate it was made, the database vendor, the migrations applied
  in each app, and the size and SHA-256 of the database dump and of every file.

A restore reads the manifest first and changes nothing until every check has passed: the database
vendor matches, this release knows every migration the backup has, the database is empty (or the
caller said yes), and every member's size and SHA-256 match the manifest.
"""

import datetime as dt
import hashlib
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

FORMAT = "senate-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES_PREFIX = "files/"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that was refused or failed, with a message for the person running it."""


@dataclass
class BackupMade:
    path: Path
    vendor: str
    database_bytes: int
    files: int
    file_bytes: int
    archive_bytes: int


@dataclass
class Restored:
    vendor: str
    created_at: str
    tables: int
    rows: int
    users: int
    files: int
    file_bytes: int
    files_not_in_backup: int
    migrations_to_apply: list[str] = field(default_factory=list)


# --- backing up ---------------------------------------------------------------------------------


def default_archive_name(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    return f"senate-{now:%Y-%m-%dT%H%M%SZ}.tar"


def create_backup(output: str | Path, *, using: str = "default", storage: Storage | None = None) -> BackupMade:
    """Write one archive of the database and every stored file to `output` (a file name; when it is an
    existing directory, a file named senate-<UTC time>.tar inside it). The archive appears only when
    complete (written beside it, then renamed), readable by its owner only."""
    storage = storage if storage is not None else default_storage
    connection = connections[using]
    vendor = _vendor(connection)
    output = Path(output)
    if output.is_dir():
        output = output / default_archive_name()
    if not output.parent.is_dir():
        raise BackupError(f"The folder {output.parent} does not exist.")
    created_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    partial = output.with_name(f".{output.name}.partial-{os.getpid()}")
    try:
        with tempfile.TemporaryDirectory(prefix=".senate-backup-", dir=output.parent) as scratch:
            dump = Path(scratch) / DATABASE_MEMBER[vendor]
            if vendor == "sqlite":
                _dump_sqlite(connection, dump)
            else:
                _dump_postgresql(connection, dump)
            database: dict[str, Any] = {
                "vendor": vendor,
                "member": dump.name,
                "size": dump.stat().st_size,
                "sha256": _sha256(dump),
            }
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as raw:
                with tarfile.open(fileobj=raw, mode=_write_mode(output)) as tar:
                    tar.add(dump, arcname=dump.name, recursive=False, filter=_plain(created_at))
                    files = [_add_stored_file(tar, storage, name, created_at) for name in stored_names(storage)]
                    manifest = {
                        "format": FORMAT,
                        "format_version": FORMAT_VERSION,
                        "created_at": created_at.isoformat(),
                        "senate_version": _senate_version(),
                        "django_version": _django_version(),
                        "database": database,
                        "migrations": applied_migration_heads(connection),
                        "storage": f"{type(storage).__module__}.{type(storage).__qualname__}",
                        "files": files,
                    }
                    _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode(), created_at)
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(partial, output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupMade(
        path=output,
        vendor=vendor,
        database_bytes=database["size"],
        files=len(files),
        file_bytes=sum(f["size"] for f in files),
        archive_bytes=output.stat().st_size,
    )


def stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in a storage, walking its folders with listdir (local folders and S3 alike)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local MEDIA_ROOT nobody has uploaded to yet
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for name in sorted(folders):
        yield from stored_names(storage, posixpath.join(folder, name) if folder else name)


def applied_migration_heads(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    """For each app, the applied migrations no other applied migration of that app follows."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    applied = set(loader.applied_migrations)
    heads: dict[str, list[str]] = {}
    for app, name in sorted(applied):
        node = loader.graph.node_map.get((app, name))
        children = {child.key for child in node.children} if node else set()
        if not any(child[0] == app and child in applied for child in children):
            heads.setdefault(app, []).append(name)
    return heads


def _dump_sqlite(connection: BaseDatabaseWrapper, target: Path) -> None:
    """The online backup API, from Django's own connection: one consistent snapshot even in WAL mode
    with others writing. The copy is a single self-contained file (rollback journal, not WAL)."""
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"Could not copy the SQLite database: {error}") from error
    finally:
        destination.close()


def _dump_postgresql(connection: BaseDatabaseWrapper, target: Path) -> None:
    args, env = _pg_command("pg_dump", connection.settings_dict)
    _run(
        [
            *args,
            "--format=custom",
            "--no-password",
            f"--file={target}",
            f"--dbname={_pg_name(connection.settings_dict)}",
        ],
        env,
    )


def _add_stored_file(tar: tarfile.TarFile, storage: Storage, name: str, mtime: dt.datetime) -> dict[str, Any]:
    info = _info(FILES_PREFIX + name, storage.size(name), mtime)
    with storage.open(name, "rb") as stored:
        reader = _HashingReader(stored)
        try:
            tar.addfile(info, reader)
        except OSError as error:
            raise BackupError(f"The stored file {name} changed while it was being backed up: {error}") from error
    return {"name": name, "size": info.size, "sha256": reader.sha256.hexdigest()}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mtime: dt.datetime) -> None:
    tar.addfile(_info(name, len(data), mtime), io.BytesIO(data))


def _info(name: str, size: int, mtime: dt.datetime) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime.timestamp())
    info.mode = 0o600
    return info


def _plain(mtime: dt.datetime) -> Any:
    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mode = 0o600
        info.mtime = int(mtime.timestamp())
        return info

    return clean


class _HashingReader:
    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        return data


# --- restoring ----------------------------------------------------------------------------------


def read_manifest(archive: str | Path) -> dict[str, Any]:
    with _open_archive(archive) as tar:
        return _manifest(tar)


def database_is_empty(using: str = "default") -> bool:
    """Empty means nothing has been done in it: never migrated, or migrated (with the reference data
    the migrations load) but without a single user account."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    connection = connections[using]
    if user_model._meta.db_table not in connection.introspection.table_names():
        return True
    return not user_model._default_manager.using(using).exists()


def restore_backup(
    archive: str | Path, *, using: str = "default", storage: Storage | None = None, force: bool = False
) -> Restored:
    """Put the database and the stored files back as the archive has them. Refuses, changing nothing,
    unless every check passes and the database is empty or `force` is given."""
    storage = storage if storage is not None else default_storage
    connection = connections[using]
    vendor = _vendor(connection)
    with _open_archive(archive) as tar, tempfile.TemporaryDirectory(prefix="senate-restore-") as scratch:
        manifest = _manifest(tar)
        database = manifest["database"]
        if database.get("vendor") != vendor:
            theirs = VENDOR_NAMES.get(database.get("vendor"), str(database.get("vendor")))
            raise BackupError(
                f"This backup is of a {theirs} database, but Senate here uses {VENDOR_NAMES[vendor]}. "
                f"A backup can only be restored into the same kind of database."
            )
        _check_migrations_known(manifest.get("migrations", {}))
        if not force and not database_is_empty(using):
            raise BackupError(
                "The database already has data in it (it has user accounts), so nothing was restored. "
                "Restoring replaces all of it: to do that, run the restore again with --yes."
            )
        dump = Path(scratch) / "database"
        _verify(tar, manifest, dump)

        if vendor == "sqlite":
            _restore_sqlite(connection, dump)
        else:
            _restore_postgresql(connection, dump)
        _forget_cached_rows()

        restored_bytes = 0
        for entry in manifest["files"]:
            restored_bytes += _restore_file(tar, storage, entry)
    archived = {entry["name"] for entry in manifest["files"]}
    tables, rows, users = _counts(connection)
    return Restored(
        vendor=vendor,
        created_at=manifest["created_at"],
        tables=tables,
        rows=rows,
        users=users,
        files=len(manifest["files"]),
        file_bytes=restored_bytes,
        files_not_in_backup=sum(1 for name in stored_names(storage) if name not in archived),
        migrations_to_apply=_unapplied(connection),
    )


def _open_archive(archive: str | Path) -> tarfile.TarFile:
    path = Path(archive)
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    try:
        return tarfile.open(path, mode="r:*")
    except tarfile.TarError as error:
        raise BackupError(f"{path} is not a Senate backup (not a tar archive: {error}).") from error


def _manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.getmember(MANIFEST)
        stream = tar.extractfile(member)
        manifest = json.load(stream) if stream else None
    except (KeyError, ValueError, tarfile.TarError) as error:
        raise BackupError(f"This is not a Senate backup: it has no readable {MANIFEST}.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"This is not a Senate backup: its {MANIFEST} is not Senate's.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This backup is in format version {manifest.get('format_version')}, which this release of "
            f"Senate does not read (it reads version {FORMAT_VERSION})."
        )
    return manifest


def _check_migrations_known(heads: dict[str, list[str]]) -> None:
    """A backup from a newer release has migrations this code has never heard of: restoring it would
    leave a database the code cannot work with."""
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, names in sorted(heads.items()) for name in names if (app, name) not in known]
    if unknown:
        raise BackupError(
            "This backup was made by a newer release of Senate (this release does not have the migration"
            f"{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}). Restore it with that release or later."
        )


def _verify(tar: tarfile.TarFile, manifest: dict[str, Any], dump: Path) -> None:
    """Every member the manifest lists is in the archive with the size and SHA-256 it lists, and
    nothing else is; the database dump is copied to `dump` on the way."""
    database = manifest["database"]
    expected = {database["member"]: database} | {FILES_PREFIX + _safe(f["name"]): f for f in manifest["files"]}
    seen = set()
    for member in tar:
        if member.name == MANIFEST:
            continue
        if member.name not in expected:
            raise BackupError(
                f"The backup holds {member.name}, which its manifest does not list; nothing was restored."
            )
        if not member.isreg():
            raise BackupError(f"The backup's {member.name} is not a plain file; nothing was restored.")
        entry = expected[member.name]
        digest = hashlib.sha256()
        size = 0
        stream = tar.extractfile(member)
        assert stream is not None
        with open(dump, "wb") if member.name == database["member"] else _Discard() as copy:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                copy.write(chunk)
        if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
            raise BackupError(
                f"The backup is damaged or was altered: {member.name} does not match the SHA-256 in its "
                "manifest. Nothing was restored."
            )
        seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"The backup is incomplete: {', '.join(missing[:5])} missing. Nothing was restored.")


if TYPE_CHECKING:
    from _typeshed import ReadableBuffer  # what a raw stream is written with


class _Discard(io.RawIOBase):
    def write(self, data: "ReadableBuffer") -> int:
        return memoryview(data).nbytes


def _safe(name: str) -> str:
    if not name or name.startswith("/") or "\\" in name or posixpath.normpath(name) != name or name.startswith(".."):
        raise BackupError(f"The backup lists a file with an unsafe name ({name!r}); nothing was restored.")
    return name


def _restore_sqlite(connection: BaseDatabaseWrapper, dump: Path) -> None:
    """Close Django's connection, then the backup API in reverse: the copy replaces the live database
    in one transaction (a WAL database stays in WAL mode)."""
    connection.close()  # ignored for an in-memory database, which lives as long as that connection
    name = str(connection.settings_dict["NAME"])
    source = sqlite3.connect(dump)
    target = sqlite3.connect(name, uri=name.startswith("file:"), timeout=30)
    try:
        source.backup(target)
        if target.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as error:
        raise BackupError(f"Could not restore the SQLite database: {error}") from error
    finally:
        target.close()
        source.close()


def _restore_postgresql(connection: BaseDatabaseWrapper, dump: Path) -> None:
    """pg_restore in a single transaction: if anything fails, the database is as it was."""
    connection.close()
    args, env = _pg_command("pg_restore", connection.settings_dict)
    _run(
        [
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--no-password",
            f"--dbname={_pg_name(connection.settings_dict)}",
            str(dump),
        ],
        env,
    )


def _restore_file(tar: tarfile.TarFile, storage: Storage, entry: dict[str, Any]) -> int:
    name = entry["name"]
    stream = tar.extractfile(FILES_PREFIX + name)
    assert stream is not None
    content = File(stream, name=posixpath.basename(name))
    content.size = entry["size"]
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, content)
    if saved != name:
        raise BackupError(f"The storage saved {name} as {saved}; the restore is incomplete.")
    return int(entry["size"])


def _forget_cached_rows() -> None:
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def _counts(connection: BaseDatabaseWrapper) -> tuple[int, int, int]:
    from django.contrib.auth import get_user_model

    tables = connection.introspection.table_names()
    rows = 0
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            rows += cursor.fetchone()[0]
    user_model = get_user_model()
    users = user_model._default_manager.using(connection.alias).count() if user_model._meta.db_table in tables else 0
    return len(tables), rows, users


def _unapplied(connection: BaseDatabaseWrapper) -> list[str]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


# --- shared -------------------------------------------------------------------------------------


def _vendor(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(f"Backups cover SQLite and PostgreSQL, not {connection.vendor}.")
    return str(connection.vendor)


def _write_mode(output: Path) -> Any:
    return "w:gz" if output.name.endswith((".gz", ".tgz")) else "w"


def require_program(program: str) -> str:
    path = shutil.which(program)
    if not path:
        raise BackupError(
            f"{program} is not installed, and PostgreSQL backups need it: install postgresql-client "
            "(on Debian: apt-get install -y postgresql-client), in a version at least the server's."
        )
    return path


def _pg_command(program: str, settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """The program with the connection options of DATABASES: host, port and user as arguments; the
    password and SSL settings in the environment, as Django's own `dbshell` passes them."""
    from django.db.backends.postgresql.client import DatabaseClient

    args = [require_program(program)]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args.append(f"{option}={settings_dict[key]}")
    _psql, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    return args, {**os.environ, **(env or {})}


def _pg_name(settings_dict: dict[str, Any]) -> str:
    """The database to dump or restore into (a service name alone is passed as a connection string)."""
    if settings_dict.get("NAME"):
        return str(settings_dict["NAME"])
    service = settings_dict.get("OPTIONS", {}).get("service")
    return f"service={service}" if service else "postgres"


def _run(command: list[str], env: dict[str, str]) -> None:
    program = Path(command[0]).name
    try:
        finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BackupError(f"Could not run {program}: {error}") from error
    if finished.returncode:
        detail = (finished.stderr or finished.stdout).strip()
        raise BackupError(f"{program} failed (exit {finished.returncode}): {detail}")


def human_size(count: int) -> str:
    size, unit = float(count), "bytes"
    for larger in ("KB", "MB", "GB"):
        if size < 1024:
            break
        size, unit = size / 1024, larger
    return f"{count} bytes" if unit == "bytes" else f"{size:.1f} {unit}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _senate_version() -> str | None:
    from importlib import metadata

    try:
        return metadata.version("senate")
    except metadata.PackageNotFoundError:
        return None


def _django_version() -> str:
    import django

    return django.get_version()
