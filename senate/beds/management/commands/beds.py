import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Bed test: `senate beds assess SCENARIO.json [--workers N]` prints the baseline and proposal "
        "comparison as JSON."
    )
    requires_system_checks: list[str] = []  # the bed model reads no database and no settings

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["assess"])
        parser.add_argument("scenario")
        parser.add_argument(
            "--workers", type=int, default=None, help="threads for the simulation (default: one per CPU, at most 4)"
        )

    def handle(self, *args: object, action: str, scenario: str, workers: int | None, **options: object) -> None:
        from senate.analytics.bed_capacity.cli import main

        code = main([scenario] + ([] if workers is None else ["--workers", str(workers)]))
        sys.stdout.flush()
        if code:
            raise CommandError("The scenario was refused (see the messages above).", returncode=code)
