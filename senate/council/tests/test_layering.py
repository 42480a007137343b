"""Council sits above api and demo in the import order (docs/dev/structure.md): it never imports them,
and the apps above it reach Council only through the extension points (sections, navigation, acts)."""

import re
from pathlib import Path

import senate

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(api|demo)\b", re.M)
COUNCIL = re.compile(r"^\s*(from|import)\s+senate\.council\b", re.M)
ABOVE = ["core", "accounts", "organisations", "notifications", "members", "interests", "reviews", "reports"]


def test_council_imports_no_app_below_it():
    root = Path(senate.__file__).parent / "council"
    offenders = [str(p) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())]
    assert offenders == []


def test_no_app_above_council_imports_it():
    root = Path(senate.__file__).parent
    offenders = [str(p) for app in ABOVE for p in (root / app).rglob("*.py") if COUNCIL.search(p.read_text())]
    assert offenders == []
