"""One permission vocabulary (issue 13, ADR 0005): every permission is a member of its app's enum
(`senate/<app>/permission_names.py`) granted by one named predicate in that app's permissions.py; code and
templates ask it by the member, never by a raw "app.codename" string; and a predicate is defined once
(in the app that owns the concept, or accounts for role-based ones) and imported everywhere else."""

import ast
import re
from enum import StrEnum
from pathlib import Path

import rules
from rules.predicates import Predicate

import senate
from senate.config.jinja2 import permission_enums

SENATE = Path(senate.__file__).parent
ROOT = SENATE.parent
LITERAL = re.compile(r"""(["'])([a-z_]+\.[a-z_]+)\1""")


def _enum_members() -> list[StrEnum]:
    return [member for enum in permission_enums().values() for member in enum]


def _sources(*suffixes: str) -> list[Path]:
    found = []
    for folder in (SENATE, ROOT / "tests"):
        for path in folder.rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts and path.name != "permission_names.py":
                found.append(path)
    return sorted(found)


def test_every_registered_permission_is_an_enum_member_with_one_predicate():
    members = _enum_members()
    values = [str(m) for m in members]
    assert len(values) == len(set(values)), "a permission is named in two enums"
    registered = rules.permissions.permissions
    assert [name for name in registered if not isinstance(name, StrEnum)] == [], "registered by a raw string"
    assert sorted(map(str, registered)) == sorted(values), "every member is granted, and only members are"
    assert all(isinstance(predicate, Predicate) for predicate in registered.values())


def test_every_permission_is_granted_once_in_a_permissions_module():
    """add_perm refuses a second grant at run time; set_perm would silently replace one, so none is used,
    and every grant is made in a permissions.py."""
    grants = []
    for path in _sources(".py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in {"add_perm", "set_perm"} and getattr(node.func.value, "id", "") == "rules":
                    grants.append((str(path.relative_to(ROOT)), node.func.attr, node.lineno))
    assert [g for g in grants if g[1] == "set_perm" or not g[0].endswith("permissions.py")] == []
    assert len(grants) == len(_enum_members())


def test_no_raw_permission_string_outside_the_permissions_modules():
    names = {str(m) for m in _enum_members()}
    raw = []
    for path in _sources(".py", ".jinja", ".html", ".txt"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for match in LITERAL.finditer(line):
                if match.group(2) in names:
                    raw.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert raw == [], "ask the permission by its enum member (templates: perms.<app>.<NAME>)"


def test_templates_can_name_every_permission():
    from django.template import engines

    env = engines["jinja2"].env  # type: ignore[attr-defined]
    for label, enum in permission_enums().items():
        assert getattr(env.globals["perms"], label) is enum


def test_each_predicate_is_defined_once():
    """A predicate defined in two apps (there were three runs_the_senate, two acts_for_requester and
    two of each of the advice's visibility rules) drifts; each is defined in one place and imported."""
    defined: dict[str, list[str]] = {}
    for path in _sources(".py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef) and any(
                "predicate" in ast.unparse(decorator) for decorator in node.decorator_list
            ):
                if node.name != "predicate":  # the inner function of a predicate factory
                    defined.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}


def test_a_predicate_asked_by_name_fails_closed_when_no_app_defines_it():
    from senate.accounts.permissions import asked_by_name

    assert asked_by_name("panels.on_the_panel").name == "panels.on_the_panel"
    assert rules.rule_exists("panels.on_the_panel")
    assert asked_by_name("nowhere.no_such_rule").test(None, None) is False
