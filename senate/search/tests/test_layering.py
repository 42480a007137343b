"""Search sits below bundles (it reads every app's records) and above api and demo: it imports
neither, and no app above it imports it (the layout finds the search page by its URL name)."""

import re
from pathlib import Path

import senate

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(api|demo)\b", re.M)
SEARCH = re.compile(r"^\s*(from|import)\s+senate\.search\b", re.M)
ABOVE = ["core", "accounts", "organisations", "notifications", "members", "interests", "reviews", "panels",
         "evidence", "beds", "reports", "council", "programme", "bundles"]  # fmt: skip


def test_search_imports_no_app_below_it():
    root = Path(senate.__file__).parent / "search"
    offenders = [str(p) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())]
    assert offenders == []


def test_no_app_above_search_imports_it():
    root = Path(senate.__file__).parent
    offenders = [str(p) for app in ABOVE for p in (root / app).rglob("*.py") if SEARCH.search(p.read_text())]
    assert offenders == []
