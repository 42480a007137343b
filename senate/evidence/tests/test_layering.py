"""Evidence sits above beds, panels, reports, council, api and demo: none of its code imports them.
Panel membership is looked up at call time by name (access.is_on_panel), never imported. (Tests may
use the demo world and the panels' models.)"""

import re
from pathlib import Path

import senate.evidence

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(beds|panels|reports|council|api|demo)\b", re.M)


def test_no_evidence_module_imports_an_app_below_it():
    root = Path(senate.evidence.__file__).parent
    code = [p for p in root.rglob("*.py") if "tests" not in p.relative_to(root).parts]
    offenders = [str(p.relative_to(root)) for p in code if BELOW.search(p.read_text())]
    assert offenders == []
