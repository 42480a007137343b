"""Beds sits above panels, reports, council, api and demo in the import order: none of its code
imports them. Panel membership is looked up by name at run time (rules.on_the_panel)."""

import re
from pathlib import Path

import senate.beds

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(panels|reports|council|api|demo)\b", re.M)


def test_no_beds_module_imports_an_app_below_it():
    root = Path(senate.beds.__file__).parent
    offenders = [
        str(p.relative_to(root)) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())
    ]
    assert offenders == []
