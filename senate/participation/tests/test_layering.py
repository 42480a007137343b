"""Participation sits below council (it reads panels, evidence and Council attendance) and above bundles,
search, api and demo: it imports none of those, and no app above it imports it (council and evidence
ask for accessible formats by name, at call time)."""

import re
from pathlib import Path

import senate

BELOW = re.compile(r"^\s*(from|import)\s+senate\.(bundles|search|api|demo)\b", re.M)
PARTICIPATION = re.compile(r"^\s*(from|import)\s+senate\.participation\b", re.M)
ABOVE = ["core", "accounts", "organisations", "notifications", "members", "interests", "reviews", "panels",
         "evidence", "beds", "reports", "council"]  # fmt: skip


def test_participation_imports_no_app_below_it():
    root = Path(senate.__file__).parent / "participation"
    offenders = [str(p) for p in root.rglob("*.py") if "tests" not in p.parts and BELOW.search(p.read_text())]
    assert offenders == []


def test_no_app_above_participation_imports_it_at_module_level():
    """`senate daily` (core) imports it inside its handler, like every other app's reminders."""
    root = Path(senate.__file__).parent
    offenders = [
        str(p)
        for app in ABOVE
        for p in (root / app).rglob("*.py")
        if "tests" not in p.parts and re.search(r"^(from|import)\s+senate\.participation\b", p.read_text(), re.M)
    ]
    assert offenders == []
