"""The Jinja2 environment: NHS.UK design-system macros from nhsuk-frontend-jinja, plus the few
helpers every page needs (urls, static files, permissions, the signed-in person's navigation)."""

from enum import StrEnum
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import nhsuk_frontend_jinja
from django.apps import apps
from django.contrib import messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup

from senate.core.forms import make_form_helpers
from senate.organisations.navigation import navigation_for

_NHSUK = Path(nhsuk_frontend_jinja.__file__).parent / "templates"


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def has_perm(user: Any, permission: str, obj: Any = None) -> bool:
    return bool(user.has_perm(str(permission), obj))


def permission_enums() -> dict[str, type[StrEnum]]:
    """Every app's permissions enum (`senate/<app>/permission_names.py`), by app label. Templates ask them
    through the `perms` global: `has_perm(request.user, perms.reviews.TRIAGE, r)`, never by a string."""
    found: dict[str, type[StrEnum]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("senate.") or find_spec(f"{config.name}.permission_names") is None:
            continue
        module = import_module(f"{config.name}.permission_names")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, StrEnum) and value.__module__ == module.__name__:
                found[config.label] = value
    return found


def indent(s: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    """Jinja's `indent` filter, giving the same text, but working on plain text and marking the result
    safe once. Jinja's own works line by line on `Markup`, which the NHS macros nest (a table indents
    each cell, then the table, then its wrapper): most of the time a long table took to render."""
    markup = isinstance(s, Markup)
    indention, text = (width if isinstance(width, str) else " " * width), str(s) + "\n"
    if blank:
        rv = ("\n" + indention).join(text.splitlines())
    else:
        lines = text.splitlines()
        rv = lines.pop(0)
        if lines:
            rv += "\n" + "\n".join(indention + line if line else line for line in lines)
    if first:
        rv = indention + rv
    return Markup(rv) if markup else rv


def environment(**options: Any) -> Environment:
    loader = options.pop("loader")
    options["undefined"] = ChainableUndefined
    options.setdefault("autoescape", True)
    options["extensions"] = ["jinja2.ext.do"]
    env = Environment(
        loader=ChoiceLoader([loader, FileSystemLoader([str(_NHSUK), str(_NHSUK / "nhsuk")])]),
        **options,
    )
    env.globals.update(
        {
            "url": url,
            "static": static,
            "has_perm": has_perm,
            "perms": SimpleNamespace(**permission_enums()),
            "navigation_for": navigation_for,
            "get_messages": messages.get_messages,
        }
    )
    env.globals.update(make_form_helpers(env))
    env.filters["indent"] = indent
    env.filters["date_uk"] = lambda d: d.strftime("%-d %B %Y") if d else ""
    env.filters["time_uk"] = lambda t: timezone.localtime(t).strftime("%-d %B %Y at %H:%M") if t else ""
    return env
