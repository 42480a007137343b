"""Bundles sit below council (they read every app's records) and above api and demo: they import
neither, and no app above them imports them (reviews finds the bundle link by name, in sections)."""

import re
from pathlib import Path

import senate

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(api|demo)\b", re.M)
BUNDLES = re.compile(r"^\s*(from|import)\s+senate\.bundles\b", re.M)
ABOVE = ["core", "accounts", "organisations", "notifications", "members", "interests", "reviews", "panels",
         "evidence", "beds", "reports", "council", "programme"]  # fmt: skip


def test_bundles_import_no_app_below_them():
    root = Path(senate.__file__).parent / "bundles"
    offenders = [str(p) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())]
    assert offenders == []


def test_no_app_above_bundles_imports_them():
    root = Path(senate.__file__).parent
    offenders = [str(p) for app in ABOVE for p in (root / app).rglob("*.py") if BUNDLES.search(p.read_text())]
    assert offenders == []
