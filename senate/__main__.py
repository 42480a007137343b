"""`senate COMMAND`: Django's management commands under the project's own name, e.g.
`senate demo`, `senate panels solve PROBLEM.json`, `senate beds assess SCENARIO.json`."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    from django.core.management import execute_from_command_line

    argv = list(argv if argv is not None else sys.argv)
    argv[0] = "senate"
    if argv[1:3] == ["beds", "assess"]:
        # The bed model needs no database, settings or secret: answer without starting Django.
        from senate.analytics.bed_capacity.cli import main as assess

        return assess(argv[3:])
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
