"""Views stay thin: no view module reads a model itself (`Model.objects…`, `get_object_or_404`). A page's
reads live in its app's `queries.py` (or the domain function it calls), where a test can call them and
count their queries, and the record a page serves is loaded and checked by the framework
(`@requires(..., on=…)`) before the view runs. As manage-breast-screening's lint does, this fails on any
view module that reaches for a model's manager."""

import ast
from pathlib import Path

SENATE = Path(__file__).resolve().parent.parent / "senate"
# The API's token check is the framework's sign-in, not a page: it reads the token it was given.
NOT_VIEWS = {"api/auth.py"}
LOADERS = {"get_object_or_404", "get_list_or_404"}


def view_modules() -> list[Path]:
    found = [*SENATE.glob("*/views.py"), *SENATE.glob("*/views/*.py"), *SENATE.glob("api/*.py")]
    return sorted(p for p in found if str(p.relative_to(SENATE)) not in NOT_VIEWS and p.name != "__init__.py")


def reads_models(source: str) -> list[str]:
    """Where a module reads a model itself: `X.objects` and the shortcut loaders, by line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in LOADERS:
            found.append(f"line {node.lineno}: {ast.unparse(node.func)}()")
    return found


def test_the_check_finds_a_model_read_in_a_view():
    assert reads_models("def page(http):\n    return Meeting.objects.filter(pk=1)\n") == ["line 2: Meeting.objects"]
    assert reads_models("x = get_object_or_404(Meeting, pk=1)\n") == ["line 1: get_object_or_404()"]
    assert reads_models("rows = queries.meetings_of(senate)\n") == []


def test_every_app_has_view_modules_to_check():
    apps_with_views = {p.relative_to(SENATE).parts[0] for p in view_modules()}
    assert {"reviews", "panels", "evidence", "council", "interests", "api"} <= apps_with_views


def test_no_view_module_reads_a_model_itself():
    offenders = {
        str(path.relative_to(SENATE)): reads for path in view_modules() if (reads := reads_models(path.read_text()))
    }
    assert offenders == {}, "move these reads into the app's queries.py: " + repr(offenders)
