import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Bed test: `senate beds assess SCENARIO.json` prints the baseline and proposal comparison as JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("action", choices=["assess"])
        parser.add_argument("scenario")

    def handle(self, *args: Any, action: str, scenario: str, **options: Any) -> None:
        from senate.analytics.bed_capacity.cli import main

        code = main([scenario])
        sys.stdout.flush()
        if code:
            raise CommandError("The scenario was refused (see the messages above).", returncode=code)
