"""The national view sits below council and bundles (it reads published and issued advice) and above
search, api and demo: it imports none of them, and no app above it imports it (core's header asks for
its navigation by name)."""

import re
from pathlib import Path

import senate

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(statistics|search|api|demo)\b", re.M)
NATIONAL = re.compile(r"^\s*(from|import)\s+senate\.national\b", re.M)
ABOVE = ["core", "accounts", "organisations", "notifications", "members", "interests", "reviews", "panels",
         "evidence", "beds", "reports", "council", "bundles"]  # fmt: skip


def test_national_imports_no_app_below_it():
    root = Path(senate.__file__).parent / "national"
    offenders = [str(p) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())]
    assert offenders == []


def test_no_app_above_national_imports_it():
    root = Path(senate.__file__).parent
    offenders = [str(p) for app in ABOVE for p in (root / app).rglob("*.py") if NATIONAL.search(p.read_text())]
    assert offenders == []
