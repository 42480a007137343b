"""The page benchmark (bench/pages, issue 19) measures every page: each named URL pattern is in its
list or left out with a reason, so a page added to an app's urls.py is added there too."""

import importlib.util
import sys
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

PAGES_FILE = Path(__file__).resolve().parents[1] / "bench" / "pages" / "pages.py"


def bench_pages():
    spec = importlib.util.spec_from_file_location("bench_pages", PAGES_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _names(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _names(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_pattern_is_measured_or_left_out_with_a_reason():
    listed = bench_pages()
    measured = {page.name for page in listed.PAGES}
    left_out = {name for name, reason in listed.EXCLUDED.items() if reason.strip()}
    missing = {
        name
        for name in _names()
        if name not in measured | left_out and not name.startswith(tuple(listed.EXCLUDED_PREFIXES))
    }
    assert missing == set(), f"add these to bench/pages/pages.py (PAGES, or EXCLUDED with a reason): {sorted(missing)}"


def test_the_list_names_only_url_patterns_that_exist_and_each_once():
    listed = bench_pages()
    names = set(_names())
    measured = {page.name for page in listed.PAGES}
    assert measured - names == set(), "measured pages whose URL pattern is gone"
    assert set(listed.EXCLUDED) - names == set(), "left-out pages whose URL pattern is gone"
    assert measured & set(listed.EXCLUDED) == set(), "a page both measured and left out"
    assert len({page.label for page in listed.PAGES}) == len(listed.PAGES), "a page measured twice the same way"


def test_the_trivial_page_and_the_heaviest_pages_are_in_the_list():
    pages = bench_pages().PAGES
    assert pages[0].name == "core:accessibility" and pages[0].find is None
    heavy = {page.name for page in pages if page.heavy}
    assert heavy == {"organisations:senate_home", "members:directory", "reviews:detail"}
    assert any(page.cached and page.kind == "pdf" for page in pages), "the report PDF, kept once made"
