"""Every page declares who may use it. A view is either `public` or `requires(permission)`;
the login middleware refuses any view that declares neither, so a forgotten check fails closed."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

View = Callable[..., HttpResponseBase]


def public(view: View) -> View:
    """Anyone, signed in or not, may open this page."""
    view.senate_access = "public"  # type: ignore[attr-defined]
    return view


def signed_in(view: View) -> View:
    """Anyone signed in may open this page (it shows only their own things)."""
    view.senate_access = "signed-in"  # type: ignore[attr-defined]
    return view


def requires(permission: str, *, on: str = "senate") -> Callable[[View], View]:
    """The signed-in person needs `permission` on the current Senate (or on the object the view
    names by `on`, resolved by the view itself with `check`)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if on == "senate":
                check(request, permission, getattr(request, "senate", None))
            return view(request, *args, **kwargs)

        wrapped.senate_access = f"permission:{permission}"  # type: ignore[attr-defined]
        return wrapped

    return decorate


def check(request: HttpRequest, permission: str, obj: Any = None) -> None:
    if not request.user.has_perm(str(permission), obj):
        from senate.accounts.permissions import describe

        raise PermissionDenied(f"you need permission to {describe(permission)}")
