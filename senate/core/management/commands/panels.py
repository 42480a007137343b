import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Panel assembly: `senate panels solve PROBLEM.json [--time-limit S] [--output ANSWER.json]`."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("action", choices=["solve"])
        parser.add_argument("rest", nargs="*")
        parser.add_argument("--time-limit", dest="time_limit")
        parser.add_argument("--output")

    def handle(
        self, *args: Any, action: str, rest: list[str], time_limit: str | None, output: str | None, **options: Any
    ) -> None:
        from senate.analytics.panel_assignment.cli import main

        argv = (
            list(rest) + (["--time-limit", time_limit] if time_limit else []) + (["--output", output] if output else [])
        )
        code = main(argv)
        sys.stdout.flush()
        if code:
            raise CommandError("The problem file was refused (see the messages above).", returncode=code)
