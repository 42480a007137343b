"""`python -m senate.analytics.panel_assignment PROBLEM.json` runs `senate panels solve`."""

import sys

from .cli import main

sys.exit(main())
