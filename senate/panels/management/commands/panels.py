import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Panel assembly: `senate panels solve PROBLEM.json [--time-limit S] [--output ANSWER.json]`, "
        "or `senate panels export REQUEST... [--output PROBLEM.json]` (the problem the pages would solve)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["solve", "export"])
        parser.add_argument("rest", nargs="*")
        parser.add_argument("--time-limit", dest="time_limit")
        parser.add_argument("--output")

    def handle(
        self, *args: object, action: str, rest: list[str], time_limit: str | None, output: str | None, **options: object
    ) -> None:
        if action == "export":
            return self._export(rest, output)
        from senate.analytics.panel_assignment.cli import main

        argv = (
            list(rest) + (["--time-limit", time_limit] if time_limit else []) + (["--output", output] if output else [])
        )
        code = main(argv)
        sys.stdout.flush()
        if code:
            raise CommandError("The problem file was refused (see the messages above).", returncode=code)

    def _export(self, names: list[str], output: str | None) -> None:
        from django.utils import timezone

        from senate.panels.export import ExportRefused, export_problem, find_requests

        try:
            document, warnings = export_problem(find_requests(names), on=timezone.localdate())
        except ExportRefused as refusal:
            raise CommandError(str(refusal), returncode=2) from None
        for warning in warnings:
            self.stderr.write(warning)
        text = json.dumps(document, indent=2) + "\n"
        if output:
            from pathlib import Path

            from senate.analytics.panel_assignment.cli import _write_atomically

            _write_atomically(Path(output), text)
        else:
            self.stdout.write(text, ending="")
