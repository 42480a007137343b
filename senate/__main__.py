"""`senate COMMAND`: Django's management commands under the project's own name, e.g.
`senate demo`, `senate panels solve PROBLEM.json`, `senate beds assess SCENARIO.json`."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    from django.core.management import execute_from_command_line

    argv = list(argv if argv is not None else sys.argv)
    argv[0] = "senate"
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
