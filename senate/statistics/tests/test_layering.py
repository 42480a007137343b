"""Statistics sit below bundles (they read every app's records) and above search, api and demo: they
import none of those, and no app above them imports them."""

import re
from pathlib import Path

import senate

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(search|api|demo)\b", re.M)
STATISTICS = re.compile(r"^\s*(from|import)\s+senate\.statistics\b", re.M)
ABOVE = ["core", "accounts", "organisations", "notifications", "members", "interests", "reviews", "panels",
         "evidence", "beds", "reports", "council", "programme", "participation", "bundles", "national"]  # fmt: skip


def test_statistics_import_no_app_below_them():
    root = Path(senate.__file__).parent / "statistics"
    offenders = [str(p) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())]
    assert offenders == []


def test_no_app_above_statistics_imports_them():
    root = Path(senate.__file__).parent
    offenders = [
        str(p)
        for app in ABOVE
        for p in (root / app).rglob("*.py")
        if "tests" not in p.parts and STATISTICS.search(p.read_text())  # a test may name any app's permission
    ]
    assert offenders == []
