"""Recruitment sits after interests and before reviews in the import order: it imports no app below it."""

import re
from pathlib import Path

import senate.recruitment

BELOW = "reviews|panels|evidence|reports|beds|council|bundles|search|api|demo"
IMPORTS_BELOW = re.compile(rf"^\s*(from|import)\s+senate\.({BELOW})\b", re.M)


def test_no_recruitment_module_imports_an_app_below_it():
    root = Path(senate.recruitment.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py") if IMPORTS_BELOW.search(p.read_text())]
    assert offenders == []
