"""Every page declares who may use it. A view is either `public` or `requires(permission)`;
the login middleware refuses any view that declares neither, so a forgotten check fails closed.

A page that serves one record names it: `requires(permission, on=REQUEST)`. The framework then finds
the record named in the URL, within the current Senate, checks the permission on that record, and
only then calls the view with the record in place of its key; the view never loads it itself. Each
app that owns a kind of record declares its `Served` (reviews: REQUEST; council: MEETING; …). A view
whose URL names a record by `pk` but that declares no `Served` is refused (the login middleware)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

View = Callable[..., HttpResponseBase]

# What each permission lets a person do, in words for the "you cannot open this page" message: each app
# adds its own permissions' descriptions in its permission_names.py or permissions.py.
DESCRIPTIONS: dict[str, str] = {}


def describe(permission: str) -> str:
    described: dict[str, str] = {str(k): v for k, v in DESCRIPTIONS.items()}
    return described.get(str(permission), str(permission).split(".", 1)[-1].replace("_", " "))


@dataclass(frozen=True)
class Served:
    """A kind of record a page serves: the URL keyword naming it (`key`; several, in order, for a
    record named within another, such as a report's version within its request), the view argument that
    receives it (`name`), how to find it (`find(http, key)`: within the current Senate, and for a
    person's own records, theirs; None when there is none), what the 404 says then, and, when the
    permission is asked of something else than the record, `subject(http, record)` (a loan: of the
    lending Senate; a declaration found in the Senate: of that Senate)."""

    name: str
    key: str | tuple[str, ...]
    find: Callable[..., Any]
    missing: str
    subject: Callable[[HttpRequest, Any], Any] | None = None

    def load(self, request: HttpRequest, permission: str, kwargs: dict[str, Any]) -> Any:
        """Take the record's key (or keys, in order) out of the URL's arguments, find it and check it."""
        keys = (self.key,) if isinstance(self.key, str) else self.key
        found = self.find(request, *(kwargs.pop(k) for k in keys))
        if found is None:
            raise Http404(self.missing)
        check(request, permission, self.subject(request, found) if self.subject else found)
        return found


def public(view: View) -> View:
    """Anyone, signed in or not, may open this page."""
    view.senate_access = "public"  # type: ignore[attr-defined]
    return view


def signed_in(view: View) -> View:
    """Anyone signed in may open this page (it shows only their own things)."""
    view.senate_access = "signed-in"  # type: ignore[attr-defined]
    return view


def requires(permission: str, *, on: Served | None = None) -> Callable[[View], View]:
    """The signed-in person needs `permission` on the current Senate, or, with `on`, on the record
    the URL names: found and checked here, then given to the view as its argument `on.name`."""
    if on is not None and not isinstance(on, Served):
        raise TypeError(f"requires(on=…) takes a Served record kind, not {on!r}")

    def decorate(view: View) -> View:
        if on is not None and _first_parameter(view) == on.name:
            raise TypeError(
                f"{view.__qualname__}: its first parameter is named {on.name!r}, so it cannot be served the "
                f"record by that name (put decorators such as @require_POST above @requires)"
            )

        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
            if on is None:
                check(request, permission, getattr(request, "senate", None))
            else:
                kwargs[on.name] = on.load(request, permission, kwargs)
            return view(request, *args, **kwargs)

        wrapped.senate_access = f"permission:{permission}"  # type: ignore[attr-defined]
        wrapped.senate_serves = on  # type: ignore[attr-defined]
        return wrapped

    return decorate


def _first_parameter(view: View) -> str:
    import inspect

    parameters = list(inspect.signature(view, follow_wrapped=False).parameters)
    return parameters[0] if parameters else ""


def check(request: HttpRequest, permission: str, obj: Model | None = None) -> None:
    if not request.user.has_perm(str(permission), obj):
        raise PermissionDenied(f"you need permission to {describe(permission)}")
