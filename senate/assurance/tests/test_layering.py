"""Assurance sits just below reviews in the import order: none of its code imports the apps below it."""

import re
from pathlib import Path

import senate.assurance

BELOW = re.compile(
    r"^\s*(from|import)\s+senate\.(panels|evidence|reports|beds|council|bundles|search|api|demo)\b", re.M
)


def test_no_assurance_module_imports_an_app_below_it():
    root = Path(senate.assurance.__file__).parent
    offenders = [
        str(p.relative_to(root)) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())
    ]
    assert offenders == []
