"""`senate restore PATH [--yes]`: put back the database and the uploaded files from a backup."""

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Restore a backup made by `senate backup`: `senate restore PATH.tar [--yes]`. Checks every file "
        "against the backup's manifest first; replaces a database with data in it only with --yes. "
        "Stop the web server and the worker first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the archive `senate backup` wrote")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="replace the database even though it has data in it (all of that data is lost)",
        )

    def handle(self, *args: object, path: str, yes: bool, **options: object) -> None:
        from senate.core.backup import VENDOR_NAMES, BackupError, human_size, restore_backup

        try:
            restored = restore_backup(path, force=yes)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the {VENDOR_NAMES[restored.vendor]} database backed up at {restored.created_at}: {restored.tables} "
            f"tables, {restored.rows} rows, {restored.users} user account{'' if restored.users == 1 else 's'}."
        )
        self.stdout.write(
            f"Restored {restored.files} file{'' if restored.files == 1 else 's'} "
            f"({human_size(restored.file_bytes)}) into storage."
        )
        if restored.files_not_in_backup == 1:
            self.stdout.write("1 file already in storage but not in the backup was left as it was.")
        elif restored.files_not_in_backup:
            self.stdout.write(
                f"{restored.files_not_in_backup} files already in storage but not in the backup were left as they were."
            )
        if restored.migrations_to_apply:
            self.stdout.write(
                f"The restored database is behind this release of Senate: run `senate migrate` to apply "
                f"{len(restored.migrations_to_apply)} migration{'' if len(restored.migrations_to_apply) == 1 else 's'}."
            )
