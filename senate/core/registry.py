"""Extension points: how a later app contributes to a page or a run that an earlier app owns, without the
earlier app importing it (docs/dev/structure.md). The app that owns a point declares it with `point()`;
each later app registers what it contributes from its `AppConfig.ready()` with `register()`, giving an
order where order shows on the page. Nothing is looked up by name at call time: a contribution is
imported when it is registered, so one that cannot be imported stops Senate at start-up rather than
silently disappearing from a page."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import import_string


class ExtensionError(LookupError):
    """A point that nobody declared, or a contribution that cannot be imported."""


@dataclass
class Point:
    name: str
    what: str
    contributions: list[tuple[int, int, Any, str]] = field(default_factory=list)


_POINTS: dict[str, Point] = {}


def point(name: str, what: str) -> str:
    """Declare an extension point, once, in the module of the app that asks it. Returns its name."""
    _POINTS.setdefault(name, Point(name, what))
    return name


def register(name: str, contribution: object, *, order: int, label: str = "") -> None:
    """Add a contribution to a declared point; a dotted path is imported now, so one that cannot be
    imported raises here, in `ready()`. Registering the same one twice keeps one."""
    fn = _imported(name, contribution) if isinstance(contribution, str) else contribution
    found = _point(name)
    if any(existing is fn for _o, _s, existing, _l in found.contributions):
        return
    found.contributions.append((order, len(found.contributions), fn, label))
    found.contributions.sort(key=lambda c: (c[0], c[1]))


def contributions(name: str) -> list[Any]:
    """What the later apps contribute to this point, in their order."""
    return [fn for _order, _seq, fn, _label in _point(name).contributions]


def one(name: str) -> Any:
    """The one contribution a point takes (a rule or a reader that one later app answers for); raises
    when none or several are registered, rather than answering for the missing app."""
    found = contributions(name)
    if len(found) != 1:
        raise ExtensionError(f"{name!r} needs exactly one contribution; {len(found)} registered")
    return found[0]


def labelled(name: str) -> list[tuple[str, Any]]:
    """The contributions with the words each was registered with (what a run prints beside a count)."""
    return [(label, fn) for _order, _seq, fn, label in _point(name).contributions]


def _point(name: str) -> Point:
    try:
        return _POINTS[name]
    except KeyError:
        raise ExtensionError(f"No extension point {name!r} has been declared") from None


def _imported(name: str, path: str) -> Callable[..., Any]:
    try:
        return import_string(path)  # type: ignore[no-any-return]
    except ImportError as error:
        raise ExtensionError(f"{path!r}, registered for {name!r}, cannot be imported: {error}") from error
