"""One layering for the whole project (issue 20). The app order is read from the first paragraph of
docs/dev/structure.md; an app may use the apps before it in that order, never those after it, however
it reaches them: an import at the top of a file or inside a function, `import_module("senate.x…")`,
a model looked up by label (`apps.get_model("x", …)`, `apps.get_model("x.Model")`) or a predicate
asked by name (`asked_by_name("x.…")`). `analytics` is plain Python below every app and imports none.
Later apps reach into earlier ones' decisions only through the extension points of `senate.core.registry`.
No two files import each other, directly or round a longer loop. Tests are left out: a test may use
any app (the demo world, another app's factories)."""

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import senate

ROOT = Path(senate.__file__).parent
STRUCTURE = ROOT.parent / "docs" / "dev" / "structure.md"
# Not apps in the order: the project (settings, URLs) wires every app together, and the package itself.
NOT_APPS = {"config", "__init__.py", "__main__.py"}
LOOKUPS_BY_NAME = {"import_module", "get_model", "asked_by_name"}
# A model named by label ("reviews.Request") anywhere but as the model a relation field points at.
MODEL_LABEL = re.compile(r"^([a-z_]+)\.([A-Z]\w*)$")
RELATIONS = {"ForeignKey", "OneToOneField", "ManyToManyField"}


def app_order() -> list[str]:
    first_paragraph = STRUCTURE.read_text().split("\n\n")[1]
    listed = re.search(r"in this order:(.*?)\(", first_paragraph, re.S)
    assert listed, "docs/dev/structure.md's first paragraph lists the apps 'in this order: a, b, … ('"
    return ["analytics", *(name.strip() for name in listed.group(1).split(","))]


def code_files() -> list[Path]:
    return sorted(
        p
        for p in ROOT.rglob("*.py")
        if p.relative_to(ROOT).parts[0] not in NOT_APPS and "tests" not in p.relative_to(ROOT).parts
    )


def module_name(path: Path) -> str:
    parts = ["senate", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@dataclass(frozen=True)
class Use:
    target: str  # a dotted module (senate.x.y) or an app label (x) for a lookup by name
    line: int
    how: str


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _called(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def uses(path: Path) -> Iterator[Use]:
    """Every module or app this file reaches, at any depth of its code."""
    here = module_name(path)
    yield from uses_in(path.read_text(), package=here if path.name == "__init__.py" else here.rpartition(".")[0])


def uses_in(source: str, *, package: str) -> Iterator[Use]:
    tree = ast.parse(source)
    related = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _called(node) in RELATIONS
        for arg in [*node.args[:1], *(k.value for k in node.keywords if k.arg == "to")]
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in related and (label := MODEL_LABEL.match(str(node.value))):
            yield Use(label.group(1), node.lineno, "model label")
        elif isinstance(node, ast.Import):
            yield from (Use(alias.name, node.lineno, "import") for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])]
                )
            for alias in node.names:
                yield Use(f"{base}.{alias.name}", node.lineno, "import")
        elif isinstance(node, ast.Call) and _called(node) in LOOKUPS_BY_NAME and node.args:
            name = _string(node.args[0])
            if name is None:
                continue
            if _called(node) == "import_module":
                yield Use(name, node.lineno, "import_module")
            elif not MODEL_LABEL.match(name):  # a label is seen as a constant above
                yield Use(name.split(".")[0], node.lineno, _called(node))


def app_of(use: Use, order: list[str]) -> str | None:
    """The app a use reaches: `senate.x…` for an import, the label `x` for a lookup by name."""
    parts = use.target.split(".")
    if use.how in {"import", "import_module"}:
        return parts[1] if parts[0] == "senate" and len(parts) > 1 and parts[1] in order else None
    return parts[0] if parts[0] in order else None


def test_the_order_names_every_app_once():
    order = app_order()
    on_disk = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()} - NOT_APPS
    assert sorted(order) == sorted(on_disk)


def test_no_app_uses_an_app_after_it_in_the_order():
    order = app_order()
    rank = {app: i for i, app in enumerate(order)}
    offenders = []
    for path in code_files():
        app = path.relative_to(ROOT).parts[0]
        for use in uses(path):
            target = app_of(use, order)
            if target is not None and rank[target] > rank[app]:
                offenders.append(f"{path.relative_to(ROOT)}:{use.line} {use.how} {use.target} ({app} < {target})")
    assert offenders == []


def test_analytics_imports_no_django_and_no_app():
    offenders = [
        f"{path.relative_to(ROOT)}:{use.line} {use.target}"
        for path in (ROOT / "analytics").rglob("*.py")
        for use in uses(path)
        if use.target.split(".")[0] in {"django", "senate"} and not use.target.startswith("senate.analytics")
    ]
    assert offenders == []


def module_graph() -> dict[str, set[str]]:
    """Which project file imports which (at any depth; `from package import module` names the module)."""
    files = {module_name(p): p for p in code_files()}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for use in uses(path):
            if use.how not in {"import", "import_module"}:
                continue
            target = use.target
            while target and target not in files:
                target = target.rpartition(".")[0]
            if target and target != name:
                graph[name].add(target)
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively: the groups of files that each reach one another."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_no_files_import_each_other():
    assert strongly_connected(module_graph()) == []


def test_the_cycle_finder_finds_a_loop_of_three_and_a_pair():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d", "a"}, "f": {"a"}}
    assert sorted(strongly_connected(graph)) == [["a", "b", "c"], ["d", "e"]]


def test_every_way_of_reaching_an_app_is_seen():
    """The checks above are only as good as what `uses` sees: a lookup by name counts as much as an import."""
    code = (
        "from importlib import import_module\n"
        "def later():\n"
        "    from senate.reports import compose\n"
        "    import_module('senate.council.publication')\n"
        "    apps.get_model('evidence', 'EvidenceItem')\n"
        "    apps.get_model('beds.BedModel')\n"
        "    asked_by_name('panels.on_the_panel')\n"
        "    FOLLOWED = ['council.Meeting']\n"
        "    request = models.ForeignKey('reviews.Request', on_delete=models.PROTECT)\n"
    )
    found_uses = list(uses_in(code, package="senate.core"))
    found = {(u.target, u.how) for u in found_uses}
    assert found >= {
        ("senate.reports.compose", "import"),
        ("senate.council.publication", "import_module"),
        ("evidence", "get_model"),
        ("beds", "model label"),
        ("council", "model label"),
        ("panels", "asked_by_name"),
    }
    assert "reviews" not in {u.target for u in found_uses}, "a relation field may point at a later app's model"
