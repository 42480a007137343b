from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from senate.core.access import public


@public
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers, uptime checks and the load benchmark: the web process answers. It reads
    nothing, so a request without a session cookie never touches the database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@public
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement every public sector service publishes. It reads nothing beyond the
    session, so the load benchmark also uses it as its trivial page: the layout and nothing else."""
    return render(request, "core/accessibility.jinja")


def _error(request: HttpRequest, template: str, status: int, **context: object) -> HttpResponse:
    return render(request, template, context, status=status)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "core/403.jinja", 403, reason=str(exception or ""))


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "core/404.jinja", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, "core/500.jinja", 500)
