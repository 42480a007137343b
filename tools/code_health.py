"""Figures for issue 20: test density, query-count coverage of pages, and how typed the code is.

    .venv/bin/python tools/code_health.py            # a table
    .venv/bin/python tools/code_health.py --json     # the same figures as JSON

Counted from the source with `ast` (nothing is imported but the URL configuration):

- lines of code: non-blank lines that are not comments, in `senate/` outside tests and migrations;
- tests: `def test_…` functions in `tests/` and each app's `tests/` (a parametrised test counts once);
- pages: the project's named URL patterns; a page "has a query-count test" when a test file that counts
  queries (`CaptureQueriesContext`, `django_assert_num_queries`, `assert_max_num_queries`) names it,
  by `reverse("app:name")` or by a literal path (an f-string's fields read as `1`), or counts every HTML
  page of the page benchmark's list (`bench/pages/pages.py`);
- parameters annotated `Any` against all annotated-or-not parameters (not `self`/`cls`), and
  `type: ignore` comments.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENATE = ROOT / "senate"
QUERY_COUNTING = re.compile(r"CaptureQueriesContext|django_assert_num_queries|assert_max_num_queries")


def _source_files(tests: bool) -> list[Path]:
    found = []
    for path in sorted(SENATE.rglob("*.py")):
        parts = path.relative_to(SENATE).parts
        if "migrations" in parts:
            continue
        if ("tests" in parts) == tests:
            found.append(path)
    if tests:
        found += sorted((ROOT / "tests").rglob("*.py"))
    return found


def _code_lines(path: Path) -> int:
    return sum(1 for line in path.read_text().splitlines() if line.strip() and not line.strip().startswith("#"))


def _test_functions(path: Path) -> int:
    tree = ast.parse(path.read_text())
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")
    )


def _is_any(annotation: ast.expr | None) -> bool:
    if isinstance(annotation, ast.Name):
        return annotation.id == "Any"
    if isinstance(annotation, ast.Attribute):
        return annotation.attr == "Any"
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value.strip() == "Any"
    return False


def _parameters(path: Path) -> tuple[int, int]:
    """(all parameters, those annotated Any) of the functions in a file."""
    total = typed_any = 0
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        arguments = node.args
        named = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
        extra = [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
        for argument in named + extra:
            if argument.arg in ("self", "cls"):
                continue
            total += 1
            typed_any += _is_any(argument.annotation)
    return total, typed_any


def _paths_named(tree: ast.AST) -> tuple[set[str], set[str]]:
    """URL names given to reverse(), and literal paths, in a test file."""
    names, paths = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "reverse":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "1" for v in node.values)
            if text.startswith("/"):
                paths.add(text)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("/"):
            paths.add(node.value)
    return names, paths


def _benchmark_pages() -> set[str]:
    """The HTML pages `bench/pages/pages.py` lists (tests/test_query_counts_every_page.py counts each)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_pages_list", ROOT / "bench" / "pages" / "pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return {page.name for page in module.PAGES if page.kind == "html"}


def _pages() -> tuple[list[str], set[str]]:
    """Every named URL pattern, and those a query-counting test names."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    os.environ.setdefault("SENATE_TESTING", "1")
    import django

    django.setup()
    from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                yield from walk(pattern, namespace)
            elif pattern.name:
                yield f"{prefix}{pattern.name}"

    every = sorted(set(walk(get_resolver())))
    counted: set[str] = set()
    for path in _source_files(tests=True):
        text = path.read_text()
        if not QUERY_COUNTING.search(text):
            continue
        names, paths = _paths_named(ast.parse(text))
        if "LISTED.PAGES" in text:  # counts every HTML page of the page benchmark's list
            names |= _benchmark_pages()
        for name in names:
            try:
                reverse(name, args=None)
            except NoReverseMatch:
                pass
            counted.add(name)
        for literal in paths:
            try:
                match = resolve(literal.split("?")[0])
            except Resolver404:
                continue
            if match.view_name:
                counted.add(match.view_name)
    return every, counted & set(every)


def figures() -> dict:
    code = _source_files(tests=False)
    tests = _source_files(tests=True)
    lines = sum(_code_lines(p) for p in code)
    test_count = sum(_test_functions(p) for p in tests)
    parameters = [_parameters(p) for p in code]
    ignores = sum(p.read_text().count("type: ignore") for p in code)
    every, counted = _pages()
    return {
        "lines_of_code": lines,
        "test_functions": test_count,
        "tests_per_1000_lines": round(1000 * test_count / lines, 1),
        "pages": len(every),
        "pages_with_query_count_test": len(counted),
        "parameters": sum(t for t, _ in parameters),
        "parameters_any": sum(a for _, a in parameters),
        "type_ignores": ignores,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    shown = figures()
    if parser.parse_args().json:
        print(json.dumps(shown, indent=2))
        return
    width = max(map(len, shown))
    for key, value in shown.items():
        print(f"{key.replace('_', ' '):<{width}}  {value}")


if __name__ == "__main__":
    main()
