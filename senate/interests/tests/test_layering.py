"""Interests sits below reviews in the import order (docs/adr/0003): none of its code imports reviews."""

import re
from pathlib import Path

import senate.interests

IMPORTS_REVIEWS = re.compile(
    r"^\s*(from\s+senate\.reviews|import\s+senate\.reviews|from\s+senate\s+import\s+.*\breviews\b)", re.M
)


def test_no_interests_module_imports_the_reviews_app():
    root = Path(senate.interests.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py") if IMPORTS_REVIEWS.search(p.read_text())]
    assert offenders == []
