from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase


class LoginRequiredMiddleware:
    """Pages are private unless marked public; a page that declares no access rule is refused, and so
    is one that names a record in its URL (`pk`) without naming the record it serves."""

    exempt_prefixes = ("/admin/", "/api/", "/static/", "/media/", "/oidc/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view: Callable[..., HttpResponseBase],
        args: tuple[object, ...],
        kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if request.path.startswith(self.exempt_prefixes):
            return None
        access = getattr(view, "senate_access", None)
        if access is None:
            raise PermissionDenied("This page has not declared who may use it.")
        if access.startswith("permission:") and "pk" in kwargs and getattr(view, "senate_serves", None) is None:
            # It names a record but not the rule that guards it (requires(permission, on=…)): refuse.
            raise PermissionDenied("This page names a record but has not declared who may see it.")
        if access == "public" or request.user.is_authenticated:
            return None
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


class SecurityHeadersMiddleware:
    """A Content-Security-Policy and a Permissions-Policy on every response (a view may set a stricter
    or a document's own policy first; it is then left alone)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from senate.core import csp

        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", csp.POLICY)
        response.headers.setdefault("Permissions-Policy", csp.PERMISSIONS_POLICY)
        return response


class QueryCountMiddleware:
    """Counts the database queries each response took and says so in an `X-Senate-Queries` header, for
    the page benchmark (bench/pages). It is in the middleware only when SENATE_COUNT_QUERIES=1 is set
    (never by default, never in tests but its own), so nothing is counted in service."""

    header = "X-Senate-Queries"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.db import connections

        count = [0]

        def counted(execute: Callable[..., object], sql: str, params: object, many: bool, context: object) -> object:
            count[0] += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counted):
            response = self.get_response(request)
        response[self.header] = str(count[0])
        return response
