"""The work programme sits below council and above bundles, search, api and demo (docs/dev/structure.md):
it never imports those, and no app above it imports it (reviews finds its links by name, in sections)."""

import re
from pathlib import Path

import senate

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(bundles|search|api|demo)\b", re.M)
PROGRAMME = re.compile(r"^\s*(from|import)\s+senate\.programme\b", re.M)
ABOVE = ["core", "accounts", "organisations", "notifications", "members", "interests", "reviews", "panels",
         "evidence", "beds", "reports", "council"]  # fmt: skip


def test_programme_imports_no_app_below_it():
    root = Path(senate.__file__).parent / "programme"
    offenders = [str(p) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())]
    assert offenders == []


def test_no_app_above_programme_imports_it():
    root = Path(senate.__file__).parent
    # `senate daily` (core's command) runs each app's daily work, importing it when it runs.
    daily = root / "core" / "management" / "commands" / "daily.py"
    code = [p for app in ABOVE for p in (root / app).rglob("*.py") if p != daily]
    offenders = [str(p) for p in code if PROGRAMME.search(p.read_text())]
    assert offenders == []
