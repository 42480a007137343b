"""`senate backup PATH`: the database and every uploaded file in one archive (see docs/deploy.md)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Back up the database and every uploaded file to one archive: `senate backup PATH.tar` "
        "(PATH.tar.gz to compress; a folder for a file named senate-<UTC time>.tar in it)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the archive to write, or an existing folder to write it in")

    def handle(self, *args: object, path: str, **options: object) -> None:
        from senate.core.backup import VENDOR_NAMES, BackupError, create_backup, human_size

        try:
            made = create_backup(path)
        except BackupError as error:
            raise CommandError(f"No backup was made. {error}") from None
        self.stdout.write(
            f"Backed up the {VENDOR_NAMES[made.vendor]} database ({human_size(made.database_bytes)}) and {made.files} "
            f"file{'' if made.files == 1 else 's'} ({human_size(made.file_bytes)}) to {made.path} "
            f"({human_size(made.archive_bytes)})."
        )
